/**
 * Questions the privacy team taught, each with the entry they chose for it, matched question to
 * question. A taught question is the best evidence there is of how people ask for an entry: a new
 * question that says what a taught one says, in the same or related words, is asked for that entry,
 * however little the entry's own text shares with it ("the bailiffs" for a section on debt).
 *
 * Closeness is lexical in both directions (how much of the new question the taught one says, and how
 * much of the taught one the new question says, each weighted by how rare the words are in English
 * and by how directly the question's words reach the taught ones: the same expansion as the search),
 * blended with their closeness in meaning (averaged word vectors, as for entries). Both directions
 * count: a taught "cctv?" does not claim every question that mentions CCTV, and a short new question
 * does not claim a long taught one it shares a word with.
 */
import { englishData } from '../language/english';
import { termsOf } from './content-terms';
import { EntryVectors } from './entry-vectors';
import type { Unit } from './query-expansion';
import type { Candidate } from './ranking';
import type { FaqEntry } from './types';

/** One taught way of asking: the question and the entry it was answered with. */
export interface Phrasing {
  readonly entryId: string;
  readonly text: string;
}

/** Phrasings per slice of the build (and per block of word vectors): a slice stays a few milliseconds. */
const PHRASINGS_PER_SLICE = 50;

export class TaughtPhrasings {
  private readonly english = englishData();
  private readonly entryIds: string[] = [];
  /** Per phrasing, the information of its words together. */
  private readonly information: number[] = [];
  /** Stem -> the phrasings that use it, with the information of its word in each. */
  private readonly postings = new Map<string, Array<{ phrasing: number; information: number }>>();
  /** Word vectors of the phrasings, a block per slice of PHRASINGS_PER_SLICE. */
  private readonly vectors: EntryVectors[] = [];

  private constructor(
    /** How much closeness in meaning counts beside the words (0..1). */
    private readonly meaningShare: number,
  ) {}

