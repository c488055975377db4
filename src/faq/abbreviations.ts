/**
 * Abbreviations and what they stand for: the general ones of data-protection law (privacy-vocabulary.ts),
 * those the content defines itself, the way authors do: "Freedom of Information (FOI)", "the ICO
 * (Information Commissioner's Office)", and the initials of the names it writes in capitals without
 * defining them, which readers use all the same ("Priority Services Register": "PSR"). A question that
 * says either form is searched for both.
 */
import { englishData } from '../language/english';
import { runToEnd } from '../limits/event-loop';
import { searchWords } from './content-terms';
import { markdownToPlainText } from './markdown-sections';
import { ABBREVIATIONS } from './privacy-vocabulary';
import type { FaqEntry } from './types';

/** Small words an abbreviation may leave out or keep ("Freedom of Information" is FOI, "Department for Education" DfE). */
const SMALL_WORDS: ReadonlySet<string> = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'at', 'by', 'a', 'an', '&']);
/** Longest name looked at before or after the brackets. */
const MAX_NAME_WORDS = 8;

/** "Long Name (ABBR)" and "ABBR (Long Name)": an abbreviation in capitals, 2 to 6 letters, a plural "s" allowed. */
const NAME_THEN_SHORT = /((?:[A-Za-z][\w'’-]*\s+){1,8})\(([A-Z][A-Za-z]{1,5})\)/g;
const SHORT_THEN_NAME = /\b([A-Z][A-Za-z]{1,5})\s+\(([^()]{3,120})\)/g;

/** A name of three to six capitalised words, small words allowed between them ("Disclosure and Barring Service"). */
const CAPITALISED_NAME = /\b[A-Z][a-z’']+(?:\s+(?:(?:of|and|for|the|to|on)\s+)?[A-Z][a-z’']+){2,5}\b/g;
/** Initials that are a common English word ("how", "car") mean that word, not the name. */
const COMMON_WORDS = 20_000;

function isAbbreviation(text: string): boolean {
  return (text.match(/[A-Z]/g) ?? []).length >= 2;
}

/**
 * The words of `name` that spell `short` by their first letters, small words kept or left out; the
 * words nearest the abbreviation (at the end of `name` when it comes before it). Undefined when they
 * do not spell it.
 */
function spelled(short: string, name: string[], atEnd: boolean): string[] | undefined {
  const letters = short.toLowerCase().replace(/s$/, '');
  const words = name.map((word) => word.toLowerCase().replace(/^[^a-z0-9&]+/, ''));
  // Letters against words from the abbreviation's side outward, so the name ends where the brackets are.
  const order = atEnd ? [...words].reverse() : words;
  const wanted = atEnd ? [...letters].reverse() : [...letters];
  const match = (i: number, j: number): number | undefined => {
    if (i === wanted.length) return j;
    if (j >= order.length) return undefined;
    const word = order[j];
    if (word[0] === wanted[i]) {
      const next = match(i + 1, j + 1);
      if (next !== undefined) return next;
    }
    return SMALL_WORDS.has(word) ? match(i, j + 1) : undefined;
  };
  const used = match(0, 0);
  if (used === undefined || used === 0) return undefined;
  const picked = order.slice(0, used);
  while (picked.length > 0 && SMALL_WORDS.has(picked[picked.length - 1])) picked.pop();
  return atEnd ? picked.reverse() : picked;
}

/** The abbreviations the content defines, lower case, with the names they stand for. */
export function learnAbbreviations(entries: readonly FaqEntry[]): Map<string, string[]> {
  return runToEnd(learning(entries));
}

/** The same, an entry at a time: each `yield` a point where the event loop may run (a rebuild while the bot answers). */
function* learning(entries: readonly FaqEntry[]): Generator<void, Map<string, string[]>> {
  const learnt = new Map<string, string[]>();
  const add = (short: string, name: string[]) => {
    const key = short.toLowerCase();
    const long = searchWords(name.join(' ')).join(' ');
    if (long.split(' ').length < 2) return;
    const known = learnt.get(key) ?? [];
    if (!known.includes(long)) learnt.set(key, [...known, long]);
  };
  const implied = new Map<string, string[][]>();
  for (const entry of entries) {
    const text = `${entry.title}\n${markdownToPlainText(entry.body)}`;
    for (const [name] of text.matchAll(CAPITALISED_NAME)) {
      const words = name.split(/\s+/);
      const initials = words
        .filter((word) => !SMALL_WORDS.has(word))
        .map((word) => word[0].toLowerCase())
        .join('');
      implied.set(initials, [...(implied.get(initials) ?? []), words]);
    }
    for (const [, before, short] of text.matchAll(NAME_THEN_SHORT)) {
      if (!isAbbreviation(short)) continue;
      const name = spelled(short, before.trim().split(/\s+/).slice(-MAX_NAME_WORDS), true);
      if (name) add(short, name);
    }
    for (const [, short, inside] of text.matchAll(SHORT_THEN_NAME)) {
      if (!isAbbreviation(short)) continue;
      const name = spelled(short, inside.trim().split(/\s+/).slice(0, MAX_NAME_WORDS), false);
      if (name && name.length === inside.trim().split(/\s+/).length) add(short, name);
    }
    yield;
  }
  // Initials only where the content defines nothing of that spelling, and no common word is spelled so.
  const english = englishData();
  for (const [initials, names] of implied) {
    if (learnt.has(initials) || (english.rank(initials) ?? Infinity) <= COMMON_WORDS) continue;
    for (const name of names) add(initials, name);
  }
  return learnt;
}

/** The general abbreviations with the content's own added: what the content defines comes first. */
export function abbreviationsFor(entries: readonly FaqEntry[]): ReadonlyMap<string, readonly string[]> {
  return runToEnd(abbreviationsInSlices(entries));
}

/** abbreviationsFor an entry at a time (see learning). */
export function* abbreviationsInSlices(entries: readonly FaqEntry[]): Generator<void, ReadonlyMap<string, readonly string[]>> {
  const all = new Map<string, readonly string[]>(ABBREVIATIONS);
  for (const [short, longs] of yield* learning(entries)) all.set(short, [...new Set([...longs, ...(all.get(short) ?? [])])]);
  return all;
}
