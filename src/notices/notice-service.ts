/**
 * Notices as durable jobs: one record for the notice, one per target team, one work item per thing
 * to do (list the teams, post a copy, update it after an edit, delete it in a recall, erase the
 * notice), any of which any instance may take. What happened is counted in tallies, so a status is a
 * few reads whatever the number of teams. The service decides what goes where and when; Teams is
 * reached through the `NoticePublisher` port.
 */
import { randomBytes } from 'node:crypto';
import type { TeamsRateLimiter } from '../limits/teams-rate-limiter';
import type { Logger } from '../logger';
import { unlessConflict, type Store } from '../storage/store';
import type { Claim, WorkQueue } from '../storage/work-queue';
import { Acknowledgements, type AcknowledgeResult, type Reader } from './acknowledgements';
import { CopyJobs } from './copy-jobs';
import { FanOut } from './fan-out';
import type { InstallationRegistry } from './installations';
import type { NoticePublisher } from './publisher';
import { AUDIENCE_CHUNK, AUDIENCE_COLLECTION, audienceKey, NOTICES_COLLECTION, readNotice, revisionOf, TARGETS_COLLECTION, type NoticeJob } from './records';
import { NoticeTallies, type Counts } from './tallies';
import type { Acknowledgement, Notice, NoticeContent, NoticeOrigin, NoticeState, NoticeStatus, NoticeTarget } from './types';
import type { NoticeChanges } from './validate';

export { NOTICES_COLLECTION, NOTICE_WORK_COLLECTION, TARGETS_COLLECTION, targetKey, type NoticeJob } from './records';

export interface NoticeServiceOptions {
  readonly store: Pick<Store, 'get' | 'put' | 'list' | 'delete' | 'listRange' | 'sharedByInstances'>;
  readonly installations: InstallationRegistry;
  readonly queue: WorkQueue<NoticeJob>;
  readonly limiter: TeamsRateLimiter;
  readonly publisher: NoticePublisher;
  readonly logger: Logger;
  /** Unique per process: names this instance's tallies. */
  readonly instanceId: string;
  /** Acknowledgements are erased this many days after the notice goes out; 0 keeps them until the notice is purged. */
  readonly acknowledgementRetentionDays?: number;
  readonly now?: () => number;
}

export type ChangeResult = { readonly ok: true; readonly notice: Notice } | { readonly ok: false; readonly reason: 'not-found' | 'recalled' };

const PROGRESS_EVERY_MS = 1000;
const DAY_MS = 24 * 60 * 60_000;

export class NoticeService {
  private readonly now: () => number;
  private readonly progressTimers = new Map<string, NodeJS.Timeout>();
  private readonly tallies: NoticeTallies;
  private readonly copies: CopyJobs;
  private readonly fanOut: FanOut;
  private readonly acknowledgementsOf: Acknowledgements;

  constructor(private readonly options: NoticeServiceOptions) {
    this.now = options.now ?? Date.now;
    this.tallies = new NoticeTallies(options.store, options.instanceId, this.now);
    const onProgress = (noticeId: string) => this.progress(noticeId);
    this.copies = new CopyJobs({ ...options, tallies: this.tallies, onProgress, now: this.now });
    this.fanOut = new FanOut({
      ...options,
      tallies: this.tallies,
      onProgress,
      now: this.now,
      recallFinished: async (id) => (await this.status(id))?.status !== 'recalling',
    });
    this.acknowledgementsOf = new Acknowledgements(options.store, this.tallies, this.now);
  }

  newId(): string {
    return `NT-${randomBytes(8).toString('hex').toUpperCase()}`;
  }

