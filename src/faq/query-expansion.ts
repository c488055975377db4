/**
 * A question becomes search units: one per thing the asker said (a word, or a phrase of the privacy
 * vocabulary such as "opt out"), each with the content's own terms that may stand for it, weighted:
 * the word itself 1, a privacy-vocabulary equivalent or a WordNet synonym a little less, a word the
 * vectors put close a weight that grows with the closeness. An entry scores, for each unit, the best
 * of its alternatives that it contains.
 *
 * Everything that depends on the content (its vocabulary, the neighbours of its words) is worked
 * out here when the content is loaded or, for a question word, on first sight and then cached.
 */
import { englishData, type English } from '../language/english';
import { baseForms, stem } from '../language/stem';
import { createCorrector, type Corrector } from '../language/typo';
import { isStopWord, searchWords } from './content-terms';
import { ABBREVIATIONS, PRIVACY_GROUPS } from './privacy-vocabulary';
import type { SearchIndex } from './search-index';

export interface Alternative {
  stem: string;
  weight: number;
}

export interface Unit {
  /** What the asker wrote, for diagnostics. */
  text: string;
  /** How much the word says, from how rare it is in English: the share of the question it stands for. */
  information: number;
  alternatives: Alternative[];
}

/** Weights of the kinds of alternative. */
const VOCABULARY_WEIGHT = 0.8;
const DERIVED_WEIGHT = 0.9;
const DERIVATIONAL_SUFFIXES: ReadonlySet<string> = new Set(['able', 'ible', 'ment', 'ments', 'ness', 'ance', 'ence', 'ation', 'ations', 'er', 'ers', 'or', 'ors', 'al', 'ally', 'ity', 'ive']);
const SYNONYM_WEIGHT = 0.6;
/** WordNet lists rare senses too ("sign" -> "signal"): a synonym counts only when the vectors agree a little. */
const SYNONYM_MIN_COSINE = 0.35;
/**
 * Vector neighbours. Frequent words sit close to many others ("information" is 0.72 from
 * "intelligence"), so the cosine a neighbour needs falls from COMMON_MIN for the most common words
 * to RARE_MIN for words past rank RARE_RANK; the weight grows from 0 at that cosine to MAX_WEIGHT.
 */
const COMMON_MIN = 0.8;
const RARE_MIN = 0.55;
const RARE_RANK = 20_000;
const NEIGHBOUR_MAX_WEIGHT = 0.6;
const MAX_NEIGHBOURS = 5;
/**
 * A stem in more than this share of the entries is never reached by expansion ("information" ->
 * "data" in a privacy policy): it tells no entry apart and would make any question look covered.
 */
const GENERIC_SHARE = 0.6;
/** A stem in more than this share of the entries (the organisation's own name, "data") counts half in coverage. */
const COMMON_SHARE = 0.3;

/** Determiners and pronouns are skipped inside phrases: "opt me out" is "opt out". */
const PHRASE_SKIP: ReadonlySet<string> = new Set(['my', 'me', 'your', 'our', 'us', 'their', 'his', 'her', 'its', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'all', 'any', 'some', 'it', 'them', 'else']);
const MAX_PHRASE_WORDS = 5;

/** Information of a word outside the English vocabulary: as much as the rarest words in it. */
function informationOf(english: English, word: string): number {
  if (/^\d+$/.test(word)) return 1;
  const rank = english.rank(word) ?? english.size;
  return Math.log(1 + rank / 50);
}

export class QueryExpander {
  private readonly english = englishData();
  private readonly correct: Corrector;
  /** Content words with a vector, that expansion may reach, and their vectors in one matrix. */
  private readonly contentRows: Array<{ word: string; stem: string }> = [];
  private readonly contentMatrix: Float32Array;
  private readonly cosines: Float32Array;
  /** Privacy vocabulary: phrase (skip words removed) -> indexes of its groups. */
  private readonly phraseGroups = new Map<string, number[]>();
  private readonly groupStems: Alternative[][];
  private readonly cache = new Map<string, Alternative[]>();
  /** Content words by their first four letters, for finding derived forms without a full scan. */
  private readonly byPrefix = new Map<string, Array<{ word: string; stem: string }>>();

