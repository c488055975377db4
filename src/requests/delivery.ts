/**
 * The outbox's delivery step: reads the request, sends its event, and records what happened.
 * Delivery is at least once (a crash after the receiver's 2xx and before the status write sends it
 * again); each event's id is the same on every attempt (the request id; `<id>.withdrawn` for its
 * withdrawal), so receivers deduplicate on `webhook-id`. A withdrawal waits until the request
 * itself has been delivered, so the privacy team never hears of one before the other.
 *
 * Backoff after failures grows to an hour, yet what waits goes out within a minute of the receiver
 * answering again: while events wait on a failure, `probe` (run every PROBE_EVERY_MS) sends the one
 * due first early, without counting it against the retry limit, and the first success makes every
 * waiting event due at once.
 */
import { AppError, errorCode } from '../errors';
import type { Logger } from '../logger';
import type { OutboundResult } from '../outbound/outcome';
import { unlessConflict, type Store } from '../storage/store';
import { retryDelayMs, type Claim, type WorkQueue } from '../storage/work-queue';
import type { HoldReason } from './delivery-hold';
import { REQUESTS_COLLECTION, withdrawalEventId, type DeliveryJob } from './request-service';
import type { PrivacyRequest } from './types';
import type { Metrics } from '../telemetry/metrics';

export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly maxAttempts: number;
}

export interface DeliveryOptions {
  readonly store: Pick<Store, 'get' | 'put'>;
  readonly outbox: WorkQueue<DeliveryJob>;
  /** Undefined while PRIVACY_WEBHOOK_URL is empty: requests wait in the outbox. */
  readonly send: ((eventId: string, body: string) => Promise<OutboundResult>) | undefined;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  readonly metrics?: Pick<Metrics, 'delivery'>;
  /** Told about each dead-lettered request, to alert the privacy admins. */
  readonly onDeadLetter?: (request: PrivacyRequest) => Promise<void>;
  /** Told when a request cannot be passed on for now (to tell the admins once), and when events flow again. */
  readonly hold?: { held(request: PrivacyRequest, reason: HoldReason): Promise<void>; flowing(): Promise<void> };
  /** How often `probe` runs (PROBE_EVERY_MS): it probes only what is not due within that time anyway. */
  readonly probeEveryMs?: number;
  readonly now?: () => number;
  readonly random?: () => number;
}

/** How long a request waits while no webhook is configured before the outbox looks again. */
const UNCONFIGURED_RECHECK_MS = 60 * 60 * 1000;
/** How often `probe` looks: with a delivery's 15 s timeout, the receiver is tried at least once a minute. */
export const PROBE_EVERY_MS = 30_000;
/** Failed attempts in a row (about 35 s at the default schedule) before a receiver counts as down for the admins. */
const HOLD_ALERT_AFTER_ATTEMPTS = 3;

export class RequestDelivery {
  private readonly now: () => number;
  private readonly random: () => number;
  /** Events this process put back after a failed attempt (Retry-After aside), by item id: when each is due. */
  private readonly waiting = new Map<string, number>();
  /** Since the last success, the last attempt of this process failed: the receiver is not answering. */
  private unreachable = false;
  /** Whether a hold recorded before this process started has been cleared by a success. */
  private flowingSeen = false;