  /**
   * Stores the notice and queues its release (now, or at `sendAt`), which lists its teams and queues
   * a post for each. `targets` is the number of teams it would reach now. Creating the same id twice
   * (a double click on Send) returns the first notice.
   */
  async create(
    content: NoticeContent,
    options: { id?: string; teamIds?: readonly string[]; via: Notice['via']; origin?: NoticeOrigin; sendAt?: string },
  ): Promise<Notice> {
    const id = options.id ?? this.newId();
    const existing = await this.notice(id);
    if (existing) return existing;
    const wanted = options.teamIds ? new Set(options.teamIds) : undefined;
    const targets = (await this.options.installations.active()).filter((item) => !wanted || wanted.has(item.teamId)).length;
    const notice: Notice = {
      ...content,
      id,
      createdAt: new Date(this.now()).toISOString(),
      targets,
      via: options.via,
      revision: 1,
      tallied: true,
      ...(options.origin ? { origin: options.origin } : {}),
      ...(options.sendAt ? { sendAt: options.sendAt } : {}),
      ...(options.teamIds ? { chosenTeams: true } : {}),
    };
    if (options.teamIds) {
      for (let chunk = 0; chunk * AUDIENCE_CHUNK < options.teamIds.length; chunk++) {
        await this.options.store.put(AUDIENCE_COLLECTION, audienceKey(id, chunk), {
          teamIds: options.teamIds.slice(chunk * AUDIENCE_CHUNK, (chunk + 1) * AUDIENCE_CHUNK),
        });
      }
    }
    const sendAt = options.sendAt ? Date.parse(options.sendAt) : this.now();
    await this.options.queue.enqueue(`${id}.release`, { kind: 'release', noticeId: id }, sendAt);
    const retentionDays = this.options.acknowledgementRetentionDays ?? 0;
    if (retentionDays > 0) await this.options.queue.enqueue(`${id}.expire`, { kind: 'erase', noticeId: id, purge: false }, sendAt + retentionDays * DAY_MS);
    // Lost to a simultaneous create of the same id: that one is the notice.
    if (!(await unlessConflict(this.options.store.put(NOTICES_COLLECTION, id, notice, { ifAbsent: true })))) return (await this.notice(id))!;
    this.options.logger.info({ noticeId: id, targets, via: options.via, scheduled: Boolean(options.sendAt) }, 'notice created');
    return notice;
  }

  /** The newest notices first, at most `limit` of them (the console's list). */
  async recent(limit: number): Promise<Notice[]> {
    const all = await this.options.store.list<Notice>(NOTICES_COLLECTION);
    return all
      .map((item) => item.value)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
  }

  async notice(id: string): Promise<Notice | undefined> {
    return (await readNotice(this.options.store, id))?.value;
  }

  /** Changes the notice's text; every posted copy is updated in place. Refused for a recalled notice. */
  async edit(id: string, changes: NoticeChanges): Promise<ChangeResult> {
    for (;;) {
      const stored = await readNotice(this.options.store, id);
      if (!stored) return { ok: false, reason: 'not-found' };
      if (stored.value.recalledAt) return { ok: false, reason: 'recalled' };
      const { url, ...rest } = { ...stored.value, ...changes };
      const revision = revisionOf(stored.value) + 1;
      const edited: Notice = { ...rest, ...(url ? { url } : {}), revision, updatedAt: new Date(this.now()).toISOString() };
      await this.options.queue.enqueue(`${id}.edit.${revision}`, { kind: 'edit', noticeId: id, revision });
      // Lost to a concurrent change: read it again and apply this edit on top.
      if (await unlessConflict(this.options.store.put(NOTICES_COLLECTION, id, edited, { etag: stored.etag }))) {
        this.options.logger.info({ noticeId: id, revision }, 'notice edited');
        this.progress(id);
        return { ok: true, notice: edited };
      }
    }
  }

  /**
   * Deletes every posted copy and stops those not sent yet; a scheduled notice not yet due is simply
   * cancelled. Recalling twice is the same as once. `purge` also erases the acknowledgements at once,
   * and everything else of the notice once its copies are deleted.
   */
  async recall(id: string, options: { purge?: boolean } = {}): Promise<ChangeResult> {
    if (options.purge) await this.options.queue.enqueue(`${id}.purge`, { kind: 'erase', noticeId: id, purge: true });
    for (;;) {
      const stored = await readNotice(this.options.store, id);
      if (!stored) return { ok: false, reason: 'not-found' };
      if (stored.value.recalledAt) return { ok: true, notice: stored.value };
      const notYetDue = this.notYetDue(stored.value);
      const recalled: Notice = { ...stored.value, recalledAt: new Date(this.now()).toISOString(), ...(notYetDue ? { cancelled: true } : {}) };
      if (!notYetDue) await this.options.queue.enqueue(`${id}.recall`, { kind: 'recall', noticeId: id });
      if (await unlessConflict(this.options.store.put(NOTICES_COLLECTION, id, recalled, { etag: stored.etag }))) {
        this.options.logger.info({ noticeId: id, cancelled: notYetDue, purge: Boolean(options.purge) }, 'notice recalled');
        this.progress(id);
        return { ok: true, notice: recalled };
      }
    }
  }

