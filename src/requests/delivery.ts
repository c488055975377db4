/**
 * The outbox's delivery step: reads the request, sends it, and records what happened. Delivery is
 * at least once (a crash after the receiver's 2xx and before the status write sends it again); the
 * event id is the request id on every attempt, so receivers deduplicate on `webhook-id`.
 */
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { OutboundResult } from '../outbound/outcome';
import { unlessConflict, type Store } from '../storage/store';
import { retryDelayMs, type Claim, type WorkQueue } from '../storage/work-queue';
import { REQUESTS_COLLECTION, type DeliveryJob } from './request-service';
import type { PrivacyRequest } from './types';

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
  /** Told about each dead-lettered request, to alert the privacy admins. */
  readonly onDeadLetter?: (request: PrivacyRequest) => Promise<void>;
  readonly now?: () => number;
  readonly random?: () => number;
}

/** How long a request waits while no webhook is configured before the outbox looks again. */
const UNCONFIGURED_RECHECK_MS = 60 * 60 * 1000;

export class RequestDelivery {
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: DeliveryOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  readonly handle = async (claim: Claim<DeliveryJob>): Promise<void> => {
    const { outbox, logger } = this.options;
    const stored = await this.options.store.get<PrivacyRequest>(REQUESTS_COLLECTION, claim.item.payload.key);
    if (!stored || stored.value.status !== 'received') {
      // Already delivered or dead-lettered by an instance whose lease lapsed mid-way: nothing to send.
      await outbox.complete(claim);
      return;
    }
    const request = stored.value;
    if (!this.options.send) {
      await outbox.retryAt(claim, this.now() + UNCONFIGURED_RECHECK_MS);
      return;
    }
    const attempt = claim.item.attempts;
    const result = await this.options.send(request.id, JSON.stringify(webhookEvent(request)));
    if (result.ok) {
      await this.record(claim.item.payload.key, { status: 'delivered', deliveredAt: new Date(this.now()).toISOString() });
      await outbox.complete(claim);
      logger.info({ requestId: request.id, kind: request.kind, attempt, status: result.status }, 'request delivered');
      return;
    }
    if (result.verdict === 'retry' && attempt < this.options.retry.maxAttempts) {
      const delay = result.retryAfterMs ?? retryDelayMs(attempt, this.options.retry, this.random);
      await outbox.retryAt(claim, this.now() + delay);
      logger.warn({ requestId: request.id, attempt, reason: result.reason, retryInMs: delay }, 'request delivery will be retried');
      return;
    }
    const failure = result.reason;
    const failed = await this.record(claim.item.payload.key, { status: 'failed', failure });
    await outbox.complete(claim);
    logger.error({ requestId: request.id, kind: request.kind, attempt, reason: failure, code: 'WEBHOOK_FAILED' }, 'request dead-lettered');
    if (failed) await this.options.onDeadLetter?.(failed).catch((err: unknown) => logger.warn({ requestId: request.id, err: String((err as Error)?.name) }, 'dead-letter alert failed'));
  };

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
