/**
 * The jobs that act on all of a notice's teams at once: releasing it (a queued post per team), an edit or a recall (an update or delete queued per posted copy), and erasing it. Each works
 * through one page of records per turn and puts itself back with the last key it saw, so a page is
 * a few seconds however many teams there are, and a job cut off by a restart resumes at its page.
 *
 * Each job is queued before the change it acts on is written (the notice record), so a process that
 * dies between the two leaves a job that finds nothing to do, never a change with no job. A job that
 * finds the record not yet changed waits a little for it, then gives up.
 */
import type { Logger } from '../logger';
import { unlessConflict, type Store } from '../storage/store';
import type { Claim, WorkQueue } from '../storage/work-queue';
import type { InstallationRegistry } from './installations';
import {
  ACKNOWLEDGEMENTS_COLLECTION,
  AUDIENCE_COLLECTION,
  audienceKey,
  NOTICES_COLLECTION,
  pageAfter,
  PAGE_SIZE,
  queueDelete,
  queueUpdate,
  readNotice,
  revisionOf,
  TARGETS_COLLECTION,
  targetKey,
  type NoticeJob,
} from './records';
import type { NoticeTallies } from './tallies';
import type { Installation, Notice, NoticeTarget } from './types';

export interface FanOutOptions {
  readonly store: Pick<Store, 'get' | 'put' | 'delete' | 'listRange'>;
  readonly installations: InstallationRegistry;
  readonly queue: WorkQueue<NoticeJob>;
  readonly tallies: NoticeTallies;
  readonly logger: Logger;
  readonly onProgress: (noticeId: string) => void;
  /** Whether the notice's copies are all settled after a recall (the purge waits for that). */
  readonly recallFinished: (noticeId: string) => Promise<boolean>;
  readonly now: () => number;
}

type Job<K extends string> = Extract<NoticeJob, { kind: K }>;

/**
 * How a job waits for the record change it was queued ahead of: the change is usually written
 * milliseconds later, so it looks again soon, then less often, and gives up after about a minute.
 */
const WAIT_FOR_CHANGE_ATTEMPTS = 12;
const WAIT_FOR_CHANGE_FIRST_MS = 50;
const WAIT_FOR_CHANGE_MAX_MS = 10_000;
/** How often a purge looks again whether the recall has finished. */
const PURGE_RECHECK_MS = 2000;

export class FanOut {
  constructor(private readonly options: FanOutOptions) {}

  /** Lists the notice's teams a page at a time and queues a post for each. */
  async release(claim: Claim<NoticeJob>, job: Job<'release'>): Promise<void> {
    const notice = (await readNotice(this.options.store, job.noticeId))?.value;
    if (!notice) return this.waitForChange(claim);
    if (notice.released) return this.done(claim);
    const listed = job.listed ?? 0;
    if (notice.recalledAt) return this.finishRelease(claim, notice, listed);

    const page = notice.chosenTeams ? await this.chosenPage(job.noticeId, job.cursor) : await this.installedPage(job.cursor);
    await inBatches(page.teams, (teamId) => this.addTarget(job.noticeId, teamId));
    if (page.next !== undefined) {
      await this.nextPage(claim, { ...job, cursor: page.next, listed: listed + page.teams.length });
      return;
    }
    await this.finishRelease(claim, notice, listed + page.teams.length);
  }

  /** Queues an update for every posted copy showing an older revision. */
  async edit(claim: Claim<NoticeJob>, job: Job<'edit'>): Promise<void> {
    const notice = (await readNotice(this.options.store, job.noticeId))?.value;
    if (!notice || revisionOf(notice) < job.revision) return this.waitForChange(claim);
    // A later edit has its own job; a recall deletes the copies instead.
    if (revisionOf(notice) > job.revision || notice.recalledAt) return this.done(claim);
    await this.eachTargetPage(claim, job, async (target) => {
      if (target.state !== 'sent' || target.recall || (target.postedRevision ?? 1) >= job.revision) return;
      await queueUpdate(this.options.queue, target.noticeId, target.teamId, job.revision);
    });
  }

  /** Queues a delete for every posted copy. Targets not posted yet stop when their post comes up. */
  async recall(claim: Claim<NoticeJob>, job: Job<'recall'>): Promise<void> {
    const notice = (await readNotice(this.options.store, job.noticeId))?.value;
    if (!notice?.recalledAt) return this.waitForChange(claim);
    await this.eachTargetPage(claim, job, async (target) => {
      if (target.state !== 'sent' || target.recall) return;
      await queueDelete(this.options.queue, target.noticeId, target.teamId);
    });
  }

