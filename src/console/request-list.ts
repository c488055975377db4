/**
 * The console's view of requests: every request as a row (reference, kind, status, due date,
 * overdue), filtered, ordered by due date and cut into pages; and one request's history. Rows carry
 * no requester data: the privacy team's own system has the person, the console has the progress.
 */
import { isOpen } from '../requests/open-requests';
import { currentStatus, isClosed, type PrivacyRequest, type ProgressStatus, type RequestKind, type RequestStatus } from '../requests/types';

export const PAGE_SIZE = 50;
/** Requests read from the store at a time when the list's copy is made. */
const READ_PAGE = 500;

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

/** What a row needs of a request, kept between pages: a few fields, not the requester and details. */
type Listed = Pick<PrivacyRequest, 'id' | 'kind' | 'status' | 'submittedAt' | 'dueBy' | 'progress' | 'withdrawal'>;

function listed(request: PrivacyRequest): Listed {
  const { id, kind, status, submittedAt, dueBy, progress, withdrawal } = request;
  return { id, kind, status, submittedAt, dueBy, progress, withdrawal };
}

/** One page of the requests that pass the filter, soonest due first (`requests` already in that order). */
export function pageOf(requests: readonly Listed[], filter: RequestFilter, now: Date): RequestPage {
  const rows: RequestRow[] = [];
  const from = (Math.max(1, filter.page) - 1) * PAGE_SIZE;
  let total = 0;
  for (const request of requests) {
    if (filter.kind && request.kind !== filter.kind) continue;
    if (filter.status === 'open' ? !isOpen(request, now) : filter.status && currentStatus(request) !== filter.status) continue;
    if (filter.overdue && !isOverdue(request, now)) continue;
    // Only the rows of the page asked for are built; the rest are counted.
    if (total >= from && rows.length < PAGE_SIZE) rows.push(rowOf(request as PrivacyRequest, now));
    total++;
  }
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  // A page past the end shows the last one.
  if (page !== Math.max(1, filter.page)) return pageOf(requests, { ...filter, page }, now);
  return { rows, total, page, pages, pageSize: PAGE_SIZE };
}

export function byDueDate(a: Listed, b: Listed): number {
  return a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : a.id < b.id ? -1 : 1;
}

/**
 * Every request's listed fields in due-date order, read from the store once and then kept fresh in
 * the background: paging through 10,000 requests costs one read of them, not one per page. A copy
 * older than `freshMs` is still served while a new read runs, so a change made elsewhere (Teams, the
 * status API, another instance) shows within `freshMs` and one read; a copy older than `usableMs`
 * (nobody has looked for a while) is read again before answering. A change made in the console
 * forgets the copy: its maker sees it at once.
 */
export class ListedRequests {
  private copy?: { readonly at: number; readonly requests: readonly Listed[] };
  private reading?: Promise<readonly Listed[]>;

  constructor(
    private readonly readPage: (
      after: string | undefined,
      limit: number,
    ) => Promise<{ items: ReadonlyArray<{ key: string; value: PrivacyRequest }>; more: boolean }>,
    private readonly ages: { readonly freshMs: number; readonly usableMs: number },
    private readonly now: () => number,
  ) {}

  async all(): Promise<readonly Listed[]> {
    const copy = this.copy;
    const age = copy ? this.now() - copy.at : Infinity;
    if (!copy || age >= this.ages.usableMs) return this.read();
    if (age >= this.ages.freshMs) this.read().catch(() => undefined); // the next page gets it
    return copy.requests;
  }

  forget(): void {
    this.copy = undefined;
  }

  /** Calls while a read is under way share it. */
  private read(): Promise<readonly Listed[]> {
    this.reading ??= (async () => {
      const at = this.now();
      const requests: Listed[] = [];
      let after: string | undefined;
      for (;;) {
        // A page at a time, letting waiting calls in between: one read of 10,000 whole requests
        // would hold the event loop for a few hundred milliseconds.
        const { items, more } = await this.readPage(after, READ_PAGE);
        for (const item of items) requests.push(listed(item.value));
        if (!more || items.length === 0) break;
        after = items[items.length - 1].key;
        await new Promise((resolve) => setImmediate(resolve));
      }
      requests.sort(byDueDate);
      this.copy = { at, requests };
      return requests;
    })().finally(() => (this.reading = undefined));
    return this.reading;
  }
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
