/**
 * The lunr index over the entries. Text is analysed by our own analyser (synonyms, spelling,
 * stemming) and handed to lunr as ready-made term lists, and queries are built with
 * `index.query()` from those terms: user text never reaches lunr's query parser, which throws on
 * "title:x" or "~2".
 */
import lunr from 'lunr';
import { analyse, indexTerms, isLexiconWord, type Unit } from './analyzer';
import { COMMON_WORDS, CONCEPTS, LOW_INFO_WORDS, STOP_WORDS } from './lexicon';
import { markdownToPlainText } from './markdown-sections';
import { americanise, words } from './text';
import { createCorrector, type Corrector } from './typo';
import type { FaqEntry } from './types';

/** Field boosts: a heading (or an FAQ question) says what the entry is about more than any body
 * sentence; the part title is shared by several entries, so it only nudges. */
const FIELD_BOOST = { title: 2.5, body: 1, part: 0.5 } as const;
/** Generic words ("data", "privacy") still rank, but far below the words that tell sections apart. */
const LOW_INFO_BOOST = 0.2;
/** "how long", "who has access": the phrase that names what is asked outweighs the rest. */
const FOCUS_BOOST = 2;

interface IndexedDoc {
  id: string;
  title: string[];
  body: string[];
  part: string[];
}

export interface Hit {
  entry: FaqEntry;
  score: number;
  /** Indexes into the query's units that this entry matched. */
  matched: Set<number>;
  /** The index terms it matched. */
  terms: Set<string>;
}

export class SearchIndex {
  private readonly index: lunr.Index;
  private readonly byId: ReadonlyMap<string, FaqEntry>;
  private readonly correct: Corrector;
  /** term -> ids of the entries that use it, in any field: for IDF and to skip unknown terms. */
  private readonly postings = new Map<string, Set<string>>();
  private readonly titles = new Map<string, ReadonlySet<string>>();
  readonly size: number;

  constructor(entries: readonly FaqEntry[]) {
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
    this.size = entries.length;
    const docs: IndexedDoc[] = entries.map((entry) => ({
      id: entry.id,
      title: indexTerms(entry.title),
      body: indexTerms(markdownToPlainText(entry.body)),
      // The FAQ's part ("Frequently asked questions") says nothing about any one answer.
      part: entry.kind === 'policy' ? indexTerms(entry.part) : [],
    }));
    for (const doc of docs) {
      this.titles.set(doc.id, new Set(doc.title));
      for (const term of [...doc.title, ...doc.body, ...doc.part]) {
        const ids = this.postings.get(term) ?? new Set<string>();
        ids.add(doc.id);
        this.postings.set(term, ids);
      }
    }
    this.index = lunr(function () {
      // Our analyser already did trimming, stop words and stemming; lunr's own pipeline would stem twice.
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      for (const field of ['title', 'body', 'part'] as const) {
        this.field(field, { boost: FIELD_BOOST[field], extractor: (doc) => (doc as IndexedDoc)[field] });
      }
      for (const doc of docs) this.add(doc);
    });
    this.correct = createCorrector(contentVocabulary(entries), (word) => isLexiconWord(word) || COMMON_WORDS.has(word));
  }

  /** Query units, with each unknown word of 5+ letters corrected to the content's vocabulary. */
  analyseQuery(question: string): Unit[] {
    return analyse(question, { correct: this.correct });
  }

  /** In how many entries any of these terms occurs (any field). */
  documentFrequency(terms: readonly string[]): number {
    const ids = new Set<string>();
    for (const term of terms) for (const id of this.postings.get(term) ?? []) ids.add(id);
    return ids.size;
  }

  /** Whether every term of the entry's title is among `terms` ("personal information" names a title). */
  titleWithin(id: string, terms: ReadonlySet<string>): boolean {
    const title = this.titles.get(id);
    return title !== undefined && title.size > 0 && [...title].every((term) => terms.has(term));
  }

  search(units: readonly Unit[]): Hit[] {
    const termUnits = new Map<string, number[]>();
    units.forEach((unit, index) => {
      for (const term of unit.terms) termUnits.set(term, [...(termUnits.get(term) ?? []), index]);
    });
    // A query with no known term would be an empty query, which lunr answers with nothing anyway.
    if (![...termUnits.keys()].some((term) => this.postings.has(term))) return [];
    const results = this.index.query((query) => {
      units.forEach((unit) => {
        for (const term of unit.terms) {
          if (!this.postings.has(term)) continue;
          query.term(term, { usePipeline: false, boost: unit.lowInfo ? LOW_INFO_BOOST : unit.focus ? FOCUS_BOOST : 1 });
          // What is asked ("how long") should be what the entry is about: its title.
          if (unit.focus) query.term(term, { usePipeline: false, fields: ['title'], boost: FOCUS_BOOST });
        }
      });
    });
    return results.map((result) => {
      const matched = new Set<number>();
      for (const term of Object.keys(result.matchData.metadata)) for (const index of termUnits.get(term) ?? []) matched.add(index);
      const terms = new Set(Object.keys(result.matchData.metadata));
      return { entry: this.byId.get(result.ref) as FaqEntry, score: result.score, matched, terms };
    });
  }
}

/** Every word the content, the lexicon and plain English give us, weighted by use in the content. */
function contentVocabulary(entries: readonly FaqEntry[]): Map<string, number> {
  const vocabulary = new Map<string, number>();
  const add = (word: string, count: number) => vocabulary.set(word, (vocabulary.get(word) ?? 0) + count);
  for (const entry of entries) {
    for (const word of words(`${entry.title} ${markdownToPlainText(entry.body)} ${entry.part}`)) add(americanise(word), 1);
  }
  for (const concept of Object.values(CONCEPTS)) for (const form of concept.forms) for (const word of words(form)) add(word, 0);
  // Correcting towards a word that carries no meaning only turns a real word we do not know
  // ("officer") into noise ("office"): such words are never correction targets.
  for (const word of [...STOP_WORDS, ...LOW_INFO_WORDS]) vocabulary.delete(word);
  return vocabulary;
}
