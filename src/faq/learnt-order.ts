/**
 * The last word on the order of the first few candidates: of entries that all fit, the one the asker
 * means is more often the one whose heading says more of the question, that lies nearer it in
 * meaning, and that plain lunr places higher, even where the fused order put another first on a
 * slightly better word score. Each of those counts by a weight learnt from every policy we have
 * questions for (`npm run bench:learnt-order`: which of the first few is right, by a conditional
 * logistic regression); the first few are put in the order of their weighted sums, the rest stay.
 */
import type { Candidate } from './ranking';
import type { Tuning } from './tuning';

export type LearntOrderWeights = Pick<Tuning, 'orderHeading' | 'orderCloseness' | 'orderMatch' | 'orderPlain'>;

/** The weights that change nothing: the fused order as it stands (for the bench that learns them, and to see other rules alone). */
export const NO_LEARNT_ORDER: LearntOrderWeights = Object.freeze({ orderHeading: 0, orderCloseness: 0, orderMatch: 0, orderPlain: 0 });

/**
 * How many of the first candidates are put in order: over 235 to 239 sets, the first 2 gained 0.45 top-1, the
 * first 4 0.22 more, the first 6 0.25 more with one click 0.5 more (the related links and "Did you
 * mean…" choices in a better order too).
 */
export const FIRST_FEW = 6;

/** A score that is 0 or less is never taken by its logarithm. */
const FLOOR = 1e-3;

/**
 * What the weights weigh of one candidate, in the order of LearntOrderWeights: its heading coverage,
 * the log of the factor closeness in meaning put on its score (ranking.ts), the log of its words'
 * own score, and plain lunr's place (1 for its first, a half for its second, 0 when lunr did not find
 * it). Shared with the bench that learns the weights.
 */
export function candidateFeatures(candidate: Candidate): [number, number, number, number] {
  const words = Math.max(candidate.matchScore, FLOOR);
  return [
    candidate.headingCoverage,
    Math.log(Math.max(candidate.score, FLOOR) / words),
    Math.log(words),
    candidate.plainPlace === undefined ? 0 : 1 / (1 + candidate.plainPlace),
  ];
}

/**
 * The first few candidates that our ranking matched (an entry only lunr found covers nothing of the
 * question and is left where it is), in the order the weights give; on a tie, the fused order.
 */
export function withLearntOrder(candidates: Candidate[], weights: LearntOrderWeights): Candidate[] {
  const few = candidates.slice(0, FIRST_FEW);
  const unmatched = few.findIndex((candidate) => candidate.score <= 0);
  const ordered = unmatched < 0 ? few : few.slice(0, unmatched);
  if (ordered.length < 2) return candidates;
  const w = [weights.orderHeading, weights.orderCloseness, weights.orderMatch, weights.orderPlain];
  const value = (candidate: Candidate) => candidateFeatures(candidate).reduce((sum, x, i) => sum + w[i] * x, 0);
  const sorted = ordered
    .map((candidate, place) => ({ candidate, place, value: value(candidate) }))
    .sort((a, b) => b.value - a.value || a.place - b.place)
    .map(({ candidate }) => candidate);
  return [...sorted, ...candidates.slice(ordered.length)];
}
