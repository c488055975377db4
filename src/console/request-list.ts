/**
 * The console's view of requests: every request as a row (reference, kind, status, due date,
 * overdue), filtered, ordered by due date and cut into pages; and one request's history. Rows carry
 * no requester data: the privacy team's own system has the person, the console has the progress.
 */
import { isOpen } from '../requests/open-requests';
import { currentStatus, isClosed, type PrivacyRequest, type ProgressStatus, type RequestKind, type RequestStatus } from '../requests/types';

export const PAGE_SIZE = 50;

export interface RequestRow {
  readonly id: string;
  readonly kind: RequestKind;
  readonly status: RequestStatus | ProgressStatus;
  readonly submittedAt: string;
  readonly dueBy: string;
  readonly overdue: boolean;
  /** Dead-lettered (the request or its withdrawal): Replay puts it back in the outbox. */
  readonly failed: boolean;
}

export interface RequestFilter {
  readonly status?: string;
  readonly kind?: string;
  readonly overdue?: boolean;
  /** 1-based. */
  readonly page: number;
}

export interface RequestPage {
  readonly rows: readonly RequestRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly pageSize: number;
}

/** Past its due date and still waiting on the privacy team. */
export function isOverdue(request: Pick<PrivacyRequest, 'status' | 'dueBy' | 'progress'>, now: Date): boolean {
  return !isClosed(request) && request.status !== 'failed' && request.dueBy < now.toISOString();
}

export function rowOf(request: PrivacyRequest, now: Date): RequestRow {
  return {
    id: request.id,
    kind: request.kind,
    status: currentStatus(request),
    submittedAt: request.submittedAt,
    dueBy: request.dueBy,
    overdue: isOverdue(request, now),
    failed: request.status === 'failed' || request.withdrawal?.delivery === 'failed',
  };
}

/** One page of the rows that pass the filter, soonest due first. */
export function pageOf(requests: readonly PrivacyRequest[], filter: RequestFilter, now: Date): RequestPage {
  const rows: RequestRow[] = [];
  for (const request of requests) {
    if (filter.kind && request.kind !== filter.kind) continue;
    const row = rowOf(request, now);
    if (filter.status === 'open' ? !isOpen(request, now) : filter.status && row.status !== filter.status) continue;
    if (filter.overdue && !row.overdue) continue;
    rows.push(row);
  }
  rows.sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : a.id < b.id ? -1 : 1));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  return { rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: rows.length, page, pages, pageSize: PAGE_SIZE };
}

export type HistoryEvent =
  | { readonly event: 'received'; readonly at: string }
  | { readonly event: 'delivered'; readonly at: string }
  | { readonly event: 'failed'; readonly reason: string }
  | { readonly event: 'progress'; readonly at: string; readonly status: ProgressStatus; readonly message?: string; readonly link?: string }
  | { readonly event: 'erased'; readonly at: string };

/** What the stored request says happened to it, in order. (Console changes are in the audit trail beside it.) */
export function historyOf(request: PrivacyRequest): HistoryEvent[] {
  const events: HistoryEvent[] = [{ event: 'received', at: request.submittedAt }];
  if (request.deliveredAt) events.push({ event: 'delivered', at: request.deliveredAt });
  if (request.status === 'failed') events.push({ event: 'failed', reason: request.failure ?? '' });
  const progress = request.progress;
  if (progress) {
    events.push({
      event: 'progress',
      at: progress.updatedAt,
      status: progress.status,
      ...(progress.message ? { message: progress.message } : {}),
      ...(progress.link ? { link: progress.link } : {}),
    });
  }
  if (request.erasedAt) events.push({ event: 'erased', at: request.erasedAt });
  return events;
}
