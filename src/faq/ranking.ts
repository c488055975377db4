/**
 * Scores every entry for a question: for each unit, the best of its alternatives that the entry
 * contains (BM25F weight times the alternative's weight), added up. Beside the score, coverage:
 * the share of the question's information (rare words weigh more) that the entry accounts for.
 * The score says which entry fits best; coverage says whether the best fits at all, and is
 * comparable across questions, which scores are not.
 */
import type { Unit } from './query-expansion';
import type { SearchIndex } from './search-index';
import type { FaqEntry } from './types';

export interface Candidate {
  entry: FaqEntry;
  score: number;
  /** 0..1: the share of the question's information the entry matched, weighted by how directly. */
  coverage: number;
  /** The same share, counting only what the entry's heading or `Also asked:` lines matched. */
  headingCoverage: number;
  /** What candidates are ordered by: the score, weighed by coverage. */
  rank: number;
}

/**
 * An entry that answers every part of the question beats one that matches a single word of it many
 * times; the constant keeps some of the score's say between entries of equal coverage.
 */
const COVERAGE_BLEND = 0.25;
const OTHER_ALTERNATIVES = 0.15;

export function rankEntries(index: SearchIndex, units: readonly Unit[]): Candidate[] {
  const size = index.size;
  const score = new Float64Array(size);
  const covered = new Float64Array(size);
  const unitScore = new Float64Array(size);
  const unitSum = new Float64Array(size);
  const unitWeight = new Float64Array(size);
  const unitHeading = new Float64Array(size);
  const headingCovered = new Float64Array(size);
  let information = 0;
  for (const unit of units) {
    information += unit.information;
    unitScore.fill(0);
    unitSum.fill(0);
    unitWeight.fill(0);
    unitHeading.fill(0);
    for (const alternative of unit.alternatives) {
      for (const { doc, weight, inHeading } of index.weights(alternative.stem)) {
        if (inHeading) unitHeading[doc] = Math.max(unitHeading[doc], alternative.weight);
        const value = alternative.weight * weight;
        unitScore[doc] = Math.max(unitScore[doc], value);
        unitSum[doc] += value;
        unitWeight[doc] = Math.max(unitWeight[doc], alternative.weight);
      }
    }
    for (let doc = 0; doc < size; doc++) {
      // The best alternative, and a little for each other one: an entry that uses several words of
      // the same idea ("access", "hold", "copy") is more about it than one that uses one.
      score[doc] += unitScore[doc] + OTHER_ALTERNATIVES * (unitSum[doc] - unitScore[doc]);
      covered[doc] += unit.information * unitWeight[doc];
      headingCovered[doc] += unit.information * unitHeading[doc];
    }
  }
  const candidates: Candidate[] = [];
  for (let doc = 0; doc < size; doc++) {
    if (score[doc] <= 0) continue;
    const coverage = information > 0 ? covered[doc] / information : 0;
    const headingCoverage = information > 0 ? headingCovered[doc] / information : 0;
    candidates.push({ entry: index.entries[doc], score: score[doc], coverage, headingCoverage, rank: score[doc] * (COVERAGE_BLEND + coverage) });
  }
  // Ties go to the earlier entry: the same answer on every run.
  return candidates.sort((a, b) => b.rank - a.rank);
}
