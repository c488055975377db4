/**
 * A question becomes search units: one per thing the asker said (a word, or a phrase of the privacy
 * vocabulary such as "opt out"), each with the content's own terms that may stand for it, weighted:
 * the word itself 1 (also in an irregular form: "kept" is "keep"), a derived word or a
 * privacy-vocabulary equivalent a little less, a WordNet synonym less, a word the vectors put close a
 * weight that grows with the closeness. A phrase stands for a unit only when the entry has its words
 * side by side ("data protection officer" for "dpo", not "data" here and "officer" there). An entry
 * scores, for each unit, the best of its alternatives that it contains.
 *
 * Everything that depends on the content (its vocabulary, its phrases, the neighbours of its words)
 * is worked out here when the content is loaded or, for a question word, on first sight and then cached.
 */
import { englishData, type English } from '../language/english';
import { baseForms, irregularBase, stem } from '../language/stem';
import { createCorrector, type Corrector } from '../language/typo';
import { isStopWord, lemmaOf, searchWords } from './content-terms';
import { ABBREVIATIONS, DOCUMENT_NAMES, PRIVACY_CONCEPTS, PRIVACY_GROUPS } from './privacy-vocabulary';
import type { SearchIndex } from './search-index';

/** A content term (a stem, or a phrase of stems registered with the index) and how well it stands for the unit. */
export interface Alternative {
  stem: string;
  weight: number;
  /**
   * The dictionary forms of the content's words that are the asker's own word or derived from it
   * ("security" for "secure"): an entry that has only another word of the stem ("personal" for
   * "person", "office" for "officer") matches it less (see ranking.ts). Undefined: any word of the stem.
   */
  lemmas?: readonly string[];
}

export interface Unit {
  /** What the asker wrote, for diagnostics. */
  text: string;
  /** How much the word says, from how rare it is in English: the share of the question it stands for. */
  information: number;
  alternatives: Alternative[];
  /**
   * A name of one thing ("data protection officer", "dpo") that the content never says, whole,
   * abbreviated or by its head word: whatever the content says of its other words, it says nothing
   * of that thing.
   */
  unnamed?: true;
}

/** Weights of the kinds of alternative. */
const VOCABULARY_WEIGHT = 0.8;
const DERIVED_WEIGHT = 0.85;
const SYNONYM_WEIGHT = 0.6;
const BROADER_WEIGHT = 0.3;
/** A word of a phrase the asker typed, found without the rest of the phrase. */
const PHRASE_PART_WEIGHT = 0.6;
/** A word of a name such as "data protection officer" the content never says, found alone: it hardly says the name. */
const TERM_PART_WEIGHT = 0.25;
/** WordNet lists rare senses too ("sign" -> "signal"): a synonym counts only when the vectors agree a little. */
const SYNONYM_MIN_COSINE = 0.35;
/**
 * Suffixes that make a word of the same meaning ("reach" / "reachable", "process" / "processor"),
 * for the derived forms WordNet does not list. Not "-al" or "-ness": "signal" is not "sign".
 */
const DERIVATIONAL_SUFFIXES: ReadonlySet<string> = new Set(['able', 'ible', 'ability', 'er', 'ers', 'or', 'ors', 'ment', 'ments', 'ance', 'ence', 'ation', 'ations', 'ion', 'ions', 'ity', 'ive']);
/**
 * Vector neighbours. Frequent words sit close to many others ("information" is 0.72 from
 * "intelligence"), so the cosine a neighbour needs falls from COMMON_MIN for the most common words
 * to RARE_MIN for words past rank RARE_RANK; the weight grows from NEIGHBOUR_FLOOR of the most at that cosine to the most.
 */
