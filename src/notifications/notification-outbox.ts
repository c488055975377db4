/**
 * Durable delivery of notifications: each is a work item, so one queued while Teams throttles, or
 * just before a restart, still arrives; any instance may send it. Throttling and gateway trouble are
 * retried with backoff (honouring Retry-After); a person Teams will not let us reach, or a kind
 * nobody renders, is dropped with a log line naming the id and kind, never the content.
 */
import { errorCode } from '../errors';
import type { TeamsRateLimiter } from '../limits/teams-rate-limiter';
import type { Logger } from '../logger';
import { retryDelayMs, type Claim, type WorkQueue } from '../storage/work-queue';
import type { PersonalMessenger } from './messenger';
import type { Notification } from './types';

export const NOTIFICATIONS_COLLECTION = 'notifyoutbox';

export interface NotificationOutboxOptions {
  readonly queue: WorkQueue<Notification>;
  readonly messenger: PersonalMessenger;
  /** The bot's one Teams pacing: each message waits for its slot (keyed by the person, whose chat it opens). */
  readonly pacing: Pick<TeamsRateLimiter, 'pace'>;
  readonly logger: Logger;
  readonly retry?: { readonly baseMs: number; readonly maxMs: number; readonly maxAttempts: number };
  readonly now?: () => number;
}

/** Teams throttles a burst for seconds, not hours: a dozen attempts over about an hour is plenty. */
const DEFAULT_RETRY = { baseMs: 2000, maxMs: 10 * 60_000, maxAttempts: 12 };

export class NotificationOutbox {
  private readonly now: () => number;

  constructor(private readonly options: NotificationOutboxOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Queues it; false when a notification with this id is already waiting. */
  send(notification: Notification): Promise<boolean> {
    return this.options.queue.enqueue(notification.id, notification);
  }

  readonly handle = async (claim: Claim<Notification>): Promise<void> => {
    const { queue, logger } = this.options;
    const notification = claim.item.payload;
    const retry = this.options.retry ?? DEFAULT_RETRY;
    let result;
    try {
      await this.options.pacing.pace(notification.to.userId, notification.to.tenantId);
      result = await this.options.messenger.send(notification);
    } catch (err) {
      result = { ok: false as const, verdict: 'retry' as const, status: 0, reason: errorCode(err) };
    }
    const log = { notificationId: notification.id, kind: notification.kind, attempt: claim.item.attempts };
    if (result.ok) {
      await queue.complete(claim);
      logger.info(log, 'notification sent');
      return;
    }
    if (result.verdict === 'retry' && claim.item.attempts < retry.maxAttempts) {
      const delay = Math.max(result.retryAfterMs ?? 0, retryDelayMs(claim.item.attempts, retry));
      await queue.retryAt(claim, this.now() + delay);
      logger.warn({ ...log, reason: result.reason, retryInMs: delay }, 'notification will be retried');
      return;
    }
    await queue.complete(claim);
    logger.warn({ ...log, reason: result.reason }, 'notification dropped');
  };
}
