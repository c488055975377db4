/**
 * Each entry as one point in the word-vector space: the average of its words' vectors, rare words
 * weighing more (smooth inverse frequency). A question lands near the entries that speak of the
 * same things in any words ("an apprentice watching" near "training new staff"), which word
 * matching alone does not see. Built once when the content is loaded; a question costs one pass
 * over its words and one dot product per entry.
 */
import { runToEnd } from '../limits/event-loop';
import { englishData } from '../language/english';
import { markdownToPlainText } from './markdown-sections';
import { termsOf } from './content-terms';
import { askedFor, type FaqEntry } from './types';

/** Smooth inverse frequency: the word of rank r weighs r / (r + SIF_RANK); "the" next to nothing. */
const SIF_RANK = 100;
/** Marks the constructor call of EntryVectors.build, which fills the vectors itself. */
const IN_SLICES = Symbol('in slices');

export class EntryVectors {
  private readonly english = englishData();
  private readonly dims = this.english.dimensions;
  private readonly matrix: Float32Array;

  constructor(entries: readonly FaqEntry[], inSlices?: typeof IN_SLICES) {
    this.matrix = new Float32Array(entries.length * this.dims);
    if (inSlices !== IN_SLICES) runToEnd(this.fill(entries));
  }

  /** The vectors worked out an entry at a time, each `yield` a point where the event loop may run. */
  static *build(entries: readonly FaqEntry[]): Generator<void, EntryVectors> {
    const vectors = new EntryVectors(entries, IN_SLICES);
    yield* vectors.fill(entries);
    return vectors;
  }

  private *fill(entries: readonly FaqEntry[]): Generator<void> {
    for (const [doc, entry] of entries.entries()) {
      const text = [entry.title, ...askedFor(entry), markdownToPlainText(entry.body)].join(' ; ');
      this.matrix.set(this.average(termsOf(text).map((term) => term.word)), doc * this.dims);
      yield;
    }
  }

  /** Cosine of the question's words with each entry (0 for an entry, or a question, with no known word). */
  similarities(words: readonly string[]): Float32Array {
    const query = this.average(words);
    const count = this.matrix.length / this.dims;
    const out = new Float32Array(count);
    for (let doc = 0; doc < count; doc++) {
      let dot = 0;
      const at = doc * this.dims;
      for (let d = 0; d < this.dims; d++) dot += query[d] * this.matrix[at + d];
      out[doc] = dot;
    }
    return out;
  }

  /** The weighted average of the words' vectors, at unit length; zeros when no word has a vector. */
  private average(words: readonly string[]): Float32Array {
    const sum = new Float32Array(this.dims);
    const rows: number[] = [];
    const weights: number[] = [];
    for (const word of words) {
      const row = this.english.row(word);
      if (row === undefined) continue;
      rows.push(row);
      weights.push((row + 1) / (row + 1 + SIF_RANK));
    }
    const vectors = this.english.matrix(rows);
    weights.forEach((weight, i) => {
      for (let d = 0; d < this.dims; d++) sum[d] += weight * vectors[i * this.dims + d];
    });
    let norm = 0;
    for (let d = 0; d < this.dims; d++) norm += sum[d] * sum[d];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let d = 0; d < this.dims; d++) sum[d] /= norm;
    return sum;
  }
}
