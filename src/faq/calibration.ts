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

export const CALIBRATION_FILE = 'calibration.json';

/** Random questions tried, and the share of them the bot must decline. */
const SAMPLES = 100;
const DECLINED_SHARE = 0.9;
/** Everyday words: past the most common (mostly function words), before the rare. */
const FIRST_RANK = 200;
const LAST_RANK = 20_000;
/** Bounds that keep a strange content (a few words, or a dictionary) from taking the levels anywhere silly. */
const MIN_DECLINE = 0.3;
const MAX_DECLINE = 0.45;
/**
 * The lead over the runner-up an answer needs (see answer-policy.ts). Not derived: it weighs the
 * ranking against itself, so it carries from one content to another; measured on our three
 * development policies of different kinds, and settable in calibration.json.
 */
export const DEFAULT_ANSWER_LEAD = -0.2;

/** Deterministic, so the same content gives the same levels on every start. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function deriveThresholds(coverageOf: (question: string) => number): AnswerThresholds {
  const english = englishData();
  const everyday: string[] = [];
  for (let rank = FIRST_RANK; rank <= Math.min(LAST_RANK, english.size); rank++) {
    const word = english.word(rank);
    if (word && !STOP_WORDS.has(word)) everyday.push(word);
  }
  const next = random(20260101);
  const coverages: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const length = 2 + Math.floor(next() * 3);
    const words = Array.from({ length }, () => everyday[Math.floor(next() * everyday.length)]);
    coverages.push(coverageOf(words.join(' ')));
  }
  coverages.sort((a, b) => a - b);
  const chance = coverages[Math.floor(DECLINED_SHARE * (coverages.length - 1))];
  const minCoverage = Math.min(MAX_DECLINE, Math.max(MIN_DECLINE, chance));
  return { minCoverage, answerCoverage: minCoverage, answerLead: DEFAULT_ANSWER_LEAD };
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
  for (const [key, min] of [['minCoverage', 0], ['answerCoverage', 0], ['answerLead', -1]] as const) {
    const value = (parsed as Record<string, unknown> | null)?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= min && value <= 1)) {
      throw new AppError('CONTENT_INVALID', `${CALIBRATION_FILE}: "${key}" must be a number from ${min} to 1`, { file: CALIBRATION_FILE });
    }
    result[key] = value;
  }
  return result;
}