const COMMON_MIN = 0.8;
const RARE_MIN = 0.5;
const RARE_RANK = 20_000;
const NEIGHBOUR_MAX_WEIGHT = 0.6;
/** A neighbour past the cosine it needs is a real one: it starts at this share of the maximum weight. */
const NEIGHBOUR_FLOOR = 0.5;
const MAX_NEIGHBOURS = 5;
/** A clipped word ("uni" for "university"): at least this long, the full word this much longer, and at most this many candidates. */
const CLIPPED_MIN_LETTERS = 3;
const CLIPPED_MIN_REST = 3;
const MAX_CLIPPED = 2;
const CLIPPED_WEIGHT = 0.6;
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
/** The words by which askers speak of themselves (and, for a business customer, of their organisation). */
const ASKER_WORDS: ReadonlySet<string> = new Set(['i', 'im', 'ive', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves']);

/** Information of a word outside the English vocabulary: as much as the rarest words in it. */
function informationOf(english: English, word: string): number {
  if (/^\d+$/.test(word)) return 1;
  const rank = english.rank(word) ?? english.size;
  return Math.log(1 + rank / 50);
}

/** What a vocabulary expression found in a question stands for. */
interface Expression {
  /** Indexes of the privacy groups it belongs to; none for a name of the document itself. */
  groups: number[];
  names: boolean;
  /**
   * The abbreviation of a name of three words or more ("data protection officer" / "dpo"): such a
   * name is one thing. Where the content never says it, whole, abbreviated or by its head word, its
   * other words one by one say little of it (an entry about "protection" and "Office" says nothing
   * of an officer).
   */
  abbreviation?: string;
}

/** Names written out in this many words or more are searched as one thing. */
const TERM_MIN_WORDS = 3;

export class QueryExpander {
  private readonly english = englishData();
  private readonly correct: Corrector;
  /** Content words with a vector, that expansion may reach, and their vectors in one matrix. */
  private readonly contentRows: Array<{ word: string; stem: string }> = [];
  private readonly contentMatrix: Float32Array;
  private readonly cosines: Float32Array;
  /** Privacy vocabulary: expression (skip words removed, stemmed) -> what it stands for. */
  private readonly expressions = new Map<string, Expression>();
  /** Each group's expressions as content terms: single stems, or phrases the index knows. */
  private readonly groupAlternatives: Alternative[][];
  private readonly cache = new Map<string, Alternative[]>();
  /** Base forms of the content's words ("officers" -> "officer"), for saysWord. */
  private readonly contentBaseForms = new Set<string>();
  /** Stems of the privacy concepts and of the groups' one-word expressions. */
  private readonly conceptStems = new Set<string>();
  /** What the abbreviations stand for ("standard contractual clauses"), as phrase keys. */
  private readonly conceptPhrases = new Set<string>();
  /** Content words by their first four letters, for finding derived forms without a full scan. */
  private readonly byPrefix = new Map<string, Array<{ word: string; stem: string }>>();

  constructor(private readonly index: SearchIndex) {
    const rows: number[] = [];
    for (const [word, { stem: wordStem }] of index.words) {
      for (const form of baseForms(word)) this.contentBaseForms.add(form);
      if (word.length >= 4) {
        const key = word.slice(0, 4);
        const sharing = this.byPrefix.get(key);
        if (sharing) sharing.push({ word, stem: wordStem });
        else this.byPrefix.set(key, [{ word, stem: wordStem }]);
      }
      const row = this.english.row(word);
      if (row === undefined || !this.isTarget(wordStem)) continue;
      this.contentRows.push({ word, stem: wordStem });
      rows.push(row);
    }
    this.contentMatrix = this.english.matrix(rows);
    this.cosines = new Float32Array(rows.length);
    PRIVACY_GROUPS.forEach((group, g) => {
      for (const expression of group) {
        const key = phraseKey(searchWords(expression));
        const known = this.expressions.get(key) ?? { groups: [], names: false };
        known.groups.push(g);
        this.expressions.set(key, known);
      }
    });
    for (const word of [...PRIVACY_CONCEPTS, ...PRIVACY_GROUPS.flat(), ...ABBREVIATIONS.keys()]) {
      const said = searchWords(word);
      if (said.length === 1) this.conceptStems.add(stem(said[0]));
      else if (said.length > 1) this.conceptPhrases.add(phraseKey(said));
    }
    for (const long of [...ABBREVIATIONS.values()].flat()) this.conceptPhrases.add(phraseKey(searchWords(long)));
    for (const [abbreviation, longs] of ABBREVIATIONS) {
      for (const long of longs) {
        const said = searchWords(long);
        if (said.length < TERM_MIN_WORDS) continue;
        const key = phraseKey(said);
        this.expressions.set(key, { ...(this.expressions.get(key) ?? { groups: [], names: false }), abbreviation });
      }
    }
    for (const name of DOCUMENT_NAMES) this.expressions.set(phraseKey(searchWords(name)), { groups: [], names: true });
    this.groupAlternatives = PRIVACY_GROUPS.map((group) => {
      const found = new Map<string, number>();
      for (const expression of group) {
        const term = this.termOf(expression);
        if (term) keepBest(found, { stem: term, weight: VOCABULARY_WEIGHT });
      }
      return toList(found);
    });
    const vocabulary = new Map<string, number>();
    for (const [word, { count }] of index.words) vocabulary.set(word, count);
    for (const expression of [...PRIVACY_GROUPS.flat(), ...PRIVACY_CONCEPTS]) for (const word of searchWords(expression)) if (!vocabulary.has(word)) vocabulary.set(word, 0);
    // A real English word is left as typed: "remote" is not a typo of "remove".
    this.correct = createCorrector(vocabulary, (word) => isStopWord(word) || this.english.rank(word) !== undefined || ABBREVIATIONS.has(word));
  }

  /**
   * Whether the question names something a privacy notice is about: a privacy concept or a word of
   * one (even a function word: "who gets told"), or an expression of the privacy groups.
   */
  aboutPrivacy(question: string): boolean {
    const said = searchWords(question).map((word) => this.correct(word));
    if (said.some((word, i) => this.namesPrivacyConcept(word) || this.longestExpression(said, i) !== undefined)) return true;
    const key = ` ${phraseKey(said)} `;
    for (const phrase of this.conceptPhrases) if (key.includes(` ${phrase} `)) return true;
    return false;
  }

  /** Whether the asker speaks of themselves ("my", "I", "we"): personal data is about someone. */
  aboutAsker(question: string): boolean {
    return searchWords(question).some((word) => ASKER_WORDS.has(word));
  }

  units(question: string): Unit[] {
    const kept = searchWords(question)
      .map((word) => this.correct(word))
      .filter((word) => !PHRASE_SKIP.has(word));
    const units: Unit[] = [];
    for (let i = 0; i < kept.length; ) {
      const found = this.longestExpression(kept, i);
      const match = found && this.describedInOwnWords(found.expression, kept.slice(i, i + found.length)) ? undefined : found;
      const words = kept.slice(i, i + (match?.length ?? 1));
      i += words.length;
      // "the privacy policy" names the document every entry belongs to: it says nothing of the topic.
      if (match?.expression.names) continue;
      const content = words.filter((word) => !isStopWord(word));
      // A word said twice ("slack ... to slack") is one thing asked about, not two.
      if ((content.length === 0 && !match) || units.some((unit) => unit.text === words.join(' '))) continue;
      const alternatives = new Map<string, number>();
      let unnamed = false;
      if (content.length === 1) {
        for (const alternative of this.alternatives(content[0])) keepBest(alternatives, alternative);
      } else if (content.length > 1) {
        // The asker's own phrase, whole; each of its words alone says less, unless the content
        // uses it everywhere ("data" of "copy of my data"), when it says nothing.
        const whole = this.index.phrase(content.map(stem));
        if (whole) keepBest(alternatives, { stem: whole, weight: 1 });
        const abbreviation = match?.expression.abbreviation;
        if (abbreviation !== undefined) {
          const abbreviated = stem(abbreviation);
          if (this.index.has(abbreviated)) keepBest(alternatives, { stem: abbreviated, weight: VOCABULARY_WEIGHT });
          else if (!whole && !this.saysWord(content.at(-1)!)) unnamed = true;
        }
        const partWeight = unnamed ? TERM_PART_WEIGHT : PHRASE_PART_WEIGHT;
        for (const word of content) for (const alternative of this.alternatives(word)) if (this.isTarget(alternative.stem)) keepBest(alternatives, { stem: alternative.stem, weight: alternative.weight * partWeight });
      }
      for (const g of match?.expression.groups ?? []) for (const alternative of this.groupAlternatives[g]) keepBest(alternatives, alternative);
      // "dpo" is also searched as "data protection officer".
      if (content.length === 1) {
        const written = ABBREVIATIONS.get(content[0]) ?? [];
        const longs = written.filter((long) => searchWords(long).length >= TERM_MIN_WORDS);
        for (const long of written) {
          const term = this.termOf(long);
          if (term) keepBest(alternatives, { stem: term, weight: VOCABULARY_WEIGHT });
        }
        if (longs.length > 0 && !this.index.has(stem(content[0])) && longs.every((long) => !this.termOf(long) && !this.saysWord(searchWords(long).at(-1)!))) unnamed = true;
      }
      // A phrase of function words ("who gets") says as much as its group's first expression does.
      const said = content.length > 0 ? content : searchWords(PRIVACY_GROUPS[match?.expression.groups[0] ?? 0][0]).filter((word) => !isStopWord(word));
      const information = Math.max(0, ...said.map((word) => this.informationOf(word)));
      const list = toList(alternatives);
      if (content.length === 1) {
        const own = list.find((alternative) => alternative.stem === stem(irregularBase(content[0]) ?? content[0]));
        if (own) own.lemmas = this.sameWord(own.stem, lemmaOf(content[0]));
      }
      units.push({ text: words.join(' '), information, alternatives: list, ...(unnamed ? { unnamed: true as const } : {}) });
    }
    return units;
  }

  /**
   * Of the content's words of this stem, those that are this word or WordNet derives from it or it
   * from them ("secure" / "security"); undefined when that is all of them.
   */
  private sameWord(term: string, lemma: string): string[] | undefined {
    const all = this.index.lemmasOf(term);
    const same = all.filter((other) => other === lemma || this.english.derived(lemma).includes(other) || this.english.derived(other).includes(lemma));
    return same.length === all.length ? undefined : same;
  }

  /**
   * Whether a long name the content never says, whole or abbreviated, is still a thing it speaks of
   * in its own words, as its head word shows ("subject access request" where it explains how to
   * request your data): then the asker's words are read one by one, as any words are.
   */
  private describedInOwnWords(expression: Expression, words: string[]): boolean {
    if (expression.abbreviation === undefined || expression.groups.length > 0 || expression.names) return false;
    const content = words.filter((word) => !isStopWord(word));
    if (this.index.phrase(content.map(stem)) || this.index.has(stem(expression.abbreviation))) return false;
    return this.saysWord(content.at(-1)!);
  }

  /**
   * Whether the content uses this word, in any of its forms (not merely its stem: "office" is not
   * "officer"). A name whose head word the content never uses ("data protection officer") names a
   * thing it never speaks of; one whose head it uses ("subject access request") may be a thing it
   * describes in its own words ("ask for a copy of your data").
   */
  private saysWord(word: string): boolean {
    return this.index.words.has(word) || this.contentBaseForms.has(word);
  }

  /** Whether the word, one of its base forms or a word derived from it is a privacy concept ("told" / "tell", "anonymously"). */
  private namesPrivacyConcept(word: string): boolean {
    const forms = [word, ...baseForms(word)];
    return forms.some((form) => this.conceptStems.has(stem(form)) || this.english.derived(form).some((derived) => this.conceptStems.has(stem(derived))));
  }

  /** An expression as one content term: its stem, or its words as a phrase the content has; undefined when the content has neither. */
  private termOf(expression: string): string | undefined {
    const words = searchWords(expression).filter((word) => !isStopWord(word) && !PHRASE_SKIP.has(word));
    if (words.length === 1) return this.isTarget(stem(words[0])) ? stem(words[0]) : undefined;
    if (words.length < 2) return undefined;
    // The content may call one's data by another of its names: "responsible for my data" is found as
    // "responsible for your information" too.
    const at = words.findIndex((word) => DATA_WORDS.has(word));
    const variants = at < 0 ? [words] : [words, ...[...DATA_WORDS].filter((other) => other !== words[at]).map((other) => words.map((word, i) => (i === at ? other : word)))];
    for (const variant of variants) {
      const found = this.index.phrase(variant.map(stem));
      if (found) return found;
    }
    return undefined;
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
  private longestExpression(words: string[], start: number): { length: number; expression: Expression } | undefined {
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - start); n >= 1; n--) {
      const slice = words.slice(start, start + n);
      if (n === 1 && isStopWord(slice[0])) return undefined;
      const expression = this.expressions.get(phraseKey(slice));
      if (expression) return { length: n, expression };
    }
    return undefined;
  }

  /** The word itself, its derived forms, its WordNet relations and its vector neighbours, among the content's terms. */
  private alternatives(word: string): Alternative[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const found = new Map<string, number>();
    const own = stem(word);
    if (this.index.has(own)) found.set(own, 1);
    const irregular = irregularBase(word);
    if (irregular !== undefined && this.index.has(stem(irregular))) keepBest(found, { stem: stem(irregular), weight: 1 });
    const forms = [word, ...baseForms(word)];
    const antonyms = new Set(forms.flatMap((form) => this.english.antonyms(form)));
    const add = (related: string, weight: number) => {
      const relatedStem = stem(related);
      if (relatedStem !== own && this.isTarget(relatedStem) && !antonyms.has(related)) keepBest(found, { stem: relatedStem, weight });
    };
    for (const related of this.suffixed(word)) add(related, DERIVED_WEIGHT);
    for (const form of forms) {
      for (const related of this.english.derived(form)) add(related, DERIVED_WEIGHT);
      for (const synonym of this.english.synonyms(form)) if ((this.english.similarity(form, synonym) ?? 0) >= SYNONYM_MIN_COSINE) add(synonym, SYNONYM_WEIGHT);
      for (const related of this.english.broader(form)) add(related, BROADER_WEIGHT);
    }
    for (const neighbour of this.neighbours(word, antonyms)) keepBest(found, neighbour);
    // A word shortened in speech ("uni", "admin", "docs") that the content knows no other way: the
    // content's longer words it begins.
    if (found.size === 0) for (const longer of this.clippedFrom(word)) keepBest(found, { stem: longer, weight: CLIPPED_WEIGHT });
    const list = toList(found);
    // Bounded: questions are capped in length, but a long-lived bot sees many distinct words.
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, list);
    return list;
  }

  /**
   * The content's stems of words that begin with this one and go on for a few letters more, when
   * there are at most MAX_CLIPPED of them (a short beginning shared by many words says nothing).
   */
  private clippedFrom(word: string): string[] {
    if (word.length < CLIPPED_MIN_LETTERS || /\d/.test(word)) return [];
    const stems = new Set<string>();
    for (const { word: contentWord, stem: contentStem } of this.byPrefix.get(word.slice(0, 4)) ?? this.byShortPrefix(word)) {
      if (contentWord.startsWith(word) && contentWord.length >= word.length + CLIPPED_MIN_REST && this.isTarget(contentStem)) stems.add(contentStem);
    }
    return stems.size <= MAX_CLIPPED ? [...stems] : [];
  }

  /** Content words beginning with a word of three letters (byPrefix is keyed by four). */
  private byShortPrefix(word: string): Array<{ word: string; stem: string }> {
    if (word.length >= 4) return [];
    return [...this.byPrefix].filter(([prefix]) => prefix.startsWith(word)).flatMap(([, words]) => words);
  }

  /** Content words that are this word plus a derivational suffix, or the other way round. */
  private suffixed(word: string): string[] {
    if (word.length < 4) return [];
    const found: string[] = [];
    for (const { word: contentWord } of this.byPrefix.get(word.slice(0, 4)) ?? []) {
      const [shorter, longer] = contentWord.length < word.length ? [contentWord, word] : [word, contentWord];
      if (longer.startsWith(shorter) && DERIVATIONAL_SUFFIXES.has(longer.slice(shorter.length))) found.push(contentWord);
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
      const weight = NEIGHBOUR_MAX_WEIGHT * Math.min(1, NEIGHBOUR_FLOOR + ((1 - NEIGHBOUR_FLOOR) * (cosine - min)) / (1 - min));
      if (weight > (best.get(candidate.stem) ?? 0)) best.set(candidate.stem, weight);
    }
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_NEIGHBOURS)
      .map(([neighbourStem, weight]) => ({ stem: neighbourStem, weight }));
  }
}

/**
 * Within a vocabulary expression, the words for one's data are one word: "in charge of my info" is
 * "in charge of my data", "a copy of my personal details" is "a copy of my data".
 */
const DATA_WORDS: ReadonlySet<string> = new Set(['data', 'information', 'details', 'records', 'record', 'files', 'file']);

function phraseKey(words: string[]): string {
  return words
    .filter((word, i) => !PHRASE_SKIP.has(word) && !(word === 'personal' && DATA_WORDS.has(words[i + 1] ?? '')))
    .map((word) => (DATA_WORDS.has(word) ? 'data' : stem(word)))
    .join(' ');
}

function keepBest(into: Map<string, number>, alternative: Alternative): void {
  if (alternative.weight > (into.get(alternative.stem) ?? 0)) into.set(alternative.stem, alternative.weight);
}

function toList(alternatives: Map<string, number>): Alternative[] {
  return [...alternatives].map(([term, weight]) => ({ stem: term, weight }));
}