  constructor(private readonly index: SearchIndex) {
    const rows: number[] = [];
    for (const [word, { stem: wordStem }] of index.words) {
      const row = this.english.row(word);
      if (row === undefined || !this.isTarget(wordStem)) continue;
      this.contentRows.push({ word, stem: wordStem });
      rows.push(row);
    }
    this.contentMatrix = this.english.matrix(rows);
    for (const [word, { stem: wordStem }] of index.words) {
      if (word.length < 4) continue;
      const key = word.slice(0, 4);
      const list = this.byPrefix.get(key) ?? [];
      list.push({ word, stem: wordStem });
      this.byPrefix.set(key, list);
    }
    this.cosines = new Float32Array(rows.length);
    PRIVACY_GROUPS.forEach((group, g) => {
      for (const expression of group) {
        const key = phraseKey(searchWords(expression));
        this.phraseGroups.set(key, [...(this.phraseGroups.get(key) ?? []), g]);
      }
    });
    // Each group's terms as the content spells them; terms the content lacks can never match.
    this.groupStems = PRIVACY_GROUPS.map((group) => {
      const stems = new Set(group.flatMap((expression) => searchWords(expression).filter((word) => !isStopWord(word)).map(stem)));
      return [...stems].filter((term) => this.isTarget(term)).map((term) => ({ stem: term, weight: VOCABULARY_WEIGHT }));
    });
    const vocabulary = new Map<string, number>();
    for (const [word, { count }] of index.words) vocabulary.set(word, count);
    for (const group of PRIVACY_GROUPS) for (const expression of group) for (const word of searchWords(expression)) if (!vocabulary.has(word)) vocabulary.set(word, 0);
    // A real English word is left as typed: "remote" is not a typo of "remove".
    this.correct = createCorrector(vocabulary, (word) => isStopWord(word) || this.english.rank(word) !== undefined || ABBREVIATIONS.has(word));
  }

  units(question: string): Unit[] {
    const raw = searchWords(question).map((word) => this.correct(word));
    const kept = raw.filter((word) => !PHRASE_SKIP.has(word)).map((word) => ({ word }));
    const units: Unit[] = [];
    for (let i = 0; i < kept.length; ) {
      const phrase = this.longestPhrase(kept.map(({ word }) => word), i);
      if (phrase) {
        const words = kept.slice(i, i + phrase.length).map(({ word }) => word);
        const content = words.filter((word) => !isStopWord(word));
        const alternatives = new Map<string, number>();
        // The phrase's own words, unless the content uses them everywhere ("data" of "copy of my data").
        for (const word of content) for (const alternative of this.alternatives(word)) if (this.isTarget(alternative.stem)) keepBest(alternatives, alternative);
        for (const g of phrase.groups) for (const alternative of this.groupStems[g]) keepBest(alternatives, alternative);
        const information = Math.max(0, ...content.map((word) => this.informationOf(word)));
        units.push({ text: words.join(' '), information, alternatives: toList(alternatives) });
        i += phrase.length;
        continue;
      }
      const { word } = kept[i++];
      if (isStopWord(word)) continue;
      const alternatives = new Map<string, number>();
      for (const alternative of this.alternatives(word)) keepBest(alternatives, alternative);
      // "dpo" is also searched as the words of "data protection officer".
      const long = ABBREVIATIONS.get(word);
      if (long !== undefined) for (const part of searchWords(long)) if (this.isTarget(stem(part))) keepBest(alternatives, { stem: stem(part), weight: VOCABULARY_WEIGHT });
      units.push({ text: word, information: this.informationOf(word), alternatives: toList(alternatives) });
    }
    return units;
  }

  /**
   * How much of the question a word stands for: rare English words say more. A word the content
   * uses in most entries ("data" in a privacy policy) says little about which entry is meant, and
   * the content says it in other words too ("information"): it counts half.
   */
  private informationOf(word: string): number {
    const general = informationOf(this.english, word);
    const term = stem(word);
    return this.index.documentFrequency(term) > COMMON_SHARE * this.index.size ? general / 2 : general;
  }

