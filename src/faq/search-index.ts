/**
 * The index over the entries: BM25F (BM25 over weighted fields) on Porter stems. A heading, or an
 * FAQ question, says what an entry is about more than any sentence of its body, and so do the
 * authors' `Also asked:` phrasings; the part title is shared by several entries, so it only nudges.
 * What the privacy team taught is one asker's wording: searched, but not a heading.
 *
 * Written here rather than with lunr's own index because ranking needs, per question word, the best
 * of several weighted alternatives (the word, its synonyms, its typo fix) and how much of the
 * question an entry covers; lunr adds up every clause that matches and reports neither.
 */
import { runToEnd } from '../limits/event-loop';
import { markdownToPlainText } from './markdown-sections';
import { isStopWord, lemmaOf, searchWords, termsOf } from './content-terms';
import { stem } from '../language/stem';
import { DEFAULT_TUNING, type Tuning } from './tuning';
import type { FaqEntry } from './types';

const FIELDS = ['title', 'asked', 'body', 'part', 'taught'] as const;
/** Runs of the content's words asked as a phrase and found nowhere side by side, remembered so as not to look again. */
const MAX_ABSENT_PHRASES = 10_000;
/** Marks the constructor call of SearchIndex.build, which fills the index itself. */
const IN_SLICES = Symbol('in slices');
type Field = (typeof FIELDS)[number];

/** The BM25F constants, chosen leave-one-policy-out (tuning.ts). */
export type IndexWeights = Pick<Tuning, 'titleWeight' | 'askedWeight' | 'partWeight' | 'taughtWeight' | 'titleB' | 'bodyB' | 'k1'>;

interface Posting {
  doc: number;
  /** Term frequency per field, in FIELDS order. */
  tf: number[];
}

export class SearchIndex {
  readonly entries: readonly FaqEntry[];
  /** Porter stem -> where it occurs. */
  private readonly postings = new Map<string, Posting[]>();
  /** Every word of the content (American spelling) -> its stem, with how often the content uses it. */
  readonly words = new Map<string, { stem: string; count: number }>();
  private readonly lengths: number[][];
  /** Per entry and field: stem -> its positions (word offsets), for nearness of question words. */
  private readonly positions: Array<Array<Map<string, number[]>>>;
  /** Phrases looked for: whether the content has them. */
  private readonly phrases = new Map<string, boolean>();
  /** Dictionary form of a word -> the entries that use it (in any field). */
  private readonly lemmaDocs = new Map<string, Set<number>>();
  /** Porter stem -> the dictionary forms of the content's words of that stem. */
  private readonly stemLemmas = new Map<string, Set<string>>();
  private averageLength: number[] = [];
  /**
   * Stems of the content's names only ("States" of "United States", "Kingdom" of "United Kingdom"): every
   * word of the stem is written with a capital inside a sentence, never in lower case.
   */
  private names = new Set<string>();
  /**
   * Per entry, how often each stem of its heading stands inside a name of several words that the
   * heading writes in capitals ("Data Protection Officer"): such a word alone ("do u sell my data")
   * is not what the heading is about; the name whole is found as its phrase.
   */
  private headingNameWords: ReadonlyArray<ReadonlyMap<string, number>> = [];
  /** Per field, in FIELDS order: its weight (the body's is 1) and its length normalisation. Phrasings are many short lines: not normalised. */
  private readonly fieldWeight: readonly number[];
  private readonly fieldB: readonly number[];
  private readonly k1: number;
  /** Each stem's weights once worked out (see `weights`): at most one list per stem or phrase the content has. */
  private readonly weightsOf = new Map<string, ReadonlyArray<{ doc: number; weight: number; inHeading: boolean }>>();

  constructor(entries: readonly FaqEntry[], weights: IndexWeights = DEFAULT_TUNING, inSlices?: typeof IN_SLICES) {
    this.entries = entries;
    this.fieldWeight = [weights.titleWeight, weights.askedWeight, 1, weights.partWeight, weights.taughtWeight];
    this.fieldB = [weights.titleB, 0, weights.bodyB, 0, 0];
    this.k1 = weights.k1;
    this.lengths = entries.map(() => FIELDS.map(() => 0));
    this.positions = entries.map(() => FIELDS.map(() => new Map<string, number[]>()));
    if (inSlices !== IN_SLICES) runToEnd(this.fill());
  }

