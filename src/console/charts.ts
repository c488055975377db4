/**
 * The numbers behind the Insights charts, counted from what the bot already keeps: unanswered
 * questions (ContentGaps), questions sent to the team, and requests. Weeks start on Monday (UTC);
 * every bucket in the range is present, zero or not, so a chart's axis has no gaps.
 */
import type { Question } from '../questions/types';
import type { RequestKind } from '../requests/types';

export const WEEKS_SHOWN = 12;
export const MONTHS_SHOWN = 12;
const DAY_MS = 86_400_000;

export type QuestionOutcome = 'not_covered' | 'sent_to_team' | 'answered_by_team';

export interface WeekCounts {
  /** YYYY-MM-DD, the Monday the week starts. */
  readonly week: string;
  readonly counts: Readonly<Record<QuestionOutcome, number>>;
}

export interface MonthCounts {
  /** YYYY-MM. */
  readonly month: string;
  readonly counts: Readonly<Partial<Record<RequestKind, number>>>;
}

export function weekStart(at: number): string {
  const day = new Date(at);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday)).toISOString().slice(0, 10);
}

/** The first moment of the earliest week shown. */
export function weeksFrom(now: number): number {
  return Date.parse(weekStart(now - (WEEKS_SHOWN - 1) * 7 * DAY_MS));
}

export function questionsPerWeek(
  now: number,
  unanswered: readonly { readonly at: string }[],
  sent: readonly Pick<Question, 'askedAt' | 'answer'>[],
): WeekCounts[] {
  const weeks = new Map<string, Record<QuestionOutcome, number>>();
  for (let i = WEEKS_SHOWN - 1; i >= 0; i--) weeks.set(weekStart(now - i * 7 * DAY_MS), { not_covered: 0, sent_to_team: 0, answered_by_team: 0 });
  const count = (at: string, outcome: QuestionOutcome) => {
    const bucket = weeks.get(weekStart(Date.parse(at)));
    if (bucket) bucket[outcome]++;
  };
  for (const item of unanswered) count(item.at, 'not_covered');
  for (const question of sent) {
    count(question.askedAt, 'sent_to_team');
    if (question.answer) count(question.answer.at, 'answered_by_team');
  }
  return [...weeks].map(([week, counts]) => ({ week, counts }));
}

export function requestsPerMonth(now: number, requests: readonly { readonly kind: RequestKind; readonly submittedAt: string }[]): MonthCounts[] {
  const months = new Map<string, Partial<Record<RequestKind, number>>>();
  const today = new Date(now);
  for (let i = MONTHS_SHOWN - 1; i >= 0; i--) {
    months.set(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1)).toISOString().slice(0, 7), {});
  }
  for (const request of requests) {
    const bucket = months.get(request.submittedAt.slice(0, 7));
    if (bucket) bucket[request.kind] = (bucket[request.kind] ?? 0) + 1;
  }
  return [...months].map(([month, counts]) => ({ month, counts }));
}