  /**
   * Erases the acknowledgements (after the retention period, or with the notice). A purge then waits
   * for the recall to finish and erases the rest: targets, tallies, the chosen teams and the notice.
   */
  async erase(claim: Claim<NoticeJob>, job: Job<'erase'>): Promise<void> {
    const stored = await readNotice(this.options.store, job.noticeId);
    if (!stored) return this.done(claim);
    if (job.purge && !stored.value.recalledAt) return this.waitForChange(claim);
    if (!stored.value.acknowledgementsErasedAt) {
      const erased: Notice = { ...stored.value, acknowledgementsErasedAt: new Date(this.options.now()).toISOString() };
      // Lost to a concurrent change of the notice: the next turn tries again.
      if (!(await unlessConflict(this.options.store.put(NOTICES_COLLECTION, job.noticeId, erased, { etag: stored.etag })))) return this.again(claim, 0);
      this.options.onProgress(job.noticeId);
    }
    if (await this.deletePage(ACKNOWLEDGEMENTS_COLLECTION, job.noticeId)) return this.again(claim, 0);
    if (!job.purge) {
      this.options.logger.info({ noticeId: job.noticeId }, 'notice acknowledgements erased');
      return this.done(claim);
    }
    if (!(await this.options.recallFinished(job.noticeId))) return this.again(claim, PURGE_RECHECK_MS);
    if (await this.deletePage(TARGETS_COLLECTION, job.noticeId)) return this.again(claim, 0);
    if (await this.deletePage(AUDIENCE_COLLECTION, job.noticeId)) return this.again(claim, 0);
    await this.options.tallies.erase(job.noticeId);
    await this.options.store.delete(NOTICES_COLLECTION, job.noticeId);
    this.options.logger.info({ noticeId: job.noticeId }, 'notice purged');
    return this.done(claim);
  }

  private async finishRelease(claim: Claim<NoticeJob>, notice: Notice, listed: number): Promise<void> {
    for (;;) {
      const stored = await readNotice(this.options.store, notice.id);
      if (!stored) return this.done(claim);
      const released: Notice = { ...stored.value, released: true, targets: listed };
      if (await unlessConflict(this.options.store.put(NOTICES_COLLECTION, notice.id, released, { etag: stored.etag }))) break;
    }
    this.options.logger.info({ noticeId: notice.id, targets: listed }, 'notice released');
    this.options.onProgress(notice.id);
    return this.done(claim);
  }

  /** A team's post, queued (queueing twice, after a turn cut short, is a no-op). Its target record comes when the post settles. */
  private async addTarget(noticeId: string, teamId: string): Promise<void> {
    await this.options.queue.enqueue(targetKey(noticeId, teamId), { noticeId, teamId });
  }

  private async installedPage(cursor: string | undefined): Promise<{ teams: string[]; next?: string }> {
    const page = await this.options.installations.activePage(cursor, PAGE_SIZE);
    return { teams: page.active.map((item) => item.teamId), ...(page.next !== undefined ? { next: page.next } : {}) };
  }

  /** One chunk of the chosen teams (the cursor is the chunk's number), those installed and active. */
  private async chosenPage(noticeId: string, cursor: string | undefined): Promise<{ teams: string[]; next?: string }> {
    const chunk = Number(cursor ?? 0);
    const stored = await this.options.store.get<{ teamIds: string[] }>(AUDIENCE_COLLECTION, audienceKey(noticeId, chunk));
    if (!stored) return { teams: [] };
    const installed = await Promise.all(stored.value.teamIds.map((teamId) => this.options.installations.get(teamId)));
    const teams = installed.filter((item): item is Installation => item !== undefined && !item.staleSince).map((item) => item.teamId);
    const more = await this.options.store.get(AUDIENCE_COLLECTION, audienceKey(noticeId, chunk + 1));
    return { teams, ...(more ? { next: String(chunk + 1) } : {}) };
  }

  private async eachTargetPage(claim: Claim<NoticeJob>, job: Job<'edit'> | Job<'recall'>, each: (target: NoticeTarget) => Promise<void>): Promise<void> {
    const page = await pageAfter<NoticeTarget>(this.options.store, TARGETS_COLLECTION, job.noticeId, job.cursor);
    await inBatches(page.items, (item) => each(item.value));
    if (page.full) {
      await this.nextPage(claim, { ...job, cursor: page.items.at(-1)!.key });
      return;
    }
    this.options.onProgress(job.noticeId);
    return this.done(claim);
  }

  /** Deletes one page of the notice's records in `collection`; true when there may be more. */
  private async deletePage(collection: string, noticeId: string): Promise<boolean> {
    const page = await pageAfter(this.options.store, collection, noticeId, undefined);
    await inBatches(page.items, (item) => this.options.store.delete(collection, item.key));
    return page.full;
  }

  /**
   * Puts the job back for its next page, due when it was first queued: the queue is taken earliest
   * first, so the next page comes before the posts (or updates, or deletes) this page queued, and the
   * whole notice is queued in the time its pages take rather than in the time its posts take.
   */
  private async nextPage(claim: Claim<NoticeJob>, job: NoticeJob): Promise<void> {
    await this.options.queue.retryAt(claim, Math.min(claim.item.createdAt, this.options.now()), job);
  }

  private async waitForChange(claim: Claim<NoticeJob>): Promise<void> {
    if (claim.item.attempts >= WAIT_FOR_CHANGE_ATTEMPTS) return this.done(claim);
    const wait = Math.min(WAIT_FOR_CHANGE_MAX_MS, WAIT_FOR_CHANGE_FIRST_MS * 2 ** (claim.item.attempts - 1));
    await this.options.queue.retryAt(claim, this.options.now() + wait);
  }

  private async again(claim: Claim<NoticeJob>, afterMs: number): Promise<void> {
    await this.options.queue.retryAt(claim, this.options.now() + afterMs);
  }

  private async done(claim: Claim<NoticeJob>): Promise<void> {
    await this.options.queue.complete(claim);
  }
}

/** Writes of a page run this many at a time: fast enough to keep posts coming, without swamping the store. */
const BATCH = 50;

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await Promise.all(items.slice(i, i + BATCH).map(work));
}
