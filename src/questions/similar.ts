/**
 * Groups questions that ask the same thing in slightly different words ("who is the data
 * protection officer?", "data protection officer contact"), so the privacy team sees one line with
 * a count rather than a long list. Words, not meaning: each question becomes its content words
 * (stemmed, function words dropped), and a question joins the group whose first question shares
 * enough of them (Dice coefficient).
 */
import { stem } from '../language/stem';
import { STOP_WORDS } from '../language/stop-words';
import { MAX_SEARCHED_CHARS, words } from '../language/words';

/** Two questions sharing this share of their content words ask the same thing. */
const SAME_QUESTION = 0.5;

export interface Group<T> {
  /** The question that best stands for the group (closest to the others). */
  readonly representative: T;
  readonly members: readonly T[];
}

/** The words that say what a question is about, stemmed: the same analysis the FAQ search uses. */
export function contentWords(text: string): Set<string> {
  return new Set(words(text.slice(0, MAX_SEARCHED_CHARS)).filter((word) => !STOP_WORDS.has(word)).map(stem));
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
    const tokens = contentWords(textOf(item));
    let best: (typeof groups)[number] | undefined;
    let bestScore = SAME_QUESTION;
    for (const group of groups) {
      const score = similarity(tokens, group.words);
      if (score >= bestScore) {
        best = group;
        bestScore = score;
      }
    }
    if (best) best.members.push({ item, words: tokens });
    else groups.push({ words: tokens, members: [{ item, words: tokens }] });
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
