/**
 * The coverage levels the answer policy uses, derived from the content itself: how much of a
 * question made of random everyday English words the content seems to cover. A policy with a broad
 * vocabulary covers more of any text by chance, so it needs more coverage before a question counts
 * as covered. An organisation can set the levels instead, in `calibration.json` beside its content,
 * after measuring its own question file with `npm run bench:faq` (see the README).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { englishData } from '../language/english';
import { STOP_WORDS } from '../language/stop-words';
import type { AnswerThresholds } from './answer-policy';

const CALIBRATION_FILE = 'calibration.json';

/** Random questions tried (the share of them the bot must decline is chosen leave-one-out: tuning.ts). */
const SAMPLES = 100;
/** Everyday words: past the most common (mostly function words), before the rare. */
const FIRST_RANK = 200;
const LAST_RANK = 20_000;
/** Bounds that keep a strange content (a few words, or a dictionary) from taking the levels anywhere silly. */
const MIN_DECLINE = 0.3;
const MAX_DECLINE = 0.45;
/**
 * Questions that speak none of the content's recurring vocabulary but share one of its other words
 * ("which bus goes to the museum", "is the café vegan"): made of one word of the content that is no
 * recurring word and a few everyday words; the share of them the bot must decline.
 */
const SUBJECT_SAMPLES = 300;
const SUBJECT_POOL = 80;
const SUBJECT_DECLINED_SHARE = 0.98;

/** Deterministic, so the same content gives the same levels on every start. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** What calibration needs to know of the search: a question's best coverage, and whether it speaks the content's recurring vocabulary. */
export interface CalibrationProbe {
  /**
   * The lead over the runner-up an answer needs (see answer-policy.ts): not derived, since it weighs
   * the ranking against itself and so carries from one content to another (chosen leave-one-policy-out, see tuning.ts).
   */
  readonly answerLead: number;
  /** The share of random everyday-English questions the bot must decline (tuning.ts). */
  readonly randomDeclined: number;
  /** The coverage of the entry ranked first. */
  coverageOf(question: string): number;
  /** The most any entry covers: no less than coverageOf, and quicker (no ranking). */
  bestCoverageOf(question: string): number;
  onTopic(question: string): boolean;
  /** The content's words (searchable, in the English vocabulary), as often as the content uses them. */
  readonly contentWords: readonly string[];
}

/**
 * How much of a question made of random everyday words (`pool`, those `accept` lets through) the
 * content covers, at the share `declined` the bot must decline; within bounds. Also the words asked.
 */
function chanceCoverage(
  coverageOf: (question: string) => number,
  pool: readonly string[],
  next: () => number,
  declined: number,
  accept: (word: string) => boolean = () => true,
): { minCoverage: number; said: string[] } {
  // Words are checked as drawn (a few hundred), not the whole list up front: start-up stays quick.
  const pick = (words: readonly string[]) => {
    let word = words[Math.floor(next() * words.length)];
    for (let tries = 0; tries < 20 && !accept(word); tries++) word = words[Math.floor(next() * words.length)];
    return word;
  };
  const coverages: number[] = [];
  const said: string[] = [];
  for (let i = 0; i < SAMPLES && pool.length > 0; i++) {
    const length = 2 + Math.floor(next() * 3);
    const words = Array.from({ length }, () => pick(pool));
    said.push(...words);
    coverages.push(coverageOf(words.join(' ')));
  }
  const minCoverage = coverages.length > 0 ? Math.min(MAX_DECLINE, Math.max(MIN_DECLINE, quantile(coverages, declined))) : MIN_DECLINE;
  return { minCoverage, said };
}

/**
 * The levels of content in another language, the same way as English's, from that language's
 * everyday words (its stop words are no topic, and its search drops them anyway). Every question in
 * a policy's own language is taken as on topic there, so one level serves both; the lead is that
 * search's own (localized-faq.ts).
 */
export function deriveLanguageThresholds(
  coverageOf: (question: string) => number,
  everyday: readonly string[],
  isStopWord: (word: string) => boolean,
  choices: { readonly randomDeclined: number; readonly answerLead: number },
): AnswerThresholds {
  const { minCoverage } = chanceCoverage(
    coverageOf,
    everyday.slice(FIRST_RANK - 1, LAST_RANK),
    random(20260101),
    choices.randomDeclined,
    (word) => !isStopWord(word),
  );
  return { minCoverage, answerCoverage: minCoverage, answerLead: choices.answerLead, minCoverageWithoutPrivacy: minCoverage };
}

export function deriveThresholds(probe: CalibrationProbe): AnswerThresholds {
  const english = englishData();
  const everyday: string[] = [];
  for (let rank = FIRST_RANK; rank <= Math.min(LAST_RANK, english.size); rank++) {
    const word = english.word(rank);
    if (word && !STOP_WORDS.has(word)) everyday.push(word);
  }
  const next = random(20260101);
  const pick = (words: readonly string[]) => words[Math.floor(next() * words.length)];
  const { minCoverage, said: sampledWords } = chanceCoverage(probe.coverageOf, everyday, next, probe.randomDeclined);
  // Words from two small pools, none of the recurring vocabulary: the content's (drawn as often as it uses
  // them) and the everyday words asked above. Each word's expansion is worked out once, and the
  // everyday ones already were, so start-up stays quick.
  const isPrivacy = new Map<string, boolean>();
  const plain = (word: string) => {
    if (!isPrivacy.has(word)) isPrivacy.set(word, probe.onTopic(word));
    return !isPrivacy.get(word);
  };
  const subject: string[] = [];
  for (let tries = 0; subject.length < SUBJECT_POOL && tries < 4 * SUBJECT_POOL && probe.contentWords.length > 0; tries++) {
    const word = pick(probe.contentWords);
    if (plain(word)) subject.push(word);
  }
  const pool = [...new Set(sampledWords)].filter(plain);
  const subjectCoverages: number[] = [];
  for (let i = 0; i < SUBJECT_SAMPLES && subject.length > 0 && pool.length > 0; i++) {
    const length = 1 + Math.floor(next() * 3);
    subjectCoverages.push(probe.bestCoverageOf([pick(subject), ...Array.from({ length }, () => pick(pool))].join(' ')));
  }
  const withoutPrivacy = subjectCoverages.length > 0 ? quantile(subjectCoverages, SUBJECT_DECLINED_SHARE) : minCoverage;
  return { minCoverage, answerCoverage: minCoverage, answerLead: probe.answerLead, minCoverageWithoutPrivacy: Math.max(minCoverage, withoutPrivacy) };
}

function quantile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(share * (sorted.length - 1))];
}

/** Levels set by the organisation, if it has a calibration.json; a bad file stops start-up. */
export function readCalibration(contentDir: string): Partial<AnswerThresholds> {
  const file = path.join(contentDir, CALIBRATION_FILE);
  if (!fs.existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('CONTENT_INVALID', `${CALIBRATION_FILE}: not valid JSON`, { file: CALIBRATION_FILE }, { cause: err });
  }
  const result: Partial<Record<keyof AnswerThresholds, number>> = {};
  for (const [key, min] of [
    ['minCoverage', 0],
    ['answerCoverage', 0],
    ['answerLead', -1],
    ['minCoverageWithoutPrivacy', 0],
  ] as const) {
    const value = (parsed as Record<string, unknown> | null)?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= min && value <= 1)) {
      throw new AppError('CONTENT_INVALID', `${CALIBRATION_FILE}: "${key}" must be a number from ${min} to 1`, { file: CALIBRATION_FILE });
    }
    result[key] = value;
  }
  return result;
}