  /** Whether expansion may reach this content stem. */
  private isTarget(term: string): boolean {
    return this.index.has(term) && this.index.documentFrequency(term) <= Math.max(1, GENERIC_SHARE * this.index.size);
  }

  /** The longest privacy-vocabulary expression starting at `start` (one word or more). */
  private longestPhrase(words: string[], start: number): { length: number; groups: number[] } | undefined {
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - start); n >= 1; n--) {
      const slice = words.slice(start, start + n);
      if (n === 1 && isStopWord(slice[0])) return undefined;
      const groups = this.phraseGroups.get(phraseKey(slice));
      if (groups) return { length: n, groups };
    }
    return undefined;
  }

  /** The word itself, its WordNet synonyms and its vector neighbours, among the content's terms. */
  private alternatives(word: string): Alternative[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const found = new Map<string, number>();
    const own = stem(word);
    if (this.index.has(own)) found.set(own, 1);
    // Derived forms Porter leaves apart: "reach" / "reachable", "rely" / "reliance".
    for (const related of this.derivedForms(word)) keepBest(found, { stem: related, weight: DERIVED_WEIGHT });
    const forms = [word, ...baseForms(word)];
    const antonyms = new Set(forms.flatMap((form) => this.english.antonyms(form)));
    for (const form of forms) {
      for (const synonym of this.english.synonyms(form)) {
        const synonymStem = stem(synonym);
        if (!this.isTarget(synonymStem) || antonyms.has(synonym) || (this.english.similarity(form, synonym) ?? 0) < SYNONYM_MIN_COSINE) continue;
        keepBest(found, { stem: synonymStem, weight: SYNONYM_WEIGHT });
      }
    }
    for (const neighbour of this.neighbours(word, antonyms)) keepBest(found, neighbour);
    const list = toList(found);
    // Bounded: questions are capped in length, but a long-lived bot sees many distinct words.
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, list);
    return list;
  }

  /** Content stems of words that are this word plus a derivational suffix, or the other way round. */
  private derivedForms(word: string): string[] {
    if (word.length < 4) return [];
    const found: string[] = [];
    for (const { word: contentWord, stem: contentStem } of this.byPrefix.get(word.slice(0, 4)) ?? []) {
      const [shorter, longer] = contentWord.length < word.length ? [contentWord, word] : [word, contentWord];
      if (longer.startsWith(shorter) && DERIVATIONAL_SUFFIXES.has(longer.slice(shorter.length))) found.push(contentStem);
    }
    return found;
  }

  private neighbours(word: string, antonyms: ReadonlySet<string>): Alternative[] {
    const row = this.english.row(word);
    if (row === undefined) return [];
    const commonness = Math.max(0, Math.min(1, Math.log(RARE_RANK / (row + 1)) / Math.log(RARE_RANK / 100)));
    const min = RARE_MIN + (COMMON_MIN - RARE_MIN) * commonness;
    const best = new Map<string, number>();
    this.english.similarities(row, this.contentMatrix, this.cosines);
    for (let i = 0; i < this.contentRows.length; i++) {
      const cosine = this.cosines[i];
      const candidate = this.contentRows[i];
      if (cosine < min || candidate.word === word || antonyms.has(candidate.word)) continue;
      const weight = NEIGHBOUR_MAX_WEIGHT * Math.min(1, 0.3 + (0.7 * (cosine - min)) / (1 - min));
      if (weight > (best.get(candidate.stem) ?? 0)) best.set(candidate.stem, weight);
    }
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_NEIGHBOURS)
      .map(([neighbourStem, weight]) => ({ stem: neighbourStem, weight }));
  }
}

function phraseKey(words: string[]): string {
  return words
    .filter((word) => !PHRASE_SKIP.has(word))
    .map(stem)
    .join(' ');
}

function keepBest(into: Map<string, number>, alternative: Alternative): void {
  if (alternative.weight > (into.get(alternative.stem) ?? 0)) into.set(alternative.stem, alternative.weight);
}

function toList(alternatives: Map<string, number>): Alternative[] {
  return [...alternatives].map(([term, weight]) => ({ stem: term, weight }));
}
