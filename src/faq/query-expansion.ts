/**
 * A question becomes search units: one per thing the asker said (a word, a phrase of the privacy
 * vocabulary such as "opt out", or a phrase an entry's heading has word for word, such as "open
 * banking"), each with the content's own terms that may stand for it, weighted (see
 * word-alternatives.ts). A phrase stands for a unit only when the entry has its words side by side
 * ("data protection officer" for "dpo", not "data" here and "officer" there); each of its words alone
 * says less. An entry scores, for each unit, the best of its alternatives that it contains.
 *
 * Everything that depends on the content (its vocabulary, its phrases, its abbreviations, the
 * neighbours of its words) is worked out when the content is loaded or, for a question word, on
 * first sight and then cached.
 */
import { runToEnd } from '../limits/event-loop';
import { englishData, type English } from '../language/english';
import { baseForms, irregularBase, stem } from '../language/stem';
import { createCorrector, type Corrector } from '../language/typo';
import { isStopWord, lemmaOf, searchWords } from './content-terms';
import { DATA_NOUNS, DOCUMENT_CHANGE_WORDS, PRIVACY_GROUPS } from './privacy-vocabulary';
import type { SearchIndex } from './search-index';
import { PHRASE_SKIP, TERM_MIN_WORDS, VocabularyExpressions, type Expression } from './vocabulary-expressions';
import type { Tuning } from './tuning';
import { keepBest, toList, WordAlternatives, type Alternative, type AlternativeWeights } from './word-alternatives';

export type { Alternative } from './word-alternatives';

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

/**
 * The expansion's weights, chosen leave-one-policy-out (tuning.ts): the word alternatives', the privacy
 * vocabulary's, a word of a phrase the asker typed found without the rest of the phrase, and a word of a
 * name such as "data protection officer" the content never says, found alone (it hardly says the name).
 */
export type ExpansionWeights = AlternativeWeights &
  Pick<Tuning, 'vocabularyWeight' | 'phrasePartWeight' | 'nearPhraseWeight' | 'nearnessWindow' | 'termPartWeight' | 'commonShare'>;