  /** The index built an entry at a time, each `yield` a point where the event loop may run (a rebuild while the bot answers). */
  static *build(entries: readonly FaqEntry[], weights: IndexWeights = DEFAULT_TUNING): Generator<void, SearchIndex> {
    const index = new SearchIndex(entries, weights, IN_SLICES);
    yield* index.fill();
    return index;
  }

  private *fill(): Generator<void> {
    const entries = this.entries;
    this.headingNameWords = entries.map((entry) => {
      const counts = new Map<string, number>();
      for (const name of namesInHeading(entry.title)) if (name.length >= 2) for (const part of name) counts.set(part, (counts.get(part) ?? 0) + 1);
      return counts;
    });
    // A word's dictionary form depends on the word alone: looked up once, not at each use.
    const lemmaOfWord = new Map<string, string>();
    for (const [doc, entry] of entries.entries()) {
      const fieldText: Record<Field, string> = {
        title: entry.title,
        asked: entry.alsoAsked.join(' ; '),
        body: markdownToPlainText(entry.body),
        // The FAQ's part ("Frequently asked questions") says nothing about any one answer.
        part: entry.kind === 'policy' && entry.part !== entry.title ? entry.part : '',
        taught: (entry.taught ?? []).join(' ; '),
      };
      FIELDS.forEach((field, f) => {
        const terms = termsOf(fieldText[field]);
        this.lengths[doc][f] = terms.length;
        terms.forEach((term, at) => {
          const where = this.positions[doc][f].get(term.stem);
          if (where) where.push(at);
          else this.positions[doc][f].set(term.stem, [at]);
        });
        for (const term of terms) {
          let lemma = lemmaOfWord.get(term.word);
          if (lemma === undefined) lemmaOfWord.set(term.word, (lemma = lemmaOf(term.word)));
          let docs = this.lemmaDocs.get(lemma);
          if (!docs) this.lemmaDocs.set(lemma, (docs = new Set()));
          docs.add(doc);
          let lemmas = this.stemLemmas.get(term.stem);
          if (!lemmas) this.stemLemmas.set(term.stem, (lemmas = new Set()));
          lemmas.add(lemma);
          const known = this.words.get(term.word);
          this.words.set(term.word, { stem: term.stem, count: (known?.count ?? 0) + 1 });
          let list = this.postings.get(term.stem);
          if (!list) this.postings.set(term.stem, (list = []));
          let posting = list[list.length - 1];
          if (posting?.doc !== doc) list.push((posting = { doc, tf: FIELDS.map(() => 0) }));
          posting.tf[f] += 1;
        }
      });
      yield;
    }
    this.names = yield* namesIn(
      entries.map((entry) => markdownToPlainText(entry.body)),
      this.words,
    );
    this.averageLength = FIELDS.map((_field, f) => Math.max(1, this.lengths.reduce((sum, lengths) => sum + lengths[f], 0) / Math.max(1, entries.length)));
  }

  /** Every word of the content, once for each time the content uses it, in a stable order. */
  contentWords(): string[] {
    return [...this.words].flatMap(([word, { count }]) => Array<string>(count).fill(word));
  }

  get size(): number {
    return this.entries.length;
  }

  /** How many phrases are remembered, present or absent (bounded: see MAX_ABSENT_PHRASES). */
  get rememberedPhrases(): number {
    return this.phrases.size;
  }

  has(stem: string): boolean {
    return this.postings.has(stem);
  }

  /** Whether the content uses the stem only as (part of) a name: a question word means it only when it is that word. */
  isName(stem: string): boolean {
    return this.names.has(stem);
  }

  /** Whether the entry uses one of these dictionary forms (see lemmaOf), not merely a word of their stem. */
  usesLemma(lemmas: readonly string[], doc: number): boolean {
    return lemmas.some((lemma) => this.lemmaDocs.get(lemma)?.has(doc) ?? false);
  }