  constructor(private readonly options: DeliveryOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** True while a new request could not be passed on right now: no webhook, or the receiver is not answering. */
  get holding(): boolean {
    return !this.options.send || this.unreachable;
  }

  /**
   * While events wait on a failure and none is due within the next round, sends the one due first
   * now. True when it moved one.
   */
  async probe(): Promise<boolean> {
    if (!this.options.send) return false;
    let first: [string, number] | undefined;
    for (const entry of this.waiting) if (!first || entry[1] < first[1]) first = entry;
    if (!first || first[1] <= this.now() + (this.options.probeEveryMs ?? PROBE_EVERY_MS)) return false;
    this.waiting.delete(first[0]);
    return this.options.outbox.advance(first[0], (job) => ({ ...job, probes: (job.probes ?? 0) + 1 }));
  }

  readonly handle = async (claim: Claim<DeliveryJob>): Promise<void> => {
    if (claim.item.payload.event === 'withdrawn') return this.handleWithdrawal(claim);
    const { outbox, logger } = this.options;
    const stored = await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, claim.item.payload.key);
    if (!stored || stored.value.status !== 'received' || stored.value.erasedAt) {
      // Already delivered or dead-lettered by an instance whose lease lapsed mid-way (or erased by retention): nothing to send.
      await outbox.complete(claim);
      return;
    }
    const request = stored.value;
    if (!this.options.send) {
      await outbox.retryAt(claim, this.now() + UNCONFIGURED_RECHECK_MS);
      await this.held(request, 'unconfigured');
      return;
    }
    const attempt = claim.item.attempts - (claim.item.payload.probes ?? 0);
    const result = await this.options.send(request.id, JSON.stringify(webhookEvent(request)));
    const log = { requestId: request.id, kind: request.kind, attempt };
    if (result.ok) {
      await this.record(claim.item.payload.key, { status: 'delivered', deliveredAt: new Date(this.now()).toISOString() });
      await outbox.complete(claim);
      this.options.metrics?.delivery('delivered');
      logger.info({ ...log, status: result.status }, 'request delivered');
      // A withdrawal waiting for this delivery need not wait out its backoff.
      await this.delivered(claim, request.withdrawal?.delivery === 'pending' ? [withdrawalEventId(request.id)] : []);
      return;
    }
    if (await this.retryLater(claim, result, attempt, log)) {
      // Counted with the probes: a receiver down for several tries in a row is down, however they were scheduled.
      if (claim.item.attempts >= HOLD_ALERT_AFTER_ATTEMPTS) await this.held(request, 'unreachable');
      return;
    }
    this.waiting.delete(claim.item.id);
    const failed = await this.record(claim.item.payload.key, { status: 'failed', failure: result.reason });
    await this.deadLettered(claim, failed, { ...log, reason: result.reason }, 'request dead-lettered');
  };

