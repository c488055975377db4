/**
 * A request's life after it reached the privacy team: the team's status reports, the requester's
 * withdrawal, and telling the requester of each change in their personal chat.
 *
 * Every change is one ETag-conditional write of the request, so two instances (or two calls at once)
 * never both apply a change, and a repeat of the current status finds nothing to change. The write
 * carries a version; the requester is told of each version once: the notification's id is the
 * request id and version, queued after the write and recorded as told after that. A crash between
 * the two writes is mended at start-up (`tellUntold`); the one window left for a second message is a
 * crash right after queueing, before "told" is written, with the message sent in between.
 */
import type { NotificationOutbox } from '../notifications/notification-outbox';
import type { Recipient } from '../notifications/types';
import { AppError } from '../errors';
import type { UserRef } from '../ids/person-key';
import { unlessConflict, type Store } from '../storage/store';
import { REQUEST_ID_FORMAT } from './request-id';
import { REQUESTS_COLLECTION, requestKey, type RequestService } from './request-service';
import { checkStatusChange, repeatsCurrent, type StatusChange } from './status-change';
import { CLOSED_STATUSES, isClosed, type PrivacyRequest, type ProgressStatus, type RequestKind, type ReportedStatus } from './types';

export const STATUS_CHANGED = 'request.statusChanged';

/** What the requester's card shows: plain data, read when the notification is sent. */
export interface StatusChangedData {
  readonly requestId: string;
  readonly kind: RequestKind;
  readonly status: ReportedStatus;
  readonly message?: string;
  readonly link?: string;
  readonly dueBy: string;
  readonly updatedAt: string;
}

export type ReportOutcome =
  | { readonly outcome: 'notFound' }
  | { readonly outcome: 'invalid'; readonly problems: readonly string[] }
  /** A different status after a closed one: refused, nothing changed. */
  | { readonly outcome: 'closed'; readonly request: PrivacyRequest }
  /** The same status and message again: nothing changed, nobody told. */
  | { readonly outcome: 'unchanged'; readonly request: PrivacyRequest }
  | { readonly outcome: 'changed'; readonly request: PrivacyRequest };

export type WithdrawOutcome =
  /** Not this person's request, or no such request: the same answer, so ids cannot be probed. */
  | { readonly outcome: 'notFound' }
  | { readonly outcome: 'closed'; readonly request: PrivacyRequest }
  | { readonly outcome: 'withdrawn'; readonly request: PrivacyRequest };

export interface RequestProgressOptions {
  readonly store: Pick<Store, 'get' | 'put'>;
  readonly requests: Pick<RequestService, 'findById' | 'listAll' | 'queueWithdrawal'>;
  readonly notifications: Pick<NotificationOutbox, 'send'>;
  readonly dueDays: number | undefined;
  readonly now: () => number;
}

/** Conditional writes lost to another writer are retried on fresh state this many times. */
const WRITE_TRIES = 5;

export class RequestProgress {
  constructor(private readonly options: RequestProgressOptions) {}

  /** A status report from the privacy team's system (already authenticated). */
  async report(id: string, body: unknown): Promise<ReportOutcome> {
    if (!REQUEST_ID_FORMAT.test(id)) return { outcome: 'notFound' };
    for (let tries = 0; tries < WRITE_TRIES; tries++) {
      const stored = await this.options.requests.findById(id);
      if (!stored) return { outcome: 'notFound' };
      const request = stored.value;
      const checked = checkStatusChange(body, request, this.options.dueDays);
      if (!checked.ok) return { outcome: 'invalid', problems: checked.problems };
      const change = checked.change;
      if (repeatsCurrent(request, change)) return { outcome: 'unchanged', request };
      // Once closed, only the closing status may be said again (a corrected link, say), and not after erasure.
      if (isClosed(request) && (request.progress?.status !== change.status || request.erasedAt)) return { outcome: 'closed', request };
      const next = this.changed(request, change);
      if (!(await unlessConflict(this.options.store.put(REQUESTS_COLLECTION, stored.key, next, { etag: stored.etag })))) continue;
      await this.tell(stored.key, next);
      return { outcome: 'changed', request: next };
    }
    throw new AppError('STORAGE_CONFLICT', 'request kept changing underneath', { requestId: id });
  }

