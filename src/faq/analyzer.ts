/**
 * Turns text into search units. One unit is one thing the asker said: a word, or a phrase such as
 * "how long" or "opt out", mapped to its concept token ("syn_retain") or, outside the lexicon, to its
 * Porter stem. Content and questions go through the same code, so both sides always agree.
 */
import {
  ACCESS_VERBS,
  CHANGE_VERBS,
  CONCEPTS,
  DATA_OBJECTS,
  IDENTITY_WORDS,
  LOW_INFO_PHRASES,
  LOW_INFO_WORDS,
  PERSONAL_DETAILS,
  PHRASE_SKIP,
  POLICY_WORDS,
  SETTING_OBJECTS,
  STORE_VERBS,
  STOP_PHRASES,
  STOP_WORDS,
} from './lexicon';
import { americanise, baseForms, stem, words } from './text';

export interface Unit {
  /** The words it came from, for diagnostics only. */
  text: string;
  /** Index terms, any of which counts as a match. */
  terms: string[];
  /** Generic domain words ("data", "privacy"): they rank but need not be covered. */
  lowInfo: boolean;
  /** Contains a privacy-specific concept: evidence on its own that the question is in scope. */
  specific: boolean;
  /** A question phrase ("how long", "who has access"): it names what is asked, so it ranks higher. */
  focus: boolean;
}

const CONCEPT_PREFIX = 'syn_';
const LOW_INFO_PREFIX = 'gen_';
const MAX_PHRASE_WORDS = 4;

// Lexicon tables, derived once from lexicon.ts.
const wordConcepts = new Map<string, string[]>();
const phraseConcepts = new Map<string, string[]>();
const specificTerms = new Set<string>();
/** Words the lexicon knows on their own: stop, low-information and single-word concept forms. */
const singleWords = new Set<string>([...STOP_WORDS, ...LOW_INFO_WORDS]);
/** Words that occur only inside lexicon phrases ("hold" of "hold on me"). */
const phraseWords = new Set<string>();
const QUESTION_WORDS = new Set(['how', 'who', 'what', 'when', 'where', 'why', 'which', 'whom']);
// Not "you": content speaks to the reader ("you can see your data"), so it would mean the user there.
const OTHER_PEOPLE = new Set(['microsoft', 'microsofts', 'anyone', 'anybody', 'someone', 'somebody', 'people', 'humans', 'engineers']);

function addTo(table: Map<string, string[]>, key: string, term: string | undefined): void {
  const list = table.get(key) ?? [];
  if (term !== undefined && !list.includes(term)) list.push(term);
  table.set(key, list);
}

for (const [name, concept] of Object.entries(CONCEPTS)) {
  const term = CONCEPT_PREFIX + name;
  if (concept.specific) specificTerms.add(term);
  for (const form of concept.forms) {
    const parts = words(form).map(americanise);
    if (parts.length === 1) {
      singleWords.add(parts[0]);
      addTo(wordConcepts, parts[0], term);
    } else for (const word of parts) phraseWords.add(word);
  }
}
for (const phrase of [...STOP_PHRASES, ...LOW_INFO_PHRASES]) for (const word of words(phrase)) phraseWords.add(word);
// Phrases are keyed by the lemmas of their words, so "signed up" finds "sign up".
for (const [name, concept] of Object.entries(CONCEPTS)) {
  for (const form of concept.forms) {
    const parts = phraseKey(form);
    if (parts.length > 1) addTo(phraseConcepts, parts.join(' '), CONCEPT_PREFIX + name);
  }
}
for (const phrase of STOP_PHRASES) addTo(phraseConcepts, phraseKey(phrase).join(' '), undefined);
const lowInfoPhrases = new Set(LOW_INFO_PHRASES.map((phrase) => phraseKey(phrase).join(' ')));

function phraseKey(text: string): string[] {
  return words(text)
    .map((word) => phraseLemma(lemma(americanise(word))))
    .filter((word) => !PHRASE_SKIP.has(word));
}

/**
 * Inside phrases, inflection never matters ("Teams chats" is the phrase "teams chat"), so the base
 * form wins even where the inflected word has a meaning of its own ("disabled" alone is an inactive
 * account, "disable" an opt-out).
 */
function phraseLemma(word: string): string {
  return baseForms(word).find((form) => singleWords.has(form) || phraseWords.has(form)) ?? word;
}

/**
 * The lexicon's own form of a word ("erasing" -> "erase"), or the word itself. Single-word forms win
 * over phrase words, so "stored" becomes "store" even though "stored about me" is a phrase.
 */
function lemma(word: string): string {
  if (singleWords.has(word)) return word;
  const bases = baseForms(word);
  return bases.find((form) => singleWords.has(form)) ?? (phraseWords.has(word) ? word : bases.find((form) => phraseWords.has(form))) ?? word;
}

export function isLexiconWord(word: string): boolean {
  return lemma(word) !== word || singleWords.has(word) || phraseWords.has(word);
}

