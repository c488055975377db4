/**
 * What happens to one team's copy of a notice: posted, updated after an edit, deleted by a recall.
 * Each is a work item, paced by the one rate limiter and retried by the same rules, and each records
 * its outcome on the team's target record, counted in the notice's tallies.
 *
 * A copy is posted once: a team's target record is written when its post is settled (sent, failed,
 * or cancelled by a recall), and a post job whose target has a record posts nothing. (A record
 * written as "pending" when the notice was released, as earlier versions did, counts as none.) The
 * one window for a duplicate: Teams
 * accepts a post and the process dies before the target's "sent" is written (a single write,
 * milliseconds). The retaken item then posts again; Teams offers no idempotency key for channel posts.
 *
 * Edits and recalls race with posts in flight. A post reads the notice before it posts and again
 * after it records the copy; an edit or recall writes the notice before it lists the copies. So a
 * copy posted while the notice changed is either listed by the edit or recall, or sees the change on
 * its second read and queues its own update or delete.
 */
import type { TeamsRateLimiter } from '../limits/teams-rate-limiter';
import type { Logger } from '../logger';
import type { OutboundResult } from '../outbound/outcome';
import { unlessConflict, type Store, type StoredItem } from '../storage/store';
import { retryDelayMs, type Claim, type WorkQueue } from '../storage/work-queue';
import type { InstallationRegistry } from './installations';
import type { NoticePublisher } from './publisher';
import { queueDelete, queueUpdate, readNotice, readTarget, revisionOf, stamped, TARGETS_COLLECTION, targetKey, type NoticeJob } from './records';
import type { NoticeTallies } from './tallies';
import type { Installation, NoticeTarget } from './types';

export interface CopyJobsOptions {
  readonly store: Pick<Store, 'get' | 'put' | 'listRange'>;
  readonly installations: InstallationRegistry;
  readonly queue: WorkQueue<NoticeJob>;
  readonly limiter: TeamsRateLimiter;
  readonly publisher: NoticePublisher;
  readonly tallies: NoticeTallies;
  readonly logger: Logger;
  /** Something about the notice changed: its summary card may want refreshing. */
  readonly onProgress: (noticeId: string) => void;
  readonly now: () => number;
}

type Job<K extends string> = Extract<NoticeJob, { kind: K }>;
/** A target as read, or (no etag) one with no record yet. */
type Target = Pick<StoredItem<NoticeTarget>, 'key' | 'value'> & { readonly etag?: string };
type PostJob = { readonly noticeId: string; readonly teamId: string };

const MAX_ATTEMPTS = 12;
/** Longer waits go back to the queue rather than holding a worker slot. */
const MAX_WAIT_IN_HAND_MS = 5000;
const MAX_LATE_SLOTS = 3;
/** An update that keeps losing to concurrent ones is put back rather than tried on and on. */
const UPDATE_ROUNDS = 3;

export class CopyJobs {
  constructor(private readonly options: CopyJobsOptions) {}

  async post(claim: Claim<NoticeJob>, job: PostJob): Promise<void> {
    const { noticeId, teamId } = job;
    const [found, notice] = await Promise.all([readTarget(this.options.store, noticeId, teamId), readNotice(this.options.store, noticeId)]);
    if (!notice) return this.done(claim);
    const target: Target = found ?? { key: targetKey(noticeId, teamId), value: { noticeId, teamId, state: 'pending' } };
    if (target.value.state !== 'pending') {
      // Retaken after its process died: make sure what it did was counted, and followed up.
      await this.recountIfLost(target, 'post');
      if (target.value.state === 'sent') await this.followChanges(target.value);
      return this.done(claim);
    }
    if (notice.value.recalledAt) {
      await this.settle(target, { state: 'cancelled' }, 'post', ['cancelled']);
      return this.done(claim);
    }
    const installation = await this.readyToSend(claim, target, { state: 'failed', reason: 'uninstalled' }, 'post', ['failed']);
    if (!installation) return;

    const revision = revisionOf(notice.value);
    const result = await this.options.publisher.post(installation.reference, notice.value);
    if (result.ok) {
      const change: Partial<NoticeTarget> = { state: 'sent', postedRevision: revision, ...(result.activityId ? { activityId: result.activityId } : {}) };
      const sent = await this.settle(target, change, 'post', ['sent', `rev:${revision}`]);
      if (sent) await this.followChanges({ ...target.value, ...change });
      return this.done(claim);
    }
    if (await this.retryLater(claim, installation, result, 'post')) return;
    // Teams answers 403 to a bot removed from the team and 404 when the channel is gone.
    if (result.verdict === 'gone' || result.status === 403) await this.options.installations.markStale(teamId, new Date(this.options.now()));
    await this.settle(target, { state: 'failed', reason: `http-${result.status}` }, 'post', ['failed']);
    this.options.logger.warn({ noticeId, status: result.status }, 'notice post failed');
    return this.done(claim);
  }