  private async handleWithdrawal(claim: Claim<DeliveryJob>): Promise<void> {
    const { outbox, logger } = this.options;
    const { key, waits = 0 } = claim.item.payload;
    const stored = await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, key);
    const request = stored?.value;
    // Sent already (a lapsed lease), or the request itself never reached the team before retention erased it.
    if (!request || request.withdrawal?.delivery !== 'pending' || (request.erasedAt && request.status !== 'delivered')) {
      await outbox.complete(claim);
      return;
    }
    if (!this.options.send) {
      await outbox.retryAt(claim, this.now() + UNCONFIGURED_RECHECK_MS);
      return;
    }
    if (request.status !== 'delivered') {
      // The request itself is still on its way (or dead-lettered, until replayed): look again later.
      const delay = Math.min(UNCONFIGURED_RECHECK_MS, retryDelayMs(waits + 1, this.options.retry, this.random));
      await outbox.retryAt(claim, this.now() + delay, { ...claim.item.payload, waits: waits + 1 });
      return;
    }
    const attempt = claim.item.attempts - waits - (claim.item.payload.probes ?? 0);
    const result = await this.options.send(withdrawalEventId(request.id), JSON.stringify(withdrawnEvent(request)));
    const log = { requestId: request.id, kind: request.kind, event: 'withdrawn', attempt };
    if (result.ok) {
      await this.record(key, { withdrawal: { delivery: 'delivered' } });
      await outbox.complete(claim);
      this.options.metrics?.delivery('delivered');
      logger.info({ ...log, status: result.status }, 'request withdrawal delivered');
      await this.delivered(claim);
      return;
    }
    if (await this.retryLater(claim, result, attempt, log)) return;
    this.waiting.delete(claim.item.id);
    const failed = await this.record(key, { withdrawal: { delivery: 'failed', failure: result.reason } });
    await this.deadLettered(claim, failed, { ...log, reason: result.reason }, 'request withdrawal dead-lettered');
  }

  /** Schedules another attempt when the answer allows one; false when the event is to be dead-lettered. */
  private async retryLater(claim: Claim<DeliveryJob>, result: OutboundResult & { ok: false }, attempt: number, log: object): Promise<boolean> {
    if (result.verdict !== 'retry' || attempt >= this.options.retry.maxAttempts) return false;
    const delay = result.retryAfterMs ?? retryDelayMs(attempt, this.options.retry, this.random);
    await this.options.outbox.retryAt(claim, this.now() + delay);
    this.options.metrics?.delivery('retry');
    this.unreachable = true;
    // A receiver that said when to come back is taken at its word; the rest may be probed early.
    if (result.retryAfterMs === undefined) this.waiting.set(claim.item.id, this.now() + delay);
    else this.waiting.delete(claim.item.id);
    this.options.logger.warn({ ...log, reason: result.reason, retryInMs: delay }, 'request delivery will be retried');
    return true;
  }

  /**
   * An event went through: the receiver answers, so whatever waits on an earlier failure goes now,
   * and a hold the admins were told of is over.
   */
  private async delivered(claim: Claim<DeliveryJob>, alsoDue: readonly string[] = []): Promise<void> {
    this.waiting.delete(claim.item.id);
    const wasHolding = this.unreachable || !this.flowingSeen;
    this.unreachable = false;
    this.flowingSeen = true;
    const due = [...this.waiting.keys(), ...alsoDue];
    this.waiting.clear();
    try {
      for (const id of due) await this.options.outbox.advance(id);
      if (wasHolding) await this.options.hold?.flowing();
    } catch (err) {
      // What was not moved goes at its own time; the hold record is cleared by the next success.
      this.flowingSeen = !wasHolding;
      this.options.logger.warn({ code: errorCode(err) }, 'sending waiting requests early failed');
    }
  }

  private async held(request: PrivacyRequest, reason: HoldReason): Promise<void> {
    await this.options.hold
      ?.held(request, reason)
      .catch((err: unknown) =>
        this.options.logger.warn({ requestId: request.id, err: String((err as Error)?.name) }, 'telling admins of held requests failed'),
      );
  }

  private async deadLettered(
    claim: Claim<DeliveryJob>,
    failed: PrivacyRequest | undefined,
    log: { readonly requestId: string; readonly [field: string]: unknown },
    message: string,
  ): Promise<void> {
    const { logger } = this.options;
    await this.options.outbox.complete(claim);
    this.options.metrics?.delivery('dead_letter');
    logger.error({ ...log, code: 'WEBHOOK_FAILED' }, message);
    if (failed)
      await this.options
        .onDeadLetter?.(failed)
        .catch((err: unknown) => logger.warn({ requestId: log.requestId, err: String((err as Error)?.name) }, 'dead-letter alert failed'));
  }

  /** Writes a status change on top of whatever is stored now; another instance may have written since. */
  private async record(key: string, change: Partial<PrivacyRequest>): Promise<PrivacyRequest | undefined> {
    for (let tries = 0; tries < 5; tries++) {
      const current = await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, key);
      if (!current) return undefined;
      const next = { ...current.value, ...change };
      if (await unlessConflict(this.options.store.put(REQUESTS_COLLECTION, key, next, { etag: current.etag }))) return next;
    }
    throw new AppError('STORAGE_CONFLICT', 'request status kept changing underneath', { requestId: key.split('.').pop() });
  }
}

/**
 * The withdrawal, in the same envelope: which request, and when. Nothing more is needed by whoever
 * already holds the request, so no personal data travels with it.
 */
export function withdrawnEvent(request: PrivacyRequest) {
  const withdrawnAt = request.progress?.closedAt ?? request.progress?.updatedAt ?? request.submittedAt;
  return {
    type: 'privacy.request.withdrawn',
    timestamp: withdrawnAt,
    data: { id: request.id, kind: request.kind, submittedAt: request.submittedAt, dueBy: request.dueBy, withdrawnAt },
  };
}

/** The body the privacy team receives, as the contract gives it. Stable across retries. */
export function webhookEvent(request: PrivacyRequest) {
  return {
    type: 'privacy.request.created',
    timestamp: request.submittedAt,
    data: {
      id: request.id,
      kind: request.kind,
      submittedAt: request.submittedAt,
      dueBy: request.dueBy,
      requester: request.requester,
      details: request.details,
      source: { channelId: request.source.channelId, conversationId: request.source.conversationId },
    },
  };
}