export function isSpecificTerm(term: string): boolean {
  return specificTerms.has(term);
}

/** "keep my data safe" is about security, not retention: drop "keep" when it means "hold safe". */
const KEEP_SAFE = new Set(['safe', 'safely', 'secure', 'secured', 'secret', 'private', 'confidential', 'protected', 'protection', 'intact']);
function isKeepSafe(tokens: string[], index: number): boolean {
  return tokens[index] === 'keep' && tokens.slice(index + 1, index + 5).some((word) => KEEP_SAFE.has(word));
}

/**
 * Words whose meaning depends on what follows: "read" is an access to data in "read my files",
 * "change" is a settings question in "change how long data is kept" and a correction otherwise.
 */
function contextualTerms(tokens: string[], index: number): string[] | undefined {
  const next = tokens.slice(index + 1, index + 4);
  const previous = tokens.slice(Math.max(0, index - 4), index);
  const word = tokens[index];
  if (ACCESS_VERBS.has(word) && next.some((other) => DATA_OBJECTS.has(other))) {
    // "does Microsoft read my emails", "can anyone see my files": a question about who has access.
    const byOthers = previous.slice(-2).some((other) => OTHER_PEOPLE.has(other));
    return byOthers ? [CONCEPT_PREFIX + 'access', CONCEPT_PREFIX + 'staff'] : [CONCEPT_PREFIX + 'access'];
  }
  if (STORE_VERBS.has(word) && previous.includes('where')) return [CONCEPT_PREFIX + 'residency'];
  if ((word === 'email' || word === 'mail') && [...previous.slice(-2), ...next.slice(0, 2)].some((other) => IDENTITY_WORDS.has(other))) {
    return [CONCEPT_PREFIX + 'identity'];
  }
  if (CHANGE_VERBS.has(word)) {
    if ([...previous.slice(-2), ...next].some((other) => POLICY_WORDS.has(other))) return [CONCEPT_PREFIX + 'revision'];
    if (next.some((other) => SETTING_OBJECTS.has(other))) return [CONCEPT_PREFIX + 'settings'];
    // With no object at all ("can it be changed?") the verb is about whatever the question named.
    if (next.length === 0 || next.some((other) => PERSONAL_DETAILS.has(other))) return [CONCEPT_PREFIX + 'rectify'];
    return [stem(word)];
  }
  return undefined;
}

function unit(text: string, terms: string[], extra: { lowInfo?: boolean; focus?: boolean } = {}): Unit {
  return {
    text,
    terms,
    lowInfo: extra.lowInfo ?? false,
    specific: terms.some(isSpecificTerm),
    focus: extra.focus ?? false,
  };
}

export interface AnalyseOptions {
  /** Applied to each word before anything else (typo correction, on the query side only). */
  correct?: (word: string) => string;
}

export function analyse(text: string, options: AnalyseOptions = {}): Unit[] {
  let tokens = words(text).map(americanise);
  if (options.correct) tokens = tokens.map(options.correct);
  tokens = tokens.map(lemma);
  const kept = tokens.filter((word, index) => !isKeepSafe(tokens, index) && !PHRASE_SKIP.has(word));

  const phraseTokens = kept.map(phraseLemma);
  const units: Unit[] = [];
  for (let i = 0; i < kept.length; ) {
    let matched = false;
    for (let n = Math.min(MAX_PHRASE_WORDS, kept.length - i); n >= 2 && !matched; n--) {
      const phrase = phraseTokens.slice(i, i + n).join(' ');
      if (lowInfoPhrases.has(phrase)) {
        units.push(unit(phrase, [LOW_INFO_PREFIX + phrase.replace(/ /g, '_')], { lowInfo: true }));
        i += n;
        matched = true;
        break;
      }
      const concepts = phraseConcepts.get(phrase);
      if (concepts) {
        // An empty concept list is a stop phrase: consumed, no unit.
        if (concepts.length > 0) {
          units.push(unit(phrase, concepts, { focus: QUESTION_WORDS.has(kept[i]) }));
        }
        i += n;
        matched = true;
      }
    }
    if (matched) continue;
    const contextual = contextualTerms(kept, i);
    const word = kept[i++];
    if (contextual) {
      units.push(unit(word, contextual));
      continue;
    }
    if (STOP_WORDS.has(word)) continue;
    // A lone letter or digit is noise (the "2" of "~2"); "soc 2" was caught as a phrase above.
    if (word.length < 2) continue;
    if (LOW_INFO_WORDS.has(word)) {
      // Prefixed so that only the generic word itself matches it: "officer" stems like "office".
      units.push(unit(word, [LOW_INFO_PREFIX + stem(word)], { lowInfo: true }));
      continue;
    }
    const concepts = wordConcepts.get(word);
    units.push(unit(word, concepts ?? [stem(word)]));
  }
  return units;
}

/** The flat term list of a text, for indexing: repeated terms are kept, they are term frequency. */
export function indexTerms(text: string): string[] {
  return analyse(text).flatMap((unit) => unit.terms);
}
