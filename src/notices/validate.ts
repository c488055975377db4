/**
 * Checks a notice before anything is stored or sent, the same way for the API and the compose card.
 * Problems come back as sentences naming the field, for a 400 body or the card.
 */
import { format, strings } from '../strings';
import { cleanText } from '../text/clean-text';
import type { NoticeContent } from './types';

const problem = strings.notices.problems;

export const TITLE_MAX = 120;
export const TEXT_MAX = 4000;
const URL_MAX = 2000;
const TEAM_IDS_MAX = 5000;

export type NoticeInput = NoticeContent & { readonly teamIds?: readonly string[] };

export function validateNotice(raw: unknown): { ok: true; notice: NoticeInput } | { ok: false; problems: string[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [problem.notAnObject] };
  const body = raw as Record<string, unknown>;
  const problems: string[] = [];
  const text = (field: string, max: number, multiline: boolean): string => {
    const value = body[field];
    if (value === undefined || value === null || value === '') return '';
    if (typeof value !== 'string') {
      problems.push(format(problem.notAString, { field }));
      return '';
    }
    const cleaned = cleanText(value, multiline);
    if (cleaned.length > max) problems.push(format(problem.tooLong, { field, max, length: cleaned.length }));
    return cleaned;
  };
  const title = text('title', TITLE_MAX, false);
  const markdown = text('text', TEXT_MAX, true);
  const url = text('url', URL_MAX, false);
  const effectiveDate = text('effectiveDate', 10, false);
  if (!title) problems.push(format(problem.required, { field: 'title' }));
  if (!markdown) problems.push(format(problem.required, { field: 'text' }));
  if (url && !isHttpsUrl(url)) problems.push(problem.notHttps);
  if (effectiveDate && !isCalendarDate(effectiveDate)) problems.push(problem.notADate);
  let teamIds: string[] | undefined;
  if (body.teamIds !== undefined) {
    if (!Array.isArray(body.teamIds) || body.teamIds.some((id) => typeof id !== 'string' || id.length === 0 || id.length > 200)) {
      problems.push(problem.teamIdsNotStrings);
    } else if (body.teamIds.length === 0 || body.teamIds.length > TEAM_IDS_MAX) {
      problems.push(format(problem.teamIdsCount, { max: TEAM_IDS_MAX }));
    } else {
      teamIds = [...new Set(body.teamIds as string[])];
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    notice: { title, text: markdown, ...(url ? { url } : {}), ...(effectiveDate ? { effectiveDate } : {}), ...(teamIds ? { teamIds } : {}) },
  };
}

/** YYYY-MM-DD naming a day that exists: 2026-02-31 would otherwise be shown as 3 March, 2026-99-99 as "Invalid Date". */
export function isCalendarDate(value: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
