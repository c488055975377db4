/**
 * What the privacy team's system may say about a request (POST /api/requests/{id}/status), checked
 * in full: every problem is listed at once, so whoever builds the flow fixes it in one go. The
 * message reaches a person's chat, so it is cleaned like anything typed; the link must be https.
 */
import { format, strings } from '../strings';
import { cleanText } from '../text/clean-text';
import { formatDate } from '../text/dates';
import { disallowedLinks } from '../text/markdown';
import { latestExtendedDue } from './due-date';
import { PROGRESS_STATUSES, type PrivacyRequest, type ReportedStatus } from './types';

export const STATUS_MESSAGE_MAX = 2000;
export const STATUS_LINK_MAX = 2048;

export interface StatusChange {
  readonly status: ReportedStatus;
  readonly message?: string;
  readonly link?: string;
  /** With `extended` only: the new due date, as an ISO string. */
  readonly dueBy?: string;
}

export type StatusCheck = { readonly ok: true; readonly change: StatusChange } | { readonly ok: false; readonly problems: readonly string[] };

const p = strings.api.status.problems;

/** A date, or a date and time with a zone: "2027-01-24T10:00" alone would be read in the server's zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export function checkStatusChange(body: unknown, request: PrivacyRequest, dueDays: number | undefined): StatusCheck {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, problems: [p.notObject] };
  const input = body as Record<string, unknown>;
  const problems: string[] = [];

  const status = PROGRESS_STATUSES.find((known) => known === input.status);
  if (!status) problems.push(format(p.status, { statuses: PROGRESS_STATUSES.join(', ') }));

  if (present(input.id) && input.id !== request.id) problems.push(p.idMismatch);

  let message: string | undefined;
  if (present(input.message)) {
    if (typeof input.message !== 'string') problems.push(p.messageNotText);
    else {
      message = cleanText(input.message, true) || undefined;
      if (message && message.length > STATUS_MESSAGE_MAX)
        problems.push(format(p.messageTooLong, { max: STATUS_MESSAGE_MAX.toLocaleString('en'), length: message.length }));
      if (message && disallowedLinks(message).length > 0) problems.push(p.messageLinkScheme);
    }
  }

  let link: string | undefined;
  if (present(input.link)) {
    link = typeof input.link === 'string' ? input.link.trim() : undefined;
    if (link !== undefined && link.length > STATUS_LINK_MAX) problems.push(format(p.linkTooLong, { max: STATUS_LINK_MAX }));
    else if (!isHttpsLink(link)) problems.push(p.linkNotHttps);
  }

  const dueBy = checkDueBy(input.dueBy, status, request, dueDays, problems);
  if (problems.length > 0 || !status) return { ok: false, problems };
  return { ok: true, change: { status, ...(message ? { message } : {}), ...(link ? { link } : {}), ...(dueBy ? { dueBy } : {}) } };
}

/** True when the change says nothing new: the same status, message and link (and due date, for an extension). */
export function repeatsCurrent(request: PrivacyRequest, change: StatusChange): boolean {
  const current = request.progress;
  return (
    current !== undefined &&
    current.status === change.status &&
    current.message === change.message &&
    current.link === change.link &&
    (change.dueBy === undefined || change.dueBy === request.dueBy)
  );
}

function checkDueBy(
  raw: unknown,
  status: ReportedStatus | undefined,
  request: PrivacyRequest,
  dueDays: number | undefined,
  problems: string[],
): string | undefined {
  if (!present(raw)) {
    if (status === 'extended') problems.push(p.dueByRequired);
    return undefined;
  }
  if (status !== undefined && status !== 'extended') {
    problems.push(p.dueByOnlyExtended);
    return undefined;
  }
  const parsed = typeof raw === 'string' && ISO_DATE.test(raw.trim()) ? new Date(raw.trim()) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    problems.push(p.dueByInvalid);
    return undefined;
  }
  const latest = latestExtendedDue(new Date(request.submittedAt), dueDays);
  if (parsed.getTime() <= new Date(request.dueBy).getTime()) problems.push(format(p.dueByNotLater, { due: request.dueBy }));
  else if (parsed.getTime() > latest.getTime())
    problems.push(format(p.dueByTooLate, { latest: `${latest.toISOString()} (${formatDate(latest.toISOString())})` }));
  return parsed.toISOString();
}

/** Null and "" count as absent: flows often send every field, empty when unused. */
function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function isHttpsLink(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}