  /** Built at once (tests, tools). */
  static of(phrasings: readonly Phrasing[], meaningShare: number): TaughtPhrasings {
    const steps = TaughtPhrasings.build(phrasings, meaningShare);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** Built a slice at a time: each `yield` lets the event loop run (see createFaqServiceInSlices). */
  static *build(phrasings: readonly Phrasing[], meaningShare: number): Generator<void, TaughtPhrasings> {
    const built = new TaughtPhrasings(meaningShare);
    for (let from = 0; from < phrasings.length; from += PHRASINGS_PER_SLICE) {
      const slice = phrasings.slice(from, from + PHRASINGS_PER_SLICE);
      slice.forEach((phrasing, k) => built.add(phrasing, from + k));
      // Each phrasing as a tiny entry of its own words: the same averaging of word vectors entries get.
      if (meaningShare > 0) built.vectors.push(new EntryVectors(slice.map(asEntry)));
      yield;
    }
    return built;
  }

  private add({ entryId, text }: Phrasing, phrasing: number): void {
    const terms = new Map<string, number>();
    for (const term of termsOf(text)) terms.set(term.stem, Math.max(terms.get(term.stem) ?? 0, this.informationOf(term.word)));
    this.entryIds.push(entryId);
    this.information.push([...terms.values()].reduce((sum, value) => sum + value, 0));
    for (const [stem, information] of terms) {
      let list = this.postings.get(stem);
      if (!list) this.postings.set(stem, (list = []));
      list.push({ phrasing, information });
    }
  }

  get size(): number {
    return this.entryIds.length;
  }

  /**
   * Per entry with a taught phrasing that shares a word with the question (or a word the question's
   * words reach), how close the question comes to the closest of them (0..1). Only those phrasings
   * are looked at: the cost follows the question's words, not how much was taught.
   */
  closenessByEntry(units: readonly Unit[]): Map<string, number> {
    const closest = new Map<string, number>();
    if (this.size === 0 || units.length === 0) return closest;
    const questionInformation = units.reduce((sum, unit) => sum + unit.information, 0);
    // Typed arrays over every phrasing, and the list of those touched: a question touches a few dozen.
    const forward = new Float64Array(this.size);
    const backward = new Float64Array(this.size);
    const best = new Float64Array(this.size);
    const touched: number[] = [];
    // Per stem the question can reach, how directly (its best alternative's weight).
    const reach = new Map<string, number>();
    for (const unit of units) {
      const reached: number[] = [];
      for (const { stem, weight } of unit.alternatives) {
        reach.set(stem, Math.max(reach.get(stem) ?? 0, weight));
        for (const { phrasing } of this.postings.get(stem) ?? []) {
          if (best[phrasing] === 0) reached.push(phrasing);
          if (weight > best[phrasing]) best[phrasing] = weight;
        }
      }
      for (const phrasing of reached) {
        if (forward[phrasing] === 0) touched.push(phrasing);
        forward[phrasing] += unit.information * best[phrasing];
        best[phrasing] = 0;
      }
    }
    if (touched.length === 0) return closest;
    for (const [stem, weight] of reach) for (const { phrasing, information } of this.postings.get(stem) ?? []) backward[phrasing] += information * weight;
    const point = this.meaningShare > 0 ? this.vectors[0]?.pointOf(units.flatMap((unit) => unit.text.split(' '))) : undefined;
    for (const phrasing of touched) {
      const forwardShare = questionInformation > 0 ? forward[phrasing] / questionInformation : 0;
      const backwardShare = this.information[phrasing] > 0 ? backward[phrasing] / this.information[phrasing] : 0;
      // Geometric mean: both directions must hold.
      const words = Math.sqrt(forwardShare * backwardShare);
      const entryId = this.entryIds[phrasing];
      const known = closest.get(entryId) ?? 0;
      // Closeness in meaning is at most 1: a phrasing that cannot beat its entry's closest so far is not measured.
      if ((1 - this.meaningShare) * words + this.meaningShare <= known) continue;
      const meaning = point ? Math.max(0, this.vectors[Math.floor(phrasing / PHRASINGS_PER_SLICE)].similarity(point, phrasing % PHRASINGS_PER_SLICE)) : 0;
      const closeness = (1 - this.meaningShare) * words + this.meaningShare * meaning;
      if (closeness > known) closest.set(entryId, closeness);
    }
    return closest;
  }

  /** As the search weighs a question word: the rarer in English, the more it says. */
  private informationOf(word: string): number {
    if (/^\d+$/.test(word)) return 1;
    const rank = this.english.rank(word) ?? this.english.size;
    return Math.log(1 + rank / 50);
  }
}

function asEntry(phrasing: Phrasing, i: number): FaqEntry {
  return { id: String(i), title: phrasing.text, body: '', alsoAsked: [], kind: 'faq', part: '', source: { file: '', heading: '', line: 0 } };
}

/**
 * The ranked candidates with each entry the question comes close to a taught question of raised: by
 * up to `taughtBoost` times its score at closeness 1, nothing at `taughtFloor` or below. The score and
 * the one the lead is measured in both rise, so a clear match of a taught question is answered; what the
 * entry covers of the question does not change, so whether the question is covered at all is decided
 * as before.
 */
export function boostTaught(
  ranked: readonly Candidate[],
  closeness: ReadonlyMap<string, number>,
  weights: { readonly taughtBoost: number; readonly taughtFloor: number },
): Candidate[] {
  if (closeness.size === 0) return [...ranked];
  const boosted = ranked.map((candidate) => {
    const near = closeness.get(candidate.entry.id) ?? 0;
    if (near <= weights.taughtFloor) return candidate;
    const factor = 1 + (weights.taughtBoost * (near - weights.taughtFloor)) / (1 - weights.taughtFloor);
    return { ...candidate, score: candidate.score * factor, matchScore: candidate.matchScore * factor };
  });
  return boosted.sort((a, b) => b.score - a.score);
}
