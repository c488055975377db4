/**
 * Groups questions that ask the same thing in slightly different words ("who is the data
 * protection officer?", "data protection officer contact"), so the privacy team sees one line with
 * a count rather than a long list. Words, not meaning: each question becomes its content words
 * (lower-cased, common endings taken off, small words dropped), and a question joins the group whose
 * first question shares enough of them (Dice coefficient). Any language-aware matcher can replace
 * `contentWords` later without changing the callers.
 */

const STOP_WORDS = new Set(
  ('a an and any are as at be been but by can could did do does doing for from get got had has have how i if in ' +
    'into is it its me my of on or our please so than that the their them there they this to us was we were what ' +
    'when where which who whom whose why will with would you your yours')
    .split(' '),
);

/** Two questions sharing this share of their content words ask the same thing. */
const SAME_QUESTION = 0.5;

export interface Group<T> {
  /** The question that best stands for the group (closest to the others). */
  readonly representative: T;
  readonly members: readonly T[];
}

export function contentWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
  return new Set(words);
}

/** Enough of an English stemmer for grouping: plurals and the common verb endings. */
function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const ending of ['ing', 'ies', 'ed', 'es', 's']) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return ending === 'ies' ? `${word.slice(0, -3)}y` : word.slice(0, -ending.length);
  }
  return word;
}

export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Groups `items` by the similarity of `textOf(item)`; the largest groups first. */
export function groupSimilar<T>(items: readonly T[], textOf: (item: T) => string): Group<T>[] {
  const groups: Array<{ words: Set<string>; members: Array<{ item: T; words: Set<string> }> }> = [];
  for (const item of items) {
    const words = contentWords(textOf(item));
    let best: (typeof groups)[number] | undefined;
    let bestScore = SAME_QUESTION;
    for (const group of groups) {
      const score = similarity(words, group.words);
      if (score >= bestScore) {
        best = group;
        bestScore = score;
      }
    }
    if (best) best.members.push({ item, words });
    else groups.push({ words, members: [{ item, words }] });
  }
  return groups
    .map((group) => ({ representative: medoid(group.members), members: group.members.map((member) => member.item) }))
    .sort((a, b) => b.members.length - a.members.length);
}

/** The member most like all the others (among the first few: a large group's first are typical enough). */
function medoid<T>(members: ReadonlyArray<{ item: T; words: Set<string> }>): T {
  let best = members[0];
  let bestTotal = -1;
  for (const candidate of members.slice(0, 50)) {
    const total = members.reduce((sum, other) => sum + similarity(candidate.words, other.words), 0);
    if (total > bestTotal) {
      best = candidate;
      bestTotal = total;
    }
  }
  return best.item;
}
