/**
 * Checks a notice before anything is stored or sent, the same way for the API and the compose card,
 * and an edit of one (PATCH, or the summary card's Edit). Problems come back as sentences naming the
 * field, for a 400 body or the card.
 */
import { format, strings } from '../strings';
import { cleanText } from '../text/clean-text';
import { disallowedLinks } from '../text/markdown';
import type { NoticeContent } from './types';

const problem = strings.notices.problems;

export const TITLE_MAX = 120;
export const TEXT_MAX = 4000;
const URL_MAX = 2000;
const TEAM_IDS_MAX = 5000;

export type NoticeInput = NoticeContent & { readonly teamIds?: readonly string[]; readonly sendAt?: string };

/** What an edit changes: only the fields given; `url: ''` removes the link. */
export type NoticeChanges = { readonly title?: string; readonly text?: string; readonly url?: string };

type Problems = string[];

/** Reads one text field: '' when absent, the cleaned text otherwise, with its problems noted. */
function textField(body: Record<string, unknown>, problems: Problems, field: string, max: number, multiline: boolean): string {
  const value = body[field];
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'string') {
    problems.push(format(problem.notAString, { field }));
    return '';
  }
  const cleaned = cleanText(value, multiline);
  if (cleaned.length > max) problems.push(format(problem.tooLong, { field, max, length: cleaned.length }));
  return cleaned;
}

/** A link in a notice may go to https: or mailto: only: a card would offer anything else to every reader. */
function linksProblem(problems: Problems, field: string, value: string): void {
  const refused = disallowedLinks(value);
  if (refused.length > 0) problems.push(format(problem.linkScheme, { field }));
}

function asObject(raw: unknown): Record<string, unknown> | undefined {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

export function validateNotice(raw: unknown, now: number = Date.now()): { ok: true; notice: NoticeInput } | { ok: false; problems: string[] } {
  const body = asObject(raw);
  if (!body) return { ok: false, problems: [problem.notAnObject] };
  const problems: Problems = [];
  const text = (field: string, max: number, multiline: boolean) => textField(body, problems, field, max, multiline);
  const title = text('title', TITLE_MAX, false);
  const markdown = text('text', TEXT_MAX, true);
  const url = text('url', URL_MAX, false);
  const effectiveDate = text('effectiveDate', 10, false);
  const sendAt = body.sendAt === undefined || body.sendAt === null || body.sendAt === '' ? undefined : checkSendAt(body.sendAt, now, problems);
  if (!title) problems.push(format(problem.required, { field: 'title' }));
  if (!markdown) problems.push(format(problem.required, { field: 'text' }));
  for (const [field, value] of [
    ['title', title],
    ['text', markdown],
  ] as const)
    linksProblem(problems, field, value);
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
    notice: {
      title,
      text: markdown,
      ...(url ? { url } : {}),
      ...(effectiveDate ? { effectiveDate } : {}),
      ...(teamIds ? { teamIds } : {}),
      ...(sendAt ? { sendAt } : {}),
    },
  };
}

/** YYYY-MM-DD naming a day that exists: 2026-02-31 would otherwise be shown as 3 March, 2026-99-99 as "Invalid Date". */
function isCalendarDate(value: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An edit: at least one of title, text and url; each checked as when sending. Other fields are refused. */
export function validateChanges(raw: unknown): { ok: true; changes: NoticeChanges } | { ok: false; problems: string[] } {
  const body = asObject(raw);
  if (!body) return { ok: false, problems: [problem.notAnObject] };
  const problems: Problems = [];
  const given = (field: string) => body[field] !== undefined;
  const unknown = Object.keys(body).filter((field) => !['title', 'text', 'url'].includes(field));
  if (unknown.length > 0) problems.push(format(problem.notEditable, { fields: unknown.slice(0, 5).join(', ') }));
  if (!given('title') && !given('text') && !given('url')) problems.push(problem.noChanges);
  const changes: { title?: string; text?: string; url?: string } = {};
  for (const [field, max, multiline] of [
    ['title', TITLE_MAX, false],
    ['text', TEXT_MAX, true],
    ['url', URL_MAX, false],
  ] as const) {
    if (!given(field)) continue;
    const before = problems.length;
    changes[field] = textField(body, problems, field, max, multiline);
    if (problems.length > before) continue;
    if (!changes[field] && field !== 'url') problems.push(format(problem.empty, { field }));
    if (field === 'url' && changes.url && !isHttpsUrl(changes.url)) problems.push(problem.notHttps);
    if (field !== 'url') linksProblem(problems, field, changes[field] ?? '');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

/** `sendAt`: an ISO 8601 time with its offset, in the future and at most a year ahead. */
function checkSendAt(value: unknown, now: number, problems: Problems): string | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
  const time = typeof value === 'string' && iso.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    problems.push(problem.sendAtFormat);
    return undefined;
  }
  const yearAhead = new Date(now);
  yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
  if (time <= now) problems.push(problem.sendAtPast);
  else if (time > yearAhead.getTime()) problems.push(problem.sendAtTooFar);
  return new Date(time).toISOString();
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
