/**
 * Notices as durable jobs: one record for the notice, one per target team, and one work item per
 * target that any instance may take. A target is posted once: its record says pending, sent or
 * failed, and only pending targets are posted, so a restart resumes the rest without repeats.
 *
 * The one window for a duplicate: Teams accepts a post and the process dies before the target's
 * "sent" is written (a single local write, milliseconds). The retaken item then posts again. Teams
 * offers no idempotency key for channel posts, so this window can be narrowed but not closed.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger';
import { unlessConflict, type Store } from '../storage/store';
import { retryDelayMs, type Claim, type WorkQueue } from '../storage/work-queue';
import type { InstallationRegistry } from './installations';
import type { NoticePublisher } from './publisher';
import type { TeamsRateLimiter } from './rate-limiter';
import type { Notice, NoticeContent, NoticeOrigin, NoticeStatus, NoticeTarget } from './types';

export const NOTICES_COLLECTION = 'notices';
export const TARGETS_COLLECTION = 'noticetargets';
export const NOTICE_WORK_COLLECTION = 'noticework';

export interface NoticeJob {
  readonly noticeId: string;
  readonly teamId: string;
}

export interface NoticeServiceOptions {
  readonly store: Pick<Store, 'get' | 'put' | 'list' | 'delete'>;
  readonly installations: InstallationRegistry;
  readonly queue: WorkQueue<NoticeJob>;
  readonly limiter: TeamsRateLimiter;
  readonly publisher: NoticePublisher;
  readonly logger: Logger;
  readonly now?: () => number;
}

const MAX_ATTEMPTS = 12;
/** Longer waits go back to the queue rather than holding a worker slot. */
const MAX_WAIT_IN_HAND_MS = 5000;
const PROGRESS_EVERY_MS = 1000;

export class NoticeService {
  private readonly now: () => number;
  private readonly notices = new Map<string, Notice>();
  private readonly progressTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: NoticeServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  newId(): string {
    return `NT-${randomBytes(8).toString('hex').toUpperCase()}`;
  }

  /**
   * Stores the notice and a pending target per team, then queues them. Creating the same id twice
   * (a double click on Send) returns the first notice.
   */
  async create(content: NoticeContent, options: { id?: string; teamIds?: readonly string[]; via: Notice['via']; origin?: NoticeOrigin }): Promise<Notice> {
    const id = options.id ?? this.newId();
    const existing = await this.notice(id);
    if (existing) return existing;
    const wanted = options.teamIds ? new Set(options.teamIds) : undefined;
    const installations = (await this.options.installations.active()).filter((item) => !wanted || wanted.has(item.teamId));
    const notice: Notice = { ...content, id, createdAt: new Date(this.now()).toISOString(), targets: installations.length, via: options.via, ...(options.origin ? { origin: options.origin } : {}) };
    // Lost to a simultaneous create of the same id: that one is the notice.
    if (!(await unlessConflict(this.options.store.put(NOTICES_COLLECTION, id, notice, { ifAbsent: true })))) return (await this.notice(id))!;
    for (let i = 0; i < installations.length; i += 20) {
      await Promise.all(installations.slice(i, i + 20).map((installation) => this.addTarget(id, installation.teamId)));
    }
    this.options.logger.info({ noticeId: id, targets: installations.length, via: options.via }, 'notice created');
    return notice;
  }

  async notice(id: string): Promise<Notice | undefined> {
    const cached = this.notices.get(id);
    if (cached) return cached;
    const stored = await this.options.store.get<Notice>(NOTICES_COLLECTION, id);
    if (stored) this.notices.set(id, stored.value);
    return stored?.value;
  }

  async status(id: string): Promise<NoticeStatus | undefined> {
    const notice = await this.notice(id);
    if (!notice) return undefined;
    const targets = await this.options.store.list<NoticeTarget>(TARGETS_COLLECTION, { prefix: `${id}.` });
    const count = (state: NoticeTarget['state']) => targets.filter((item) => item.value.state === state).length;
    // Targets not written yet (creation still running) count as pending.
    const delivered = count('sent');
    const failed = count('failed');
    const pending = notice.targets - delivered - failed;
    return { id, status: pending > 0 ? 'sending' : 'done', targets: notice.targets, delivered, failed, pending };
  }

