/**
 * Content and questions become search terms the same way: words, one spelling, no stop words,
 * Porter stems. The surface word is kept beside its stem because word vectors and WordNet know
 * words, not stems.
 */
import { englishData } from '../language/english';
import { americanise } from '../language/spelling';
import { baseForms, irregularBase, stem } from '../language/stem';
import { CHAT_INTERJECTIONS, STOP_WORDS } from '../language/stop-words';
import { words } from '../language/words';

/**
 * "Data protection" names a field of law (its officer, its rights, its lead), not the act of
 * protecting: its second word is read as one word with the first ("dataprotection"), in the content
 * and in questions alike, so that "is my data safe" (security: protect) does not go to "Our Data
 * Protection Officer". The first word stays a word of its own: "data" is still data.
 */
const FIELD_NAMES: ReadonlyMap<string, string> = new Map([['data', 'protection']]);

export interface Term {
  /** The word as written, lower case, American spelling. */
  word: string;
  stem: string;
}

/** Single letters say nothing ("a", the "s" of a split "SOC2s"); numbers do ("under 16", "72 hours"). */
function isSearchable(word: string): boolean {
  return word.length > 1 || /\d/.test(word);
}

export function searchWords(text: string): string[] {
  const said = words(text).map(americanise);
  return said.map((word, i) => (i > 0 && FIELD_NAMES.get(said[i - 1]) === word ? said[i - 1] + word : word));
}

export function termsOf(text: string): Term[] {
  return (
    searchWords(text)
      .filter((word) => !isStopWord(word))
      // "kept" and "keep", "sent" and "send" are one term, in the content as in a question.
      .map((word) => ({ word, stem: stem(irregularBase(word) ?? word) }))
  );
}

/**
 * The word's dictionary form, when it is an inflection of a word of the same stem ("records",
 * "recorded" -> "record", "using" -> "use"); otherwise the word. Porter stems join words of other
 * meanings too ("controller" / "control", "personal" / "person", "officer" / "office"): their
 * dictionary forms stay apart. Of several candidates, the most frequent English word.
 */
export function lemmaOf(word: string): string {
  const english = englishData();
  const own = stem(irregularBase(word) ?? word);
  let best: { form: string; rank: number } | undefined;
  for (const form of baseForms(word)) {
    const rank = english.rank(form);
    if (form.length < 3 || rank === undefined || stem(form) !== own) continue;
    if (!best || rank < best.rank) best = { form, rank };
  }
  return best?.form ?? word;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || CHAT_INTERJECTIONS.has(word) || !isSearchable(word);
}
