/**
 * Our ranking and plain lunr's, fused by reciprocal rank: each entry earns 1 / (depth + its place)
 * from each list it is in. Neither list's scores are compared with the other's, only places, so the
 * plain search keeps a say on every policy: where our expansion goes astray on content it was not
 * written for, lunr's order pulls the right entry back up, and where both agree the entry leads clearly.
 */
import type { Candidate } from './ranking';
import type { FaqEntry } from './types';

export interface FusionWeights {
  /** Reciprocal-rank depth: larger weighs the places less. */
  readonly depth: number;
  /** How much our place counts beside lunr's (which counts 1). */
  readonly ours: number;
  /**
   * Plain lunr's first entry goes first when its heading says more of the question than our first's
   * does and our first scores less than this many times it (0: never; see withHeadingAgreement below).
   */
  readonly headingRatio: number;
}

/**
 * The candidates in fused order, each with its `fused` score. An entry only lunr found joins with
 * nothing matched of ours (coverage 0), so it may be offered but never counts the question as covered.
 */
export function fuse(
  ours: readonly Candidate[],
  plain: ReadonlyArray<{ doc: number; score: number }>,
  entries: readonly FaqEntry[],
  weights: FusionWeights,
): Candidate[] {
  const byEntry = new Map<FaqEntry, Candidate>();
  ours.forEach((candidate, place) => byEntry.set(candidate.entry, { ...candidate, fused: weights.ours / (weights.depth + place + 1) }));
  plain.forEach(({ doc }, place) => {
    const entry = entries[doc];
    const share = 1 / (weights.depth + place + 1);
    const known = byEntry.get(entry);
    if (known) byEntry.set(entry, { ...known, fused: known.fused + share, plainPlace: place });
    else byEntry.set(entry, { entry, coverage: 0, headingCoverage: 0, score: 0, matchScore: 0, fused: share, plainPlace: place });
  });
  // Stable: on a tie, our order first, then lunr's.
  return withHeadingAgreement(
    [...byEntry.values()].sort((a, b) => b.fused - a.fused),
    weights.headingRatio,
  );
}

/**
 * Two signals that do not come from our ranking's scores, agreeing against its narrow lead: plain
 * lunr puts another entry first, and that entry's heading says more of the question than our first's
 * ("stop sending me offers": "Offers, newsletters and competitions", not the app's entry whose body
 * says how to stop its alerts). Then lunr's first leads.
 */
function withHeadingAgreement(fused: Candidate[], ratio: number): Candidate[] {
  const at = fused.findIndex((candidate) => candidate.plainPlace === 0);
  if (ratio <= 0 || at <= 0) return fused;
  const [ourFirst, plainFirst] = [fused[0], fused[at]];
  if (plainFirst.headingCoverage <= ourFirst.headingCoverage || plainFirst.score <= 0 || ourFirst.score >= ratio * plainFirst.score) return fused;
  return [plainFirst, ...fused.slice(0, at), ...fused.slice(at + 1)];
}
