/**
 * From ranked candidates to what the user gets: one answer, "Did you mean…" with two or three
 * entries, or "not covered". An answer needs enough of the question covered; it needs a clear lead
 * over the runner-up too, or the bot asks instead of guessing.
 */
import type { Candidate } from './ranking';
import type { FaqAnswer, FaqEntry } from './types';

export const MAX_RELATED = 3;
export const MAX_CANDIDATES = 3;

export interface AnswerThresholds {
  /** Coverage the best entry needs for the question to count as covered at all. */
  readonly minCoverage: number;
  /** Coverage the best entry needs to be given as the answer; below it, "Did you mean…". */
  readonly answerCoverage: number;
  /** A runner-up ranked at least this share of the best one makes the choice a close call. */
  readonly closeCall: number;
}

/**
 * Below minCoverage: not covered. From there to answerCoverage, or when the runner-up is a close
 * call: "Did you mean…" with the entries that reach minCoverage (the best first; one, when only one
 * does). Otherwise the best entry is the answer.
 */
export function choose(candidates: readonly Candidate[], thresholds: AnswerThresholds, allEntries: readonly FaqEntry[]): FaqAnswer {
  const [top, second] = candidates;
  if (!top || top.coverage < thresholds.minCoverage) return { related: [], candidates: [], confidence: top ? round(top.coverage * 0.5) : 0 };
  const margin = second ? 1 - second.rank / top.rank : 1;
  const confidence = round(Math.min(1, top.coverage) * (0.6 + 0.4 * margin));
  const fitting = candidates.slice(0, MAX_CANDIDATES).filter((candidate) => candidate.coverage >= thresholds.minCoverage);
  const closeCall = fitting.length >= 2 && fitting[1].rank >= top.rank * thresholds.closeCall;
  if (closeCall || top.coverage < thresholds.answerCoverage) {
    return { related: [], candidates: fitting.map((candidate) => candidate.entry), confidence };
  }
  return { entry: top.entry, related: relatedTo(top.entry, candidates, allEntries), candidates: [], confidence };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** For an answer: the next best hits for the question, then entries of the same part. */
export function relatedTo(answer: FaqEntry, candidates: readonly Candidate[], allEntries: readonly FaqEntry[]): FaqEntry[] {
  const related: FaqEntry[] = [];
  const add = (entry: FaqEntry) => {
    if (related.length < MAX_RELATED && entry.id !== answer.id && !related.some((other) => other.id === entry.id)) related.push(entry);
  };
  const best = candidates.find((candidate) => candidate.entry.id === answer.id) ?? candidates[0];
  for (const candidate of candidates) if (best && candidate.rank >= best.rank * 0.25 && candidate.coverage > 0.2) add(candidate.entry);
  for (const entry of allEntries) if (entry.part === answer.part) add(entry);
  return related;
}
