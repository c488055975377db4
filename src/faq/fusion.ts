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
  return [...byEntry.values()].sort((a, b) => b.fused - a.fused);
}
