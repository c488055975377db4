/**
 * Typo tolerance: a word we do not know, of 5 letters or more, is replaced by a known word one edit
 * away (insert, delete, substitute, or swap two neighbours: "encyrption" -> "encryption"). At 4
 * letters only a swap of two neighbours is undone ("lnog" -> "long"): any edit would turn too many
 * real words into other real words, but a swapped pair rarely makes a word. Shorter words are left alone.
 */
export const MIN_TYPO_LENGTH = 5;

/** Optimal string alignment distance <= 1, in linear time. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export type Corrector = (word: string) => string;

/**
 * `vocabulary` maps each known word to how often the content uses it: among several candidates the
 * most used wins, then the alphabetically first, so a correction is deterministic.
 * `isKnown` says whether a word is real and must be left as typed.
 */
export function createCorrector(vocabulary: ReadonlyMap<string, number>, isKnown: (word: string) => boolean): Corrector {
  const byLength = new Map<number, string[]>();
  for (const word of vocabulary.keys()) {
    if (word.length < MIN_TYPO_LENGTH - 1) continue;
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  const cache = new Map<string, string>();
  /** The most used known word that `related` accepts, among words of the given lengths. */
  const best = (word: string, lengths: readonly number[], related: (a: string, b: string) => boolean): string | undefined => {
    let found: string | undefined;
    let foundCount = -1;
    for (const length of lengths) {
      for (const candidate of byLength.get(length) ?? []) {
        if (!related(word, candidate)) continue;
        const count = vocabulary.get(candidate) ?? 0;
        if (count > foundCount || (count === foundCount && found !== undefined && candidate < found)) {
          found = candidate;
          foundCount = count;
        }
      }
    }
    return found;
  };
  const nearest = (word: string) => best(word, [word.length - 1, word.length, word.length + 1], withinOneEdit);
  const unswapped = (word: string) => best(word, [word.length], isNeighbourSwap);
  return (word) => {
    if (word.length === MIN_TYPO_LENGTH - 1 && !/\d/.test(word) && !vocabulary.has(word) && !isKnown(word)) return unswapped(word) ?? word;
    if (word.length < MIN_TYPO_LENGTH || /\d/.test(word) || vocabulary.has(word) || isKnown(word)) return word;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    // The vocabulary holds base forms: "certificatons" is one edit from "certification" once its
    // plural -s is set aside.
    const stripped = word.endsWith('s') && word.length > MIN_TYPO_LENGTH ? word.slice(0, -1) : undefined;
    const result = nearest(word) ?? (stripped ? nearest(stripped) : undefined) ?? word;
    // Bounded: questions are capped in length, but a long-lived bot sees many distinct words.
    if (cache.size > 5000) cache.clear();
    cache.set(word, result);
    return result;
  };
}

/** True when b is a with exactly one pair of neighbouring letters swapped. */
export function isNeighbourSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
