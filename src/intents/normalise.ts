/**
 * Message text reduced to what the rules look at: lower-case ASCII words, US spelling, and the worst
 * typos of the words that decide an intent fixed ("delte my data"). Contractions lose their
 * apostrophe ("don't" -> "dont") so the rules need one spelling of each.
 */
import { englishData } from '../language/english';
import { americanise } from '../language/spelling';
import { STOP_WORDS } from '../language/stop-words';
import { createCorrector } from '../language/typo';
import { words } from '../language/words';
import { REQUEST_KIND_DEFINITIONS, REQUEST_KINDS } from '../requests/kinds';

/** Longer messages are not commands: only the start matters, and this bounds the work. */
const MAX_CHARS = 500;

/** Words the other rules depend on (commands, the personal-data object of an instruction). */
const COMMAND_WORDS = [
  'information',
  'everything',
  'account',
  'personal',
  'details',
  'profile',
  'requests',
  'request',
  'status',
  'notice',
  'thanks',
  'hello',
  'please',
  'anymore',
];

/** Words the intent rules depend on: a typo of one of these is corrected to it. Each kind's own are in its definition. */
const INTENT_WORDS = [...REQUEST_KINDS.flatMap((kind) => REQUEST_KIND_DEFINITIONS[kind].triggers.keywords), ...COMMAND_WORDS];

// Real English words ("removed", "remote", "expert") are left alone: only unknown words are corrected.
const correct = createCorrector(new Map(INTENT_WORDS.map((word) => [word, 1])), (word) => STOP_WORDS.has(word) || englishData().rank(word) !== undefined);

export interface Normalised {
  /** Words joined by single spaces. */
  text: string;
  words: string[];
  /** The message asks something: it has a question mark. */
  questionMark: boolean;
}

export function normalise(raw: string): Normalised {
  const clipped = raw.slice(0, MAX_CHARS);
  const normalised = words(clipped).map((word) => correct(americanise(word)));
  return { text: normalised.join(' '), words: normalised, questionMark: clipped.includes('?') };
}