  /** The dictionary forms of the content's words of this stem. */
  lemmasOf(stem: string): string[] {
    return [...(this.stemLemmas.get(stem) ?? [])];
  }

  /** In how many entries the stem occurs, in any field. */
  documentFrequency(stem: string): number {
    return this.postings.get(stem)?.length ?? 0;
  }

  /** BM25's IDF: a stem in every entry tells them apart by almost nothing. */
  idf(stem: string): number {
    const df = this.documentFrequency(stem);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /**
   * A phrase as one term: the key under which the index finds the entries that have these stems side
   * by side, in this order, in one field (stop words between them do not part them: "data we hold
   * about you" has "data hold"); undefined when no entry has them so. Found once, then remembered.
   */
  phrase(stems: readonly string[], within = 1): string | undefined {
    // Side by side is one key; "within n words" another, which the adjacent phrase never shares.
    const key = within === 1 ? stems.join(' ') : `${stems.join(' ')} ~${within}`;
    const known = this.phrases.get(key);
    if (known !== undefined) return known ? key : undefined;
    // Words the content lacks make no phrase of it: nothing to look for, and nothing to remember (the
    // questions' word runs are endless).
    if (stems.length < 2 || !stems.every((term) => this.postings.has(term))) return undefined;
    const list: Posting[] = [];
    this.positions.forEach((fields, doc) => {
      const tf = FIELDS.map((_field, f) => {
        const starts = fields[f].get(stems[0]) ?? [];
        const together = (start: number) =>
          within === 1
            ? stems.every((term, k) => fields[f].get(term)?.includes(start + k))
            : stems.every((term) => fields[f].get(term)?.some((at) => Math.abs(at - start) <= within * (stems.length - 1)));
        return starts.filter(together).length;
      });
      if (tf.some((n) => n > 0)) list.push({ doc, tf });
    });
    // The phrases the content has are bounded by its words; those it lacks are remembered up to a bound.
    if (list.length > 0 || this.phrases.size < MAX_ABSENT_PHRASES) this.phrases.set(key, list.length > 0);
    if (list.length === 0) return undefined;
    this.postings.set(key, list);
    return key;
  }

  /** A phrase (see `phrase`) that some entry's heading or `Also asked:` line has word for word. */
  headingPhrase(stems: readonly string[]): string | undefined {
    const key = this.phrase(stems);
    return key !== undefined && this.postings.get(key)!.some(({ tf }) => tf[0] + tf[1] > 0) ? key : undefined;
  }

  /**
   * The smallest distance in words between an occurrence of one of `a` and one of `b` in the same
   * field of the entry (1: side by side), with the weights of the two; undefined when never together.
   */
  nearness(
    doc: number,
    a: ReadonlyArray<{ stem: string; weight: number }>,
    b: ReadonlyArray<{ stem: string; weight: number }>,
    window: number,
  ): { distance: number; weight: number } | undefined {
    let found: { distance: number; weight: number } | undefined;
    for (const fieldPositions of this.positions[doc]) {
      for (const x of a) {
        const xs = fieldPositions.get(x.stem);
        if (!xs) continue;
        for (const y of b) {
          if (y.stem === x.stem) continue;
          const ys = fieldPositions.get(y.stem);
          if (!ys) continue;
          const weight = Math.min(x.weight, y.weight);
          for (const i of xs)
            for (const j of ys) {
              const distance = Math.abs(i - j);
              if (distance <= window && (!found || weight / distance > found.weight / found.distance)) found = { distance, weight };
            }
        }
      }
    }
    return found;
  }

  /**
   * BM25F weight of the stem in each entry that has it, and whether the entry's heading or `Also asked:` has it.
   * The index never changes, so each stem's weights are worked out once: questions share most of their stems.
   */
  weights(stem: string): ReadonlyArray<{ doc: number; weight: number; inHeading: boolean }> {
    const list = this.postings.get(stem);
    // A stem the content lacks (any word a user types) is never kept: only the content's stems and phrases are.
    if (!list) return [];
    let known = this.weightsOf.get(stem);
    if (known === undefined) this.weightsOf.set(stem, (known = this.computeWeights(stem, list, this.idf(stem))));
    return known;
  }

  private computeWeights(stem: string, list: readonly Posting[], idf: number): Array<{ doc: number; weight: number; inHeading: boolean }> {
    return list.map(({ doc, tf }) => {
      let frequency = 0;
      // A heading's word inside a name counts as the body's would (phrases are keyed apart: never so).
      const inName = Math.min(tf[0], this.headingNameWords[doc]?.get(stem) ?? 0);
      FIELDS.forEach((_field, f) => {
        if (tf[f] === 0) return;
        const b = this.fieldB[f];
        const norm = 1 - b + (b * this.lengths[doc][f]) / this.averageLength[f];
        frequency += f === 0 ? (this.fieldWeight[f] * (tf[f] - inName) + inName) / norm : (this.fieldWeight[f] * tf[f]) / norm;
      });
      return { doc, weight: (idf * (frequency * (this.k1 + 1))) / (frequency + this.k1), inHeading: tf[0] - inName + tf[1] > 0 };
    });
  }
}

/**
 * The stems whose words the texts only ever write with a capital inside a sentence. A word at the
 * start of a sentence, a line or a list item tells nothing either way.
 */
function* namesIn(texts: readonly string[], words: ReadonlyMap<string, { stem: string }>): Generator<void, Set<string>> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/[A-Za-z][A-Za-z'’]*/g)) {
      const before = text.slice(Math.max(0, match.index - 3), match.index);
      if (match.index === 0 || /(^|[.!?:;\n•*-]\s*|\n)$/.test(before)) continue;
      const [word] = searchWords(match[0]);
      if (word === undefined) continue;
      // "CCTV", "HR": capitals all through are an abbreviation, not a name.
      if (/^[A-Z][a-z]/.test(match[0])) capitalised.add(word);
      else if (/^[a-z]/.test(match[0])) lower.add(word);
    }
    yield;
  }
  const stems = new Set<string>();
  for (const word of capitalised) if (!lower.has(word)) stems.add(words.get(word)?.stem ?? stem(word));
  // A stem is a name only when none of its words is written in lower case.
  for (const word of lower) stems.delete(words.get(word)?.stem ?? stem(word));
  return stems;
}