  /** Brings a posted copy to the notice's latest revision. */
  async update(claim: Claim<NoticeJob>, job: Job<'update'>): Promise<void> {
    const { noticeId, teamId } = job;
    for (let round = 0; round < UPDATE_ROUNDS; round++) {
      const [target, notice] = await Promise.all([readTarget(this.options.store, noticeId, teamId), readNotice(this.options.store, noticeId)]);
      if (!target || !notice || notice.value.recalledAt || target.value.state !== 'sent' || target.value.recall || !target.value.activityId)
        return this.done(claim);
      const revision = revisionOf(notice.value);
      const shown = target.value.postedRevision ?? 1;
      // After a lost write the copy is sent again regardless: the other writer's call may have reached Teams after ours.
      if (round === 0 && shown >= revision) {
        await this.recountIfLost(target, 'update');
        return this.done(claim);
      }
      const installation = await this.readyToSend(claim, target, { updateFailedRevision: revision }, 'update', [`revFailed:${revision}`]);
      if (!installation) return;
      const result = await this.options.publisher.update(installation.reference, target.value.activityId, notice.value);
      if (!result.ok) {
        if (await this.retryLater(claim, installation, result, 'update')) return;
        // The copy was deleted in Teams, or the bot removed: nothing left to update.
        await this.settle(target, { updateFailedRevision: revision }, 'update', [`revFailed:${revision}`]);
        this.options.logger.warn({ noticeId, status: result.status }, 'notice update failed');
        return this.done(claim);
      }
      if (await this.settle(target, { postedRevision: Math.max(shown, revision) }, 'update', shown < revision ? [`rev:${revision}`] : []))
        return this.done(claim);
    }
    await this.options.queue.retryAt(claim, this.options.now() + 1000);
  }

  /** Deletes a posted copy (a recall). */
  async delete(claim: Claim<NoticeJob>, job: Job<'delete'>): Promise<void> {
    const { noticeId, teamId } = job;
    const target = await readTarget(this.options.store, noticeId, teamId);
    if (!target || target.value.state !== 'sent' || !target.value.activityId) return this.done(claim);
    if (target.value.recall) {
      await this.recountIfLost(target, 'recall');
      return this.done(claim);
    }
    const installation = await this.readyToSend(claim, target, { recall: 'failed', reason: 'uninstalled' }, 'recall', ['deleteFailed']);
    if (!installation) return;
    const result = await this.options.publisher.delete(installation.reference, target.value.activityId);
    // Already gone (someone deleted it in Teams) is as good as deleted.
    if (result.ok || result.verdict === 'gone') {
      await this.settle(target, { recall: 'deleted' }, 'recall', ['deleted']);
      return this.done(claim);
    }
    if (await this.retryLater(claim, installation, result, 'delete')) return;
    await this.settle(target, { recall: 'failed', reason: `http-${result.status}` }, 'recall', ['deleteFailed']);
    this.options.logger.warn({ noticeId, status: result.status }, 'notice delete failed');
    return this.done(claim);
  }

  /** A copy just recorded as posted: if the notice was edited or recalled meanwhile, queue what that asks for. */
  private async followChanges(target: NoticeTarget): Promise<void> {
    const notice = (await readNotice(this.options.store, target.noticeId))?.value;
    if (!notice || target.recall) return;
    if (notice.recalledAt) await queueDelete(this.options.queue, target.noticeId, target.teamId);
    else if (revisionOf(notice) > (target.postedRevision ?? 1)) await queueUpdate(this.options.queue, target.noticeId, target.teamId, revisionOf(notice));
  }

