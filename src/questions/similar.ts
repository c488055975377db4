/**
 * Groups questions that ask the same thing in slightly different words ("who is the data
 * protection officer?", "data protection officer contact"), so the privacy team sees one line with
 * a count rather than a long list. Words, not meaning: each question becomes its content words
 * (stemmed, function words dropped), and a question joins the group whose first question shares
 * enough of them (Dice coefficient).
 *
 * Anyone can plant questions, so the work per question is bounded whatever was planted before it:
 * groups are found through an index from word to the groups whose first question holds it, and
 * shared words are counted from that index, never by comparing with every group. A word already in
 * MAX_GROUPS_PER_WORD groups says too little to find more by (as a stop word would), so later groups
 * are not indexed under it; a question counts by its first MAX_WORDS content words.
 */
import { stem } from '../language/stem';
import { STOP_WORDS } from '../language/stop-words';
import { MAX_SEARCHED_CHARS, words } from '../language/words';

/** Two questions sharing this share of their content words ask the same thing. */
const SAME_QUESTION = 0.5;
/** Content words of a question that count: a real question has far fewer. */
const MAX_WORDS = 32;
/** Groups a word can lead to; so at most MAX_WORDS * MAX_GROUPS_PER_WORD steps per question. */
const MAX_GROUPS_PER_WORD = 64;
/** Members a representative is chosen among, and compared with. */
const MEDOID_CANDIDATES = 50;
const MEDOID_SAMPLE = 500;

export interface Group<T> {
  /** The question that best stands for the group (closest to the others). */
  readonly representative: T;
  readonly members: readonly T[];
}

/** The words that say what a question is about, stemmed: the same analysis the FAQ search uses. */
export function contentWords(text: string): Set<string> {
  return new Set(
    words(text.slice(0, MAX_SEARCHED_CHARS))
      .filter((word) => !STOP_WORDS.has(word))
      .slice(0, MAX_WORDS)
      .map(stem),
  );
}

export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

interface Member<T> {
  readonly item: T;
  readonly words: Set<string>;
}

interface OpenGroup<T> {
  readonly words: Set<string>;
  readonly members: Array<Member<T>>;
}

/**
 * Groups built one question at a time, so a caller can add a large batch in slices and let other
 * work run between them. Each `add` costs at most MAX_WORDS * MAX_GROUPS_PER_WORD steps.
 */
export class SimilarGroups<T> {
  private readonly groups: Array<OpenGroup<T>> = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(private readonly textOf: (item: T) => string) {}

  add(item: T): void {
    const tokens = contentWords(this.textOf(item));
    const shared = new Map<number, number>();
    for (const word of tokens) for (const index of this.byWord.get(word) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    let best: number | undefined;
    let bestScore = SAME_QUESTION;
    for (const [index, count] of shared) {
      const score = (2 * count) / (tokens.size + this.groups[index].words.size);
      if (score >= bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best !== undefined) {
      this.groups[best].members.push({ item, words: tokens });
      return;
    }
    const index = this.groups.length;
    this.groups.push({ words: tokens, members: [{ item, words: tokens }] });
    if (tokens.size === 0) return;
    for (const word of tokens) {
      const postings = this.byWord.get(word) ?? [];
      if (postings.length >= MAX_GROUPS_PER_WORD) continue;
      postings.push(index);
      this.byWord.set(word, postings);
    }
  }

  /** The `limit` largest groups, largest first, each with its representative. */
  largest(limit: number): Group<T>[] {
    return [...this.groups]
      .sort((a, b) => b.members.length - a.members.length)
      .slice(0, limit)
      .map((group) => ({ representative: medoid(group.members), members: group.members.map((member) => member.item) }));
  }
}

/** Groups `items` by the similarity of `textOf(item)`; the largest groups first. */
export function groupSimilar<T>(items: readonly T[], textOf: (item: T) => string, limit = Infinity): Group<T>[] {
  const groups = new SimilarGroups(textOf);
  for (const item of items) groups.add(item);
  return groups.largest(limit);
}

/** The member most like the others (among the first few, against a sample: a large group's first are typical enough). */
function medoid<T>(members: ReadonlyArray<Member<T>>): T {
  let best = members[0];
  let bestTotal = -1;
  const sample = members.slice(0, MEDOID_SAMPLE);
  for (const candidate of members.slice(0, MEDOID_CANDIDATES)) {
    const total = sample.reduce((sum, other) => sum + similarity(candidate.words, other.words), 0);
    if (total > bestTotal) {
      best = candidate;
      bestTotal = total;
    }
  }
  return best.item;
}