  async status(id: string): Promise<NoticeStatus | undefined> {
    const notice = await this.notice(id);
    if (!notice) return undefined;
    const counts = notice.tallied ? await this.tallies.totals(id) : await this.countTargets(id);
    const count = (event: string) => counts[event] ?? 0;
    const [delivered, failed, cancelled] = [count('sent'), count('failed'), count('cancelled')];
    const pending = notice.cancelled ? 0 : Math.max(0, notice.targets - delivered - failed - cancelled);
    const revision = revisionOf(notice);
    const updated = count(`rev:${revision}`);
    const updateFailed = count(`revFailed:${revision}`);
    const deleted = count('deleted');
    const deleteFailed = count('deleteFailed');
    let status: NoticeState;
    if (notice.cancelled) status = 'cancelled';
    else if (notice.recalledAt) status = pending > 0 || deleted + deleteFailed < delivered ? 'recalling' : 'recalled';
    else if (this.notYetDue(notice)) status = 'scheduled';
    else if (pending > 0 || !notice.released) status = 'sending';
    else if (revision > 1 && updated + updateFailed < delivered) status = 'updating';
    else status = 'done';
    return {
      id,
      status,
      targets: notice.targets,
      delivered,
      failed,
      pending,
      acknowledged: notice.acknowledgementsErasedAt ? 0 : count('ack'),
      ...(notice.sendAt ? { sendAt: notice.sendAt } : {}),
      ...(revision > 1 ? { revision, updatedAt: notice.updatedAt, updated, updateFailed } : {}),
      ...(notice.recalledAt ? { recalledAt: notice.recalledAt, deleted, deleteFailed, cancelled } : {}),
    };
  }

  /** Records one person's "I have read this" for their team's copy. */
  async acknowledge(noticeId: string, teamId: string, reader: Reader): Promise<AcknowledgeResult> {
    const result = await this.acknowledgementsOf.acknowledge(noticeId, teamId, reader);
    if (result.outcome === 'recorded') this.progress(noticeId);
    return result;
  }

  /**
   * Who acknowledged, a page at a time (by Entra object id); undefined for an unknown notice, no
   * pages once erased.
   */
  async acknowledgements(noticeId: string): Promise<AsyncIterable<Acknowledgement[]> | undefined> {
    const notice = await this.notice(noticeId);
    if (!notice) return undefined;
    return notice.acknowledgementsErasedAt ? noPages() : this.acknowledgementsOf.pages(noticeId);
  }

  readonly handle = async (claim: Claim<NoticeJob>): Promise<void> => {
    const job = claim.item.payload;
    switch (job.kind) {
      case undefined:
      case 'post':
        return this.copies.post(claim, job);
      case 'update':
        return this.copies.update(claim, job);
      case 'delete':
        return this.copies.delete(claim, job);
      case 'release':
        return this.fanOut.release(claim, job);
      case 'edit':
        return this.fanOut.edit(claim, job);
      case 'recall':
        return this.fanOut.recall(claim, job);
      case 'erase':
        return this.fanOut.erase(claim, job);
    }
  };

  /** A scheduled notice whose time has not come: nothing of it has gone out. */
  private notYetDue(notice: Notice): boolean {
    return !notice.released && notice.sendAt !== undefined && Date.parse(notice.sendAt) > this.now();
  }

  /** Notices from before tallies: counted from their target records. */
  private async countTargets(id: string): Promise<Counts> {
    const counts: Record<string, number> = {};
    for (const { value } of await this.options.store.list<NoticeTarget>(TARGETS_COLLECTION, { prefix: `${id}.` })) {
      if (value.state !== 'pending') counts[value.state] = (counts[value.state] ?? 0) + 1;
    }
    return counts;
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

async function* noPages(): AsyncGenerator<Acknowledgement[]> {}