  /** Re-queues pending targets whose work item is missing (a crash during creation). */
  async requeuePending(): Promise<number> {
    let queued = 0;
    for (const item of await this.options.store.list<NoticeTarget>(TARGETS_COLLECTION)) {
      if (item.value.state === 'pending' && (await this.options.queue.enqueue(item.key, { noticeId: item.value.noticeId, teamId: item.value.teamId }))) queued++;
    }
    return queued;
  }

  readonly handle = async (claim: Claim<NoticeJob>): Promise<void> => {
    const { noticeId, teamId } = claim.item.payload;
    const key = targetKey(noticeId, teamId);
    const target = await this.options.store.get<NoticeTarget>(TARGETS_COLLECTION, key);
    const notice = await this.notice(noticeId);
    if (!target || target.value.state !== 'pending' || !notice) {
      await this.options.queue.complete(claim);
      return;
    }
    const installation = await this.options.installations.get(teamId);
    if (!installation) {
      await this.settle(claim, key, { state: 'failed', reason: 'uninstalled' });
      return;
    }
    const conversationId = installation.reference.conversation.id;
    for (;;) {
      const slot = this.options.limiter.reserve(conversationId, installation.tenantId);
      const wait = 'waitMs' in slot ? slot.waitMs : slot.heldForMs;
      if (wait > MAX_WAIT_IN_HAND_MS) {
        await this.options.queue.retryAt(claim, this.now() + wait);
        return;
      }
      if (wait > 0) await sleep(wait);
      if ('waitMs' in slot) break;
    }

    const result = await this.options.publisher.post(installation.reference, notice);
    if (result.ok) {
      await this.settle(claim, key, { state: 'sent', ...(result.activityId ? { activityId: result.activityId } : {}) });
      return;
    }
    if (result.verdict === 'retry' && claim.item.attempts < MAX_ATTEMPTS) {
      const delay = Math.max(result.retryAfterMs ?? 0, retryDelayMs(claim.item.attempts, { baseMs: 1000, maxMs: 60_000 }));
      this.options.limiter.holdOff(conversationId, this.now() + delay);
      await this.options.queue.retryAt(claim, this.now() + delay);
      this.options.logger.warn({ noticeId, status: result.status, retryInMs: delay }, 'notice post throttled; retrying that team');
      return;
    }
    // Teams answers 403 to a bot removed from the team and 404 when the channel is gone.
    if (result.verdict === 'gone' || result.status === 403) await this.options.installations.markStale(teamId, new Date(this.now()));
    await this.settle(claim, key, { state: 'failed', reason: `http-${result.status}` });
    this.options.logger.warn({ noticeId, status: result.status }, 'notice post failed');
  };

  private async addTarget(noticeId: string, teamId: string): Promise<void> {
    const key = targetKey(noticeId, teamId);
    const target: NoticeTarget = { noticeId, teamId, state: 'pending' };
    // Already there from an earlier, interrupted create: queue it all the same.
    await unlessConflict(this.options.store.put(TARGETS_COLLECTION, key, target, { ifAbsent: true }));
    await this.options.queue.enqueue(key, { noticeId, teamId });
  }

  private async settle(claim: Claim<NoticeJob>, key: string, change: Pick<NoticeTarget, 'state'> & Partial<NoticeTarget>): Promise<void> {
    const current = await this.options.store.get<NoticeTarget>(TARGETS_COLLECTION, key);
    if (current && current.value.state === 'pending') {
      await this.options.store.put(TARGETS_COLLECTION, key, { ...current.value, ...change, settledAt: new Date(this.now()).toISOString() }, { etag: current.etag });
    }
    await this.options.queue.complete(claim);
    this.progress(claim.item.payload.noticeId);
  }

  /** Coalesces progress reports: the summary card is updated about once a second, and at the end. */
  private progress(noticeId: string): void {
    if (this.progressTimers.has(noticeId)) return;
    const timer = setTimeout(() => {
      this.progressTimers.delete(noticeId);
      void (async () => {
        const notice = await this.notice(noticeId);
        if (!notice?.origin) return;
        const status = await this.status(noticeId);
        if (status) await this.options.publisher.showProgress(notice.origin, notice, status);
      })().catch((err: unknown) => this.options.logger.warn({ noticeId, err: String((err as Error)?.name) }, 'notice progress update failed'));
    }, PROGRESS_EVERY_MS);
    timer.unref?.();
    this.progressTimers.set(noticeId, timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function targetKey(noticeId: string, teamId: string): string {
  return `${noticeId}.${teamId}`;
}
