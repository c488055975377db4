/**
 * Takes privacy requests in and keeps them. `submit` writes the request durably and queues its
 * delivery before it returns, so the id a person is shown always belongs to a stored request.
 * Requests are keyed by a hash of their requester, which makes "my requests" a prefix listing and
 * means nobody's listing can ever include someone else's request.
 */
import type { FormCheck, FormTokens } from '../ids/form-token';
import { userKey, type UserRef } from '../ids/person-key';
import { pageAfterKey, unlessConflict, type Store, type StoredItem } from '../storage/store';
import type { WorkQueue } from '../storage/work-queue';
import { dueDate } from './due-date';
import { isOpen, OpenRequestSlots, type RequestSummary } from './open-requests';
import { newRequestId } from './request-id';
import type { PrivacyRequest, RequestDetails, RequestKind, Requester, RequestSource } from './types';

export const REQUESTS_COLLECTION = 'requests';
/** Request id to its key, for the privacy team's status calls, which know the id only. */
export const REQUEST_INDEX_COLLECTION = 'requestindex';
export const OUTBOX_COLLECTION = 'requestoutbox';

/** What the outbox carries: just the key; the request itself is read fresh on every attempt. */
export interface DeliveryJob {
  readonly key: string;
  /** Which event: the request itself (absent, from before there were others) or its withdrawal. */
  readonly event?: 'created' | 'withdrawn';
  /** Passes the withdrawal spent waiting for the request itself to be delivered: not failed attempts. */
  readonly waits?: number;
  /** Attempts made early to see whether the receiver answers again: not counted against the retry limit. */
  readonly probes?: number;
}

/** The outbox item, and the webhook-id, of a request's withdrawal: one per request, unlike its creation's. */
export function withdrawalEventId(requestId: string): string {
  return `${requestId}.withdrawn`;
}

export interface IssuedForm {
  readonly requestId: string;
  readonly formToken: string;
}

export interface Submission {
  readonly requestId: string;
  readonly kind: RequestKind;
  readonly details: RequestDetails;
  readonly requester: Requester;
  readonly source: RequestSource;
}

export type SubmitOutcome =
  /** Stored and queued for delivery. */
  | { readonly outcome: 'created'; readonly request: PrivacyRequest }
  /** This very form was submitted before (double click, Teams retry): the same request. */
  | { readonly outcome: 'duplicate'; readonly request: PrivacyRequest }
  /** Another request of this kind is still open for this person: nothing new was stored. */
  | { readonly outcome: 'alreadyOpen'; readonly request: RequestSummary };

export interface RequestServiceOptions {
  readonly store: Pick<Store, 'get' | 'put' | 'list' | 'listRange'>;
  readonly outbox: WorkQueue<DeliveryJob>;
  readonly tokens: FormTokens;
  readonly dueDays: number | undefined;
  readonly now?: () => Date;
}

export class RequestService {
  private readonly now: () => Date;
  private readonly slots: OpenRequestSlots;

  constructor(private readonly options: RequestServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.slots = new OpenRequestSlots(options.store, this.now);
  }

  issueForm(user: UserRef, kind: RequestKind): IssuedForm {
    const requestId = newRequestId();
    return { requestId, formToken: this.options.tokens.issue(requestId, userKey(user), kind) };
  }

  /** Whether the bot issued this id, for this person and this kind, recently enough. */
  checkForm(user: UserRef, kind: RequestKind, requestId: string, formToken: unknown): FormCheck {
    return this.options.tokens.check(formToken, requestId, userKey(user), kind);
  }

  /** Days a form can be sent after it is shown (FORM_TOKEN_TTL_DAYS). */
  get formTtlDays(): number {
    return this.options.tokens.ttlDays;
  }

  async submit(submission: Submission): Promise<SubmitOutcome> {
    const key = requestKey(submission.requester, submission.requestId);
    const earlier = await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, key);
    if (earlier) return { outcome: 'duplicate', request: await this.ensureQueued(key, earlier.value) };

    // Requests stored before slots existed have none: the listing still finds them.
    const open = await this.openRequestOfKind(submission.requester, submission.kind);
    if (open) return { outcome: 'alreadyOpen', request: open };