  /** The requester withdraws their own open request; the privacy team gets a signed event. */
  async withdraw(user: UserRef, id: string): Promise<WithdrawOutcome> {
    if (!REQUEST_ID_FORMAT.test(id)) return { outcome: 'notFound' };
    // Keyed by the requester: someone else's request is simply not found.
    const key = requestKey(user, id);
    for (let tries = 0; tries < WRITE_TRIES; tries++) {
      const stored = await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, key);
      if (!stored) return { outcome: 'notFound' };
      if (isClosed(stored.value)) return { outcome: 'closed', request: stored.value };
      const at = this.isoNow();
      const version = (stored.value.progress?.version ?? 0) + 1;
      // Nothing to tell: the requester did it and sees the answer in place.
      const next: PrivacyRequest = {
        ...stored.value,
        progress: { status: 'withdrawn', updatedAt: at, closedAt: at, version, toldVersion: version },
        withdrawal: { delivery: 'pending' },
      };
      if (!(await unlessConflict(this.options.store.put(REQUESTS_COLLECTION, key, next, { etag: stored.etag })))) continue;
      await this.options.requests.queueWithdrawal(key, id);
      return { outcome: 'withdrawn', request: next };
    }
    throw new AppError('STORAGE_CONFLICT', 'request kept changing underneath', { requestId: id });
  }

  /** At start-up: tells requesters of changes written just before a crash and never queued. */
  async tellUntold(): Promise<number> {
    let told = 0;
    for (const item of await this.options.requests.listAll()) {
      const progress = item.value.progress;
      if (progress && progress.toldVersion < progress.version) {
        await this.tell(item.key, item.value);
        told++;
      }
    }
    return told;
  }

  private changed(request: PrivacyRequest, change: StatusChange): PrivacyRequest {
    const at = this.isoNow();
    const previous = request.progress;
    const closes = CLOSED_STATUSES.includes(change.status as ProgressStatus);
    return {
      ...request,
      dueBy: change.dueBy ?? request.dueBy,
      progress: {
        status: change.status,
        ...(change.message ? { message: change.message } : {}),
        ...(change.link ? { link: change.link } : {}),
        updatedAt: at,
        version: (previous?.version ?? 0) + 1,
        toldVersion: previous?.toldVersion ?? 0,
        ...(closes ? { closedAt: previous?.closedAt ?? at } : {}),
      },
    };
  }

  /** Queues the card for the request's current version, then records it as told. */
  private async tell(key: string, request: PrivacyRequest): Promise<void> {
    const progress = request.progress;
    if (!progress || progress.toldVersion >= progress.version || progress.status === 'withdrawn') return;
    const data: StatusChangedData = {
      requestId: request.id,
      kind: request.kind,
      status: progress.status,
      ...(progress.message ? { message: progress.message } : {}),
      ...(progress.link ? { link: progress.link } : {}),
      dueBy: request.dueBy,
      updatedAt: progress.updatedAt,
    };
    await this.options.notifications.send({
      id: `${STATUS_CHANGED}.${request.id}.${progress.version}`,
      to: requesterOf(request),
      kind: STATUS_CHANGED,
      data: { ...data },
    });
    await this.markTold(key, progress.version);
  }

  private async markTold(key: string, version: number): Promise<void> {
    for (let tries = 0; tries < WRITE_TRIES; tries++) {
      const stored = await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, key);
      const progress = stored?.value.progress;
      if (!stored || !progress || progress.toldVersion >= version) return;
      const next = { ...stored.value, progress: { ...progress, toldVersion: version } };
      if (await unlessConflict(this.options.store.put(REQUESTS_COLLECTION, key, next, { etag: stored.etag }))) return;
    }
  }

  private isoNow(): string {
    return new Date(this.options.now()).toISOString();
  }
}

/** The requester's personal chat, opened from their Teams user id in their tenant. */
function requesterOf(request: PrivacyRequest): Recipient {
  return {
    userId: request.requester.teamsUserId || request.requester.aadObjectId,
    tenantId: request.requester.tenantId,
    serviceUrl: request.source.serviceUrl,
    channelId: request.source.channelId,
  };
}