/** The most frequent English words a typo may be corrected to, beside the content's own. */
const TYPO_ENGLISH_WORDS = 20_000;
/** Longest heading phrase looked for in a question. */
const MAX_HEADING_PHRASE = 4;
/** The words by which askers speak of themselves (and, for a business customer, of their organisation). */
const ASKER_WORDS: ReadonlySet<string> = new Set(['i', 'im', 'ive', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves']);

const DATA_NOUN_SET: ReadonlySet<string> = new Set(DATA_NOUNS);

/**
 * Whether the word at `i` is said with no word before it that makes it a kind of something ("bank
 * details"): nothing, a word such as "my", "what" or "the", or "personal" after one of those.
 */
function saysNoKindOf(words: readonly string[], i: number): boolean {
  const before = words[i - 1] === 'personal' ? i - 2 : i - 1;
  return before < 0 || isStopWord(words[before]);
}

/** Marks the constructor call of QueryExpander.build, which fills the expander itself. */
const IN_SLICES = Symbol('in slices');

/** A question with one of these asks whether the document changes: its name is then the topic. */
const DOCUMENT_CHANGE_STEMS: ReadonlySet<string> = new Set(DOCUMENT_CHANGE_WORDS.map(stem));

/** Information of a word outside the English vocabulary: as much as the rarest words in it. */
function informationOf(english: English, word: string): number {
  if (/^\d+$/.test(word)) return 1;
  const rank = english.rank(word) ?? english.size;
  return Math.log(1 + rank / 50);
}

export class QueryExpander {
  private readonly english = englishData();
  // Set by fill(), which the constructor runs (or QueryExpander.build, a step at a time).
  private correct!: Corrector;
  private words!: WordAlternatives;
  private vocabulary!: VocabularyExpressions;
  /** Base forms of the content's words ("officers" -> "officer"), for saysWord. */
  private readonly contentBaseForms = new Set<string>();

  constructor(
    private readonly index: SearchIndex,
    private readonly weights: ExpansionWeights,
    abbreviations: ReadonlyMap<string, readonly string[]>,
    inSlices?: typeof IN_SLICES,
  ) {
    if (inSlices !== IN_SLICES) runToEnd(this.fill(weights, abbreviations));
  }

  /** The expander built a part at a time, each `yield` a point where the event loop may run (a rebuild while the bot answers). */
  static *build(index: SearchIndex, weights: ExpansionWeights, abbreviations: ReadonlyMap<string, readonly string[]>): Generator<void, QueryExpander> {
    const expander = new QueryExpander(index, weights, abbreviations, IN_SLICES);
    yield* expander.fill(weights, abbreviations);
    return expander;
  }

  private *fill(weights: ExpansionWeights, abbreviations: ReadonlyMap<string, readonly string[]>): Generator<void> {
    const index = this.index;
    this.words = new WordAlternatives(index, weights);
    yield;
    this.vocabulary = new VocabularyExpressions(index, abbreviations, (term) => this.words.isTarget(term), weights.vocabularyWeight);
    yield;
    for (const word of index.words.keys()) for (const form of baseForms(word)) this.contentBaseForms.add(form);
    const known = new Map<string, number>();
    for (const [word, { count }] of index.words) known.set(word, count);
    for (const expression of PRIVACY_GROUPS.flat()) for (const word of searchWords(expression)) if (!known.has(word)) known.set(word, 0);
    // A typo may be of a word the content does not use ("colect" for "collect" where it says
    // "gather"): the common English words come after the content's, the more frequent first.
    for (let rank = 1; rank <= TYPO_ENGLISH_WORDS && rank <= this.english.size; rank++) {
      const word = this.english.word(rank);
      if (word !== undefined && !known.has(word)) known.set(word, 1 / (rank + 1));
    }
    yield;
    // A real English word is left as typed: "remote" is not a typo of "remove".
    this.correct = createCorrector(known, (word) => isStopWord(word) || this.english.rank(word) !== undefined || abbreviations.has(word));
  }

  /** Whether the asker speaks of themselves ("my", "I", "we"): personal data is about someone. */
  aboutAsker(question: string): boolean {
    return searchWords(question).some((word) => ASKER_WORDS.has(word));
  }

  units(question: string): Unit[] {
    const said = searchWords(question).map((word) => this.correct(word));
    const kept: string[] = [];
    // Where in `kept` a word for one's data in general stands on its own (see DATA_NOUNS).
    const dataInGeneral = new Set<number>();
    said.forEach((word, i) => {
      if (PHRASE_SKIP.has(word)) return;
      if (DATA_NOUN_SET.has(word) && saysNoKindOf(said, i)) dataInGeneral.add(kept.length);
      kept.push(word);
    });
    const units: Unit[] = [];
    const headingPhrases = this.headingPhrases(kept);
    const asksOfChange = kept.some((word) => DOCUMENT_CHANGE_STEMS.has(stem(word)));
    for (let i = 0; i < kept.length;) {
      const at = i;
      const found = this.vocabulary.longestAt(kept, i);
      const match = found && this.describedInOwnWords(found.expression, kept.slice(i, i + found.length)) ? undefined : found;
      const words = kept.slice(i, i + (match?.length ?? 1));
      i += words.length;
      // "the privacy policy" names the document every entry belongs to: it says nothing of the topic,
      // unless the question asks whether the document changes: then it is what is asked about.
      if (match?.expression.names) {
        if (asksOfChange && !units.some((unit) => unit.text === words.join(' ')))
          units.push({
            text: words.join(' '),
            information: this.informationOf(words.at(-1)!),
            alternatives: this.vocabulary.documentTerms().map((term) => ({ ...term })),
          });
        continue;
      }
      const content = words.filter((word) => !isStopWord(word));
      // A word said twice ("slack ... to slack") is one thing asked about, not two.
      if ((content.length === 0 && !match) || units.some((unit) => unit.text === words.join(' '))) continue;
      const alternatives = new Map<string, number>();
      let unnamed = false;
      let whole: string | undefined;
      if (content.length === 1) {
        for (const alternative of this.words.of(content[0])) keepBest(alternatives, alternative);
        const next = kept[at + words.length];
        if (next !== undefined) for (const alternative of this.words.ofPhrasal(content[0], next)) keepBest(alternatives, alternative);
        // A word of a heading's phrase the asker said whole ("open banking"): the entries that have the
        // phrase match it as the phrase, which is rarer than either word.
        const phrase = headingPhrases.get(at);
        if (phrase !== undefined) keepBest(alternatives, { stem: phrase, weight: 1 });
        // "My details" is also the content's "your information", as a word of the privacy vocabulary's groups would be.
        if (dataInGeneral.has(at))
          for (const other of DATA_NOUNS) if (this.index.has(stem(other))) keepBest(alternatives, { stem: stem(other), weight: this.weights.vocabularyWeight });
      } else if (content.length > 1) {
        // The asker's own phrase, whole; each of its words alone says less, unless the content
        // uses it everywhere ("data" of "copy of my data"), when it says nothing.
        whole = this.index.phrase(content.map(stem));
        if (whole) keepBest(alternatives, { stem: whole, weight: 1 });
        const abbreviation = match?.expression.abbreviation;
        if (abbreviation !== undefined) {
          const abbreviated = stem(abbreviation);
          if (this.index.has(abbreviated)) keepBest(alternatives, { stem: abbreviated, weight: this.weights.vocabularyWeight });
          else if (!whole && !this.saysWord(content.at(-1)!)) unnamed = true;
        }
        // Its words close together, in any order ("a copy of your personal data" for "copy of my data"):
        // the asker's own words, all of them, in one place. Not a name's words ("data protection
        // officer"): a name is said whole or not at all.
        if (!whole && abbreviation === undefined && this.weights.nearPhraseWeight > 0) {
          const near = this.index.phrase(content.map(stem), this.weights.nearnessWindow);
          if (near) keepBest(alternatives, { stem: near, weight: this.weights.nearPhraseWeight });
        }
        const partWeight = unnamed ? this.weights.termPartWeight : this.weights.phrasePartWeight;
        for (const word of content)
          for (const alternative of this.words.of(word))
            if (this.words.isTarget(alternative.stem)) keepBest(alternatives, { stem: alternative.stem, weight: alternative.weight * partWeight });
      }
      const askedIsInContent = content.length === 1 ? this.index.has(stem(content[0])) : whole !== undefined;
      const otherwise = (match?.expression.groups ?? []).flatMap((g) => this.vocabulary.groupAlternatives(g, askedIsInContent));
      for (const alternative of otherwise) keepBest(alternatives, alternative);
      // A name the content says in other words of its group ("data protection lead" for "data
      // protection officer") is named.
      if (otherwise.length > 0) unnamed = false;
      // "dpo" is also searched as "data protection officer".
      if (content.length === 1) {
        const written = this.vocabulary.abbreviations.get(content[0]) ?? [];
        const longs = written.filter((long) => searchWords(long).length >= TERM_MIN_WORDS);
        const writtenOut = this.vocabulary.writtenOut(content[0]);
        for (const alternative of writtenOut) keepBest(alternatives, alternative);
        if (
          longs.length > 0 &&
          writtenOut.length === 0 &&
          !this.index.has(stem(content[0])) &&
          longs.every((long) => !this.saysWord(searchWords(long).at(-1)!))
        )
          unnamed = true;
      }
      // A phrase of function words ("who gets") says as much as its group's first expression does.
      const said = content.length > 0 ? content : searchWords(this.vocabulary.groupHead(match?.expression.groups[0] ?? 0)).filter((word) => !isStopWord(word));
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
   * Runs of two to four words of the question, none a stop word, that an entry's heading (or `Also
   * asked:`) has side by side ("open banking"), by the position of each of their words.
   */
  private headingPhrases(words: string[]): Map<number, string> {
    const found = new Map<number, string>();
    for (let start = 0; start < words.length; start++) {
      for (let n = Math.min(MAX_HEADING_PHRASE, words.length - start); n >= 2; n--) {
        const slice = words.slice(start, start + n);
        if (slice.some((word) => isStopWord(word))) continue;
        const key = this.index.headingPhrase(slice.map((word) => stem(irregularBase(word) ?? word)));
        if (key === undefined) continue;
        for (let k = start; k < start + n; k++) if (!found.has(k)) found.set(k, key);
        start += n - 1;
        break;
      }
    }
    return found;
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

  /**
   * How much of the question a word stands for: rare English words say more. A word the content
   * uses in most entries ("data" in a privacy policy) says little about which entry is meant, and
   * the content says it in other words too ("information"): it counts half.
   */
  private informationOf(word: string): number {
    const general = informationOf(this.english, word);
    const term = stem(word);
    return this.index.documentFrequency(term) > this.weights.commonShare * this.index.size ? general / 2 : general;
  }
}