    const received = this.now();
    const request: PrivacyRequest = {
      id: submission.requestId,
      kind: submission.kind,
      status: 'received',
      submittedAt: received.toISOString(),
      dueBy: dueDate(received, this.options.dueDays).toISOString(),
      requester: submission.requester,
      details: submission.details,
      source: submission.source,
    };
    const readOwn = async (requestId: string) =>
      (await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, requestKey(submission.requester, requestId)))?.value;
    const slot = await this.slots.take(userKey(submission.requester), request, readOwn);
    if (!slot.taken) return { outcome: 'alreadyOpen', request: slot.holder };
    const [written] = await Promise.all([
      unlessConflict(this.options.store.put(REQUESTS_COLLECTION, key, request, { ifAbsent: true })),
      // An index entry without its request is harmless (a lookup falls back to the listing), so both go at once.
      unlessConflict(this.options.store.put(REQUEST_INDEX_COLLECTION, request.id, { key }, { ifAbsent: true })),
    ]);
    if (!written) {
      // The same form submitted twice at once, perhaps on two instances: the first write won.
      const winner = await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, key);
      return { outcome: 'duplicate', request: await this.ensureQueued(key, winner!.value) };
    }
    await this.ensureQueued(key, request);
    return { outcome: 'created', request };
  }

  /** The person's own requests, newest first. */
  async listFor(user: UserRef): Promise<PrivacyRequest[]> {
    const items = await this.options.store.list<PrivacyRequest>(REQUESTS_COLLECTION, { prefix: `${userKey(user)}.` });
    return items.map((item) => item.value).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  }

  /** An open request of this kind: a dead-lettered one does not count, so it never blocks a new one. */
  async openRequestOfKind(user: UserRef, kind: RequestKind): Promise<PrivacyRequest | undefined> {
    const now = this.now();
    return (await this.listFor(user)).find((request) => request.kind === kind && isOpen(request, now));
  }

  /** One of the person's own requests; undefined for anyone else's. */
  async getFor(user: UserRef, requestId: string): Promise<PrivacyRequest | undefined> {
    return (await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, requestKey(user, requestId)))?.value;
  }

  /** Every stored request: for the digest and retention, which look across all requesters. */
  async listAll(): Promise<StoredItem<PrivacyRequest>[]> {
    return this.options.store.list<PrivacyRequest>(REQUESTS_COLLECTION);
  }

  /**
   * Stored requests a page at a time, in key order, after the key `after` (the previous page's last):
   * a caller looking across all of them can let other work run between pages.
   */
  async listPage(after: string | undefined, limit: number): Promise<{ items: StoredItem<PrivacyRequest>[]; more: boolean }> {
    return pageAfterKey<PrivacyRequest>(this.options.store, REQUESTS_COLLECTION, { after, limit });
  }

  /** A request by id alone, as the privacy team's system knows it. */
  async findById(id: string): Promise<StoredItem<PrivacyRequest> | undefined> {
    const indexed = await this.options.store.get<{ key: string }>(REQUEST_INDEX_COLLECTION, id);
    const direct = indexed && (await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, indexed.value.key));
    if (direct) return direct;
    // Requests stored before the index existed (or a crash between the two writes): look, then remember.
    const found = (await this.listAll()).find((item) => item.value.id === id);
    if (found) await unlessConflict(this.options.store.put(REQUEST_INDEX_COLLECTION, id, { key: found.key }, { ifAbsent: true }));
    return found;
  }

  /**
   * Queues every stored request not yet delivered. Run at start-up: a crash between the request's
   * write and its queue entry, or a replay from an older backup, still ends in a delivery.
   */
  async requeueUndelivered(options: { readonly deliverNow?: boolean } = {}): Promise<number> {
    let queued = 0;
    const { outbox } = this.options;
    // With a receiver to send to, whatever waits (for a webhook that was not set, or for a retry
    // after an outage) goes now: a restart is when a fixed configuration takes effect.
    const queue = async (id: string, payload: DeliveryJob) =>
      (await outbox.enqueue(id, payload)) || (options.deliverNow === true && (await outbox.advance(id)));
    for (const item of await this.options.store.list<PrivacyRequest>(REQUESTS_COLLECTION)) {
      if (item.value.status === 'received' && (await queue(item.value.id, { key: item.key }))) queued++;
      if (item.value.withdrawal?.delivery === 'pending' && (await queue(withdrawalEventId(item.value.id), { key: item.key, event: 'withdrawn' }))) queued++;
    }
    return queued;
  }

  /** Puts dead-lettered requests (and withdrawals) back in the outbox with a fresh attempt count. */
  async replayFailed(onlyId?: string): Promise<string[]> {
    const replayed: string[] = [];
    for (const item of await this.options.store.list<PrivacyRequest>(REQUESTS_COLLECTION)) {
      if (onlyId && item.value.id !== onlyId) continue;
      if (item.value.status === 'failed') {
        const { failure: _failure, ...rest } = item.value;
        await this.options.store.put(REQUESTS_COLLECTION, item.key, { ...rest, status: 'received' }, { etag: item.etag });
        await this.options.outbox.enqueue(item.value.id, { key: item.key });
      } else if (item.value.withdrawal?.delivery === 'failed') {
        await this.options.store.put(REQUESTS_COLLECTION, item.key, { ...item.value, withdrawal: { delivery: 'pending' } }, { etag: item.etag });
        await this.queueWithdrawal(item.key, item.value.id);
      } else continue;
      replayed.push(item.value.id);
    }
    return replayed;
  }

  /** Queues the `privacy.request.withdrawn` event of a request its requester withdrew. */
  queueWithdrawal(key: string, requestId: string): Promise<boolean> {
    return this.options.outbox.enqueue(withdrawalEventId(requestId), { key, event: 'withdrawn' });
  }

  private async ensureQueued(key: string, request: PrivacyRequest): Promise<PrivacyRequest> {
    if (request.status === 'received') await this.options.outbox.enqueue(request.id, { key });
    return request;
  }
}

export function requestKey(user: UserRef, requestId: string): string {
  return `${userKey(user)}.${requestId}`;
}
