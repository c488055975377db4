/**
 * The last word between the first two candidates: of two entries that both fit, the one the asker
 * means is more often the one whose heading says more of the question, that lies nearer it in
 * meaning, and that plain lunr places higher, even where the fused order put the other first on a
 * slightly better word score. Each of those counts by a weight learnt from every policy we have
 * questions for (logistic regression on the pairs whose first two disagree on being right,
 * `npm run bench:pair-preference`); the runner-up goes first when the weighted sum says so.
 */
import type { Candidate } from './ranking';
import type { Tuning } from './tuning';

export type PairWeights = Pick<Tuning, 'pairHeading' | 'pairCloseness' | 'pairMatch' | 'pairPlain'>;

/** The weights that never swap: the fused order as it stands (for the bench that learns them, and to see other rules alone). */
export const NO_PAIR_PREFERENCE: PairWeights = Object.freeze({ pairHeading: 0, pairCloseness: 0, pairMatch: 0, pairPlain: 0 });

/** A score that is 0 or less (an entry only lunr found) is never compared by ratio. */
const FLOOR = 1e-3;

/** How plain lunr's place counts: 1 for its first, a half for its second, 0 when lunr did not find it. */
const plainShare = (candidate: Candidate) => (candidate.plainPlace === undefined ? 0 : 1 / (1 + candidate.plainPlace));
/** The factor closeness in meaning put on the candidate's score (ranking.ts): the score over the words' own. */
const closenessFactor = (candidate: Candidate) => Math.max(candidate.score, FLOOR) / Math.max(candidate.matchScore, FLOOR);

/**
 * What sets `first` apart from `second`, in the order of PairWeights: heading coverage, closeness
 * (log of the ratio of their closeness factors), word score (log ratio), plain lunr's place. Positive
 * where `first` has more; shared with the bench that learns the weights.
 */
export function pairFeatures(first: Candidate, second: Candidate): [number, number, number, number] {
  return [
    first.headingCoverage - second.headingCoverage,
    Math.log(closenessFactor(first) / closenessFactor(second)),
    Math.log(Math.max(first.matchScore, FLOOR) / Math.max(second.matchScore, FLOOR)),
    plainShare(first) - plainShare(second),
  ];
}

/** The candidates with the first two swapped where the weights prefer the runner-up; otherwise as they are. */
export function withPairPreference(candidates: Candidate[], weights: PairWeights): Candidate[] {
  const [first, second] = candidates;
  // Only two entries our ranking matched are weighed: one that only lunr found covers nothing of the question.
  if (!first || !second || first.score <= 0 || second.score <= 0) return candidates;
  const [heading, closeness, words, plain] = pairFeatures(first, second);
  const preference = weights.pairHeading * heading + weights.pairCloseness * closeness + weights.pairMatch * words + weights.pairPlain * plain;
  return preference < 0 ? [second, first, ...candidates.slice(2)] : candidates;
}
