/**
 * Scores every entry for a question: for each unit, the best of its alternatives that the entry
 * contains (BM25F weight times the alternative's weight), added up. Beside the score, coverage:
 * the share of the question's information (rare words weigh more) that the entry accounts for.
 * The score says which entry fits best; coverage says whether the best fits at all, and is
 * comparable across questions, which scores are not.
 */
import type { Alternative, Unit } from './query-expansion';
import type { SearchIndex } from './search-index';
import { DEFAULT_TUNING, type Tuning } from './tuning';
import type { FaqEntry } from './types';

export interface Candidate {
  entry: FaqEntry;
  /** 0..1: the share of the question's information the entry matched, weighted by how directly. */
  coverage: number;
  /** The same share, counting only what the entry's heading or `Also asked:` lines matched. */
  headingCoverage: number;
  /** What candidates are ordered by: the words' score, weighed by coverage and by closeness in meaning. */
  score: number;
  /**
   * The same from the words matched alone, before closeness: what the lead over the runner-up is
   * measured in (see answer-policy.ts). Closeness orders entries, but whether the best fits clearly
   * enough to answer rests on what the question and the entry say.
   */
  matchScore: number;
  /** The place-based score of our ranking fused with plain lunr's (see fusion.ts); 0 before fusion. */
  fused: number;
  /** Its place in plain lunr's order (0: first), if lunr found it. */
  plainPlace?: number;
}

/** The ranking's constants, chosen leave-one-policy-out (see tuning.ts for what each does). */
export type RankingWeights = Pick<Tuning, 'coverageBlend' | 'otherAlternatives' | 'otherWordOfStem' | 'looseMatchPower' | 'nearnessBonus' | 'nearnessWindow'>;

/** What each entry matched of the question, word by word, before nearness. */
interface Matches {
  /** Per entry, the words matched (BM25F times how directly each was said), before coverage weighs it. */
  wordScore: Float64Array;
  covered: Float64Array;
  headingCovered: Float64Array;
  information: number;
  /** Per unit, the entries it matched: only those can have two neighbouring question words near each other. */
  matched: Uint8Array[];
}

function matchEntries(index: SearchIndex, units: readonly Unit[], weights: RankingWeights): Matches {
  const size = index.size;
  const wordScore = new Float64Array(size);
  const covered = new Float64Array(size);
  const unitScore = new Float64Array(size);
  const unitSum = new Float64Array(size);
  const unitWeight = new Float64Array(size);
  const unitHeading = new Float64Array(size);
  const headingCovered = new Float64Array(size);
  let information = 0;
  const matched: Uint8Array[] = [];
  for (const unit of units) {
    information += unit.information;
    unitScore.fill(0);
    unitSum.fill(0);
    unitWeight.fill(0);
    unitHeading.fill(0);
    for (const alternative of unit.alternatives) {
      for (const { doc, weight, inHeading } of index.weights(alternative.stem)) {
        const alternativeWeight =
          alternative.lemmas === undefined || index.usesLemma(alternative.lemmas, doc) ? alternative.weight : alternative.weight * weights.otherWordOfStem;
        if (inHeading) unitHeading[doc] = Math.max(unitHeading[doc], alternativeWeight);
        const value = alternativeWeight * weight;
        unitScore[doc] = Math.max(unitScore[doc], value);
        unitSum[doc] += value;
        unitWeight[doc] = Math.max(unitWeight[doc], alternativeWeight);
      }
    }
    matched.push(Uint8Array.from(unitWeight, (weight) => (weight > 0 ? 1 : 0)));
    for (let doc = 0; doc < size; doc++) {
      // The best alternative, and a little for each other one: an entry that uses several words of
      // the same idea ("access", "hold", "copy") is more about it than one that uses one.
      wordScore[doc] += unitScore[doc] + weights.otherAlternatives * (unitSum[doc] - unitScore[doc]);
      covered[doc] += unit.information * unitWeight[doc] ** weights.looseMatchPower;
      headingCovered[doc] += unit.information * unitHeading[doc];
    }
  }
  return { wordScore, covered, headingCovered, information, matched };
}

/** The most of the question any one entry covers: what calibration needs, without ranking. */
export function bestCoverage(index: SearchIndex, units: readonly Unit[], weights: RankingWeights = DEFAULT_TUNING): number {
  const { covered, information } = matchEntries(index, units, weights);
  return information > 0 ? Math.max(0, ...covered) / information : 0;
}

/**
 * `closeness`: per entry, how near the question it lies in meaning (cosine of averaged word vectors,
 * see entry-vectors.ts), or none.
 */
/**
 * `closenessWeight` w: an entry further in meaning from the question than the nearest entry keeps
 * exp(-w * d) of its score, d the difference in cosine (w = 4: 0.05 further keeps 82%, 0.1 further
 * 67%, 0.3 further 30%). Word matches still lead; closeness settles between entries that match alike.
 */
export function rankEntries(
  index: SearchIndex,
  units: readonly Unit[],
  closeness?: Float32Array,
  closenessWeight = 0,
  weights: RankingWeights = DEFAULT_TUNING,
): Candidate[] {
  const size = index.size;
  const nearest = closeness ? Math.max(...closeness) : 0;
  const { wordScore, covered, headingCovered, information, matched } = matchEntries(index, units, weights);
  const bonus = nearnessBonus(index, units, matched, weights);
  for (let doc = 0; doc < size; doc++) wordScore[doc] += bonus[doc];
  const candidates: Candidate[] = [];
  for (let doc = 0; doc < size; doc++) {
    if (wordScore[doc] <= 0) continue;
    const coverage = information > 0 ? covered[doc] / information : 0;
    const headingCoverage = information > 0 ? headingCovered[doc] / information : 0;
    const matchScore = wordScore[doc] * (weights.coverageBlend + coverage);
    const near = closeness ? Math.exp(closenessWeight * (closeness[doc] - nearest)) : 1;
    candidates.push({ entry: index.entries[doc], coverage, headingCoverage, score: matchScore * near, matchScore, fused: 0 });
  }
  // Ties go to the earlier entry: the same answer on every run.
  return candidates.sort((a, b) => b.score - a.score);
}

/** For each entry that scored, the bonus of the question's neighbouring words that it has near each other. */
function nearnessBonus(index: SearchIndex, units: readonly Unit[], matched: readonly Uint8Array[], weights: RankingWeights): Float64Array {
  const bonus = new Float64Array(index.size);
  for (let i = 0; i + 1 < units.length; i++) {
    const a = units[i].alternatives;
    const b = units[i + 1].alternatives;
    if (a.length === 0 || b.length === 0) continue;
    const bestIdf = (alternatives: readonly Alternative[]) => Math.max(0, ...alternatives.map((x) => x.weight * index.idf(x.stem)));
    const pairWeight = (bestIdf(a) + bestIdf(b)) / 2;
    for (let doc = 0; doc < index.size; doc++) {
      if (!matched[i][doc] || !matched[i + 1][doc]) continue;
      const near = index.nearness(doc, a, b, weights.nearnessWindow);
      if (near) bonus[doc] += (weights.nearnessBonus * pairWeight * near.weight) / near.distance;
    }
  }
  return bonus;
}