  /**
   * The team's installation once the rate limiter lets this copy go. Undefined when the job stops
   * here: the team has uninstalled the bot (`uninstalled` is recorded and the item completed), or the
   * wait is long and the item went back to the queue.
   */
  private async readyToSend(
    claim: Claim<NoticeJob>,
    target: Target,
    uninstalled: Partial<NoticeTarget>,
    kind: string,
    events: readonly string[],
  ): Promise<Installation | undefined> {
    const installation = await this.options.installations.get(target.value.teamId);
    if (!installation) {
      await this.settle(target, uninstalled, kind, events);
      await this.done(claim);
      return undefined;
    }
    return (await this.paced(claim, installation)) ? installation : undefined;
  }

  /**
   * Waits for the rate limiter's slot. False when the wait is long (a Retry-After): the item went back
   * to the queue for then, and the caller stops.
   */
  private async paced(claim: Claim<NoticeJob>, installation: Installation): Promise<boolean> {
    for (let late = 0; ;) {
      const slot = await this.options.limiter.reserve(installation.reference.conversation.id, installation.tenantId, MAX_WAIT_IN_HAND_MS);
      const wait = 'waitMs' in slot ? slot.waitMs : slot.heldForMs;
      if (wait > MAX_WAIT_IN_HAND_MS) {
        await this.options.queue.retryAt(claim, this.options.now() + wait);
        return false;
      }
      // A slot slept through is booked again, a few times at most: a machine that keeps stalling still sends.
      const slotAt = late < MAX_LATE_SLOTS ? this.options.now() + wait : undefined;
      if (wait > 0) await sleep(wait);
      if ('waitMs' in slot) {
        if (await this.options.limiter.admit(installation.tenantId, slotAt)) return true;
        late++;
      }
    }
  }

  /** Throttled or a passing failure: hold the conversation back and put the item back. False when out of attempts or for good. */
  private async retryLater(claim: Claim<NoticeJob>, installation: Installation, result: OutboundResult, what: string): Promise<boolean> {
    if (result.ok || result.verdict !== 'retry' || claim.item.attempts >= MAX_ATTEMPTS) return false;
    const delay = Math.max(result.retryAfterMs ?? 0, retryDelayMs(claim.item.attempts, { baseMs: 1000, maxMs: 60_000 }));
    this.options.limiter.holdOff(installation.reference.conversation.id, this.options.now() + delay);
    await this.options.queue.retryAt(claim, this.options.now() + delay);
    this.options.logger.warn(
      { noticeId: claim.item.payload.noticeId, status: result.status, retryInMs: delay },
      `notice ${what} throttled; retrying that team`,
    );
    return true;
  }

  /** Writes a change to the target if nobody changed it since it was read (or wrote it, if it had no record), and counts it. */
  private async settle(target: Target, change: Partial<NoticeTarget>, kind: string, events: readonly string[]): Promise<boolean> {
    const settledAt = new Date(this.options.now()).toISOString();
    const written = await this.options.tallies.count(target.value.noticeId, events, async (stamp) => {
      const next = stamped(target.value, { ...change, settledAt }, kind, stamp);
      const condition = target.etag ? { etag: target.etag } : { ifAbsent: true as const };
      return (await unlessConflict(this.options.store.put(TARGETS_COLLECTION, target.key, next, condition))) !== undefined;
    });
    if (written) this.options.onProgress(target.value.noticeId);
    return written;
  }

  /** A change recorded by a process that died before its tally was stored is counted again, under this one's stamp. */
  private async recountIfLost(target: Target, kind: string): Promise<void> {
    const stamp = target.value.stamps?.[kind];
    if (!stamp || (await this.options.tallies.counted(target.value.noticeId, stamp))) return;
    await this.settle(target, {}, kind, stamp.events);
  }

  private async done(claim: Claim<NoticeJob>): Promise<void> {
    await this.options.queue.complete(claim);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
