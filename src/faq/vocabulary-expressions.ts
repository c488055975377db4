/**
 * Expressions of the general privacy vocabulary (privacy-vocabulary.ts) and of the abbreviations
 * (abbreviations.ts) found in a question: what each stands for, and each group's expressions as the
 * content's own terms (a stem, or a phrase the content has word for word). Matched on words with
 * determiners and pronouns left out, so "opt me out" is "opt out".
 */
import { isStopWord, searchWords } from './content-terms';
import { stem } from '../language/stem';
import { DATA_NOUNS, DATA_PROTECTION_ROLES, DOCUMENT_NAMES, PRIVACY_GROUPS } from './privacy-vocabulary';
import type { SearchIndex } from './search-index';
import { keepBest, toList, type Alternative } from './word-alternatives';

/** What a vocabulary expression found in a question stands for. */
export interface Expression {
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

/** Each group of expressions, and whether its others stand in only where the content lacks the one asked. */
const GROUPS: ReadonlyArray<{ expressions: readonly string[]; onlyWhereAbsent: boolean }> = [
  ...PRIVACY_GROUPS.map((expressions) => ({ expressions, onlyWhereAbsent: false })),
  { expressions: DATA_PROTECTION_ROLES, onlyWhereAbsent: true },
];

/** Names written out in this many words or more are searched as one thing. */
export const TERM_MIN_WORDS = 3;
const MAX_PHRASE_WORDS = 5;

/** Determiners and pronouns are skipped inside phrases: "opt me out" is "opt out". */
export const PHRASE_SKIP: ReadonlySet<string> = new Set([
  'my',
  'me',
  'your',
  'our',
  'us',
  'their',
  'his',
  'her',
  'its',
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'all',
  'any',
  'some',
  'it',
  'them',
  'else',
]);

/**
 * Within a vocabulary expression, the words for one's data are one word: "in charge of my info" is
 * "in charge of my data", "a copy of my personal details" is "a copy of my data".
 */
const DATA_WORDS: ReadonlySet<string> = new Set([...DATA_NOUNS, 'records', 'record', 'files', 'file']);

export function phraseKey(words: string[]): string {
  return words
    .filter((word, i) => !PHRASE_SKIP.has(word) && !(word === 'personal' && DATA_WORDS.has(words[i + 1] ?? '')))
    .map((word) => (DATA_WORDS.has(word) ? 'data' : stem(word)))
    .join(' ');
}

export class VocabularyExpressions {
  /** Expression (skip words removed, stemmed) -> what it stands for. */
  private readonly expressions = new Map<string, Expression>();
  /** Each group's expressions as content terms. */
  private readonly groupTerms: Alternative[][];
  /** The content's terms for the document itself, worked out when a question first asks of it: the content never changes. */
  private documentTermsFound?: readonly Alternative[];

  constructor(
    private readonly index: SearchIndex,
    readonly abbreviations: ReadonlyMap<string, readonly string[]>,
    private readonly isTarget: (term: string) => boolean,
    /** The weight of a group's terms and of written-out abbreviations (tuning.ts's vocabularyWeight). */
    private readonly weight: number,
  ) {
    GROUPS.forEach(({ expressions }, g) => {
      for (const expression of expressions) {
        const key = phraseKey(searchWords(expression));
        const known = this.expressions.get(key) ?? { groups: [], names: false };
        known.groups.push(g);
        this.expressions.set(key, known);
      }
    });
    for (const [abbreviation, longs] of abbreviations) {
      for (const long of longs) {
        const said = searchWords(long);
        if (said.length < TERM_MIN_WORDS) continue;
        const key = phraseKey(said);
        this.expressions.set(key, { ...(this.expressions.get(key) ?? { groups: [], names: false }), abbreviation });
      }
    }
    for (const name of DOCUMENT_NAMES) this.expressions.set(phraseKey(searchWords(name)), { groups: [], names: true });
    this.groupTerms = GROUPS.map(({ expressions }) => {
      const found = new Map<string, number>();
      for (const expression of expressions) {
        const term = this.termOf(expression);
        if (term) keepBest(found, { stem: term, weight: this.weight });
      }
      return toList(found);
    });
  }

  /** The content's terms for a group's expressions; none for a group of names when the content has the one asked. */
  groupAlternatives(group: number, askedIsInContent: boolean): readonly Alternative[] {
    return GROUPS[group].onlyWhereAbsent && askedIsInContent ? [] : this.groupTerms[group];
  }

  /** The content's terms for the document itself: its names ("privacy notice"), and the words they end in ("notice"). */
  documentTerms(): readonly Alternative[] {
    if (this.documentTermsFound === undefined) {
      const found = new Map<string, number>();
      for (const name of DOCUMENT_NAMES)
        for (const said of [name, searchWords(name).at(-1)!]) {
          const term = this.termOf(said);
          if (term) keepBest(found, { stem: term, weight: this.weight });
        }
      this.documentTermsFound = toList(found);
    }
    return this.documentTermsFound;
  }

  /** The group's first expression: what a phrase of function words ("who gets") says. */
  groupHead(group: number): string {
    return GROUPS[group].expressions[0];
  }

  /**
   * The abbreviation's written-out names as content terms, with the vocabulary's weight; for a name
   * the content lacks, its terms for the other expressions of the name's groups ("dpo" is the "data
   * protection lead" of a content that names no officer).
   */
  writtenOut(abbreviation: string): Alternative[] {
    const found = new Map<string, number>();
    for (const long of this.abbreviations.get(abbreviation) ?? []) {
      const term = this.termOf(long);
      if (term) keepBest(found, { stem: term, weight: this.weight });
      else
        for (const group of this.expressions.get(phraseKey(searchWords(long)))?.groups ?? [])
          for (const alternative of this.groupTerms[group]) keepBest(found, alternative);
    }
    return toList(found);
  }

  /** The longest expression starting at `start` (one word or more). */
  longestAt(words: string[], start: number): { length: number; expression: Expression } | undefined {
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - start); n >= 1; n--) {
      const slice = words.slice(start, start + n);
      if (n === 1 && isStopWord(slice[0])) return undefined;
      const expression = this.expressions.get(phraseKey(slice));
      if (expression) return { length: n, expression };
    }
    return undefined;
  }

  /** An expression as one content term: its stem, or its words as a phrase the content has; undefined when the content has neither. */
  termOf(expression: string): string | undefined {
    const words = searchWords(expression).filter((word) => !isStopWord(word) && !PHRASE_SKIP.has(word));
    if (words.length === 1) return this.isTarget(stem(words[0])) ? stem(words[0]) : undefined;
    if (words.length < 2) return undefined;
    // The content may call one's data by another of its names: "responsible for my data" is found as
    // "responsible for your information" too.
    const at = words.findIndex((word) => DATA_WORDS.has(word));
    const variants =
      at < 0 ? [words] : [words, ...[...DATA_WORDS].filter((other) => other !== words[at]).map((other) => words.map((word, i) => (i === at ? other : word)))];
    for (const variant of variants) {
      const found = this.index.phrase(variant.map(stem));
      if (found) return found;
    }
    return undefined;
  }
}
