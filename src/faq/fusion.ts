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
   * Plain lunr's first entry goes first when lunr scores it at least this many times its second and
   * it covers, by our own measure, at least `plainCoverShare` of what our first covers. 0: never.
   */
  readonly plainMargin: number;
  readonly plainCoverShare: number;
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
  const fused = [...byEntry.values()].sort((a, b) => b.fused - a.fused);
  return plainLeads(fused, plain, entries, weights) ? [byEntry.get(entries[plain[0].doc])!, ...fused.filter((c) => c.entry !== entries[plain[0].doc])] : fused;
}

/**
 * Whether plain lunr's first entry should go first. Our ranking prefers among entries by how
 * directly they say each question word; between two entries that cover the question about as well,
 * that preference is weak evidence, and a clear lead in lunr's plain word statistics (a heading that
 * says the asker's words, a rare word said often) is the stronger one. Where our first covers much
 * more of the question, ours stands: lunr adds up any words, ours asks that the question be answered.
 */
function plainLeads(
  fused: readonly Candidate[],
  plain: ReadonlyArray<{ doc: number; score: number }>,
  entries: readonly FaqEntry[],
  weights: FusionWeights,
): boolean {
  const [first, second] = plain;
  const top = fused[0];
  if (weights.plainMargin <= 0 || !first || !top || top.entry === entries[first.doc]) return false;
  if (second && first.score < weights.plainMargin * second.score) return false;
  const plainTop = fused.find((candidate) => candidate.entry === entries[first.doc]);
  return plainTop !== undefined && plainTop.coverage > 0 && plainTop.coverage >= weights.plainCoverShare * top.coverage;
}
