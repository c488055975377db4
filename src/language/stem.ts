/** Word forms: Porter stems (lunr's stemmer) and cheap candidate base forms for dictionary look-ups. */
import lunr from 'lunr';

const cache = new Map<string, string>();

export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = lunr.stemmer(new lunr.Token(word, {})).toString();
    // Bounded: a long-lived bot sees many distinct words.
    if (cache.size > 20_000) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Candidate base forms of an inflected word, most likely first: "deletions" -> "deletion",
 * "erasing" -> "erase", "stopped" -> "stop". For looking a word up in a dictionary of base forms.
 */
export function baseForms(word: string): string[] {
  const forms: string[] = [];
  const add = (form: string) => {
    if (form.length >= 2 && form !== word && !forms.includes(form)) forms.push(form);
  };
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  if (word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) {
    add(word.slice(0, -1));
    add(word.slice(0, -2));
    if (word.length > 5 && word[word.length - 3] === word[word.length - 4]) add(word.slice(0, -3));
  }
  if (word.endsWith('ing')) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
    if (word.length > 6 && word[word.length - 4] === word[word.length - 5]) add(word.slice(0, -4));
  }
  return forms;
}