/**
 * The names a heading writes in capitals after its first word ("Who we are and how to reach our Data
 * Protection Officer": "Data Protection Officer"), as stems, a name running over "of", "for", "and"
 * and "the" between capitalised words. None for a heading in title case, where capitals say nothing.
 */
function namesInHeading(title: string): string[][] {
  const words = title.split(/\s+/).filter((word) => /[A-Za-z]/.test(word));
  const capital = (word: string) => /^[("'“‘]?[A-Z]/.test(word);
  // "NHS", "GPs", "CCTV": an abbreviation is a name of its own, never a word of a longer one.
  const abbreviation = (word: string) => /^[("'“‘]?[A-Z]{2,}s?\b/.test(word);
  const rest = words.slice(1).filter((word) => !isStopWord(word.toLowerCase().replace(/[^a-z]/g, '')));
  if (rest.length > 0 && rest.filter(capital).length >= TITLE_CASE_SHARE * rest.length) return [];
  const names: string[][] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length > 0) names.push(termsOf(run.join(' ')).map((term) => term.stem));
    run = [];
  };
  words.slice(1).forEach((word, i, after) => {
    if (capital(word) && !abbreviation(word)) run.push(word);
    else if (run.length > 0 && NAME_JOINERS.has(word) && after[i + 1] !== undefined && capital(after[i + 1]) && !abbreviation(after[i + 1])) run.push(word);
    else close();
    // Punctuation ends a name: "GPs, NHS trusts", "Tickets: the Box Office".
    if (/[,;:)—–-]$/.test(word)) close();
  });
  close();
  return names.filter((name) => name.length > 0);
}
const TITLE_CASE_SHARE = 0.8;
const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', '&']);
