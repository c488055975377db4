/**
 * Where notices keep their records, and the work items that act on them. One collection per kind of
 * record; keys start with the notice id, so everything of one notice can be paged through in order.
 */
import { pageAfterKey, type Store, type StoredItem } from '../storage/store';
import type { WorkQueue } from '../storage/work-queue';
import type { Notice, NoticeTarget, Stamp } from './types';

export const NOTICES_COLLECTION = 'notices';
export const TARGETS_COLLECTION = 'noticetargets';
export const NOTICE_WORK_COLLECTION = 'noticework';
export const ACKNOWLEDGEMENTS_COLLECTION = 'noticeacks';
/** Chosen teams of a notice, in chunks: a list of thousands of ids would not fit one Table Storage entity. */
export const AUDIENCE_COLLECTION = 'noticeaudience';

/** What a work item asks for. Items from before kinds existed are posts. */
export type NoticeJob =
  | { readonly kind?: 'post'; readonly noticeId: string; readonly teamId: string }
  | { readonly kind: 'update'; readonly noticeId: string; readonly teamId: string; readonly revision: number }
  | { readonly kind: 'delete'; readonly noticeId: string; readonly teamId: string }
  /** Lists the notice's teams, a page at a time, and queues a post for each. */
  | { readonly kind: 'release'; readonly noticeId: string; readonly cursor?: string; readonly listed?: number }
  /** Queues an update for every posted copy, a page of targets at a time. */
  | { readonly kind: 'edit'; readonly noticeId: string; readonly revision: number; readonly cursor?: string }
  /** Queues a delete for every posted copy, a page of targets at a time. */
  | { readonly kind: 'recall'; readonly noticeId: string; readonly cursor?: string }
  /** Erases the acknowledgements; with `purge`, the whole notice once its copies are deleted. */
  | { readonly kind: 'erase'; readonly noticeId: string; readonly purge: boolean };

/** Audience chunks: how many chosen team ids one record holds. */
export const AUDIENCE_CHUNK = 250;

export function audienceKey(noticeId: string, chunk: number): string {
  return `${noticeId}.${String(chunk).padStart(4, '0')}`;
}

/** Records read or written per page of a fan-out job: each page stays well inside a lease. */
export const PAGE_SIZE = 200;

export function targetKey(noticeId: string, teamId: string): string {
  return `${noticeId}.${teamId}`;
}

/** Queues the update of one team's copy to `revision`. The id is the idempotency key: an edit's fan-out and a post that saw the edit queue it once. */
export async function queueUpdate(queue: WorkQueue<NoticeJob>, noticeId: string, teamId: string, revision: number): Promise<void> {
  await queue.enqueue(`${targetKey(noticeId, teamId)}.u${revision}`, { kind: 'update', noticeId, teamId, revision });
}

/** Queues the delete of one team's copy (a recall), once, however many times it is asked for. */
export async function queueDelete(queue: WorkQueue<NoticeJob>, noticeId: string, teamId: string): Promise<void> {
  await queue.enqueue(`${targetKey(noticeId, teamId)}.x`, { kind: 'delete', noticeId, teamId });
}

export function revisionOf(notice: Notice): number {
  return notice.revision ?? 1;
}

type RecordStore = Pick<Store, 'get' | 'put' | 'listRange'>;

export async function readNotice(store: RecordStore, id: string): Promise<StoredItem<Notice> | undefined> {
  return store.get<Notice>(NOTICES_COLLECTION, id);
}

export async function readTarget(store: RecordStore, noticeId: string, teamId: string): Promise<StoredItem<NoticeTarget> | undefined> {
  return store.get<NoticeTarget>(TARGETS_COLLECTION, targetKey(noticeId, teamId));
}

/** The next page of a notice's records in `collection`, after the key `cursor` (a page's last key). */
export async function pageAfter<T>(
  store: RecordStore,
  collection: string,
  noticeId: string,
  cursor: string | undefined,
): Promise<{ items: StoredItem<T>[]; full: boolean }> {
  const { items, more } = await pageAfterKey<T>(store, collection, { prefix: `${noticeId}.`, after: cursor, limit: PAGE_SIZE });
  return { items, full: more };
}

/** A target with a change written and its counting stamp recorded under `kind`. */
export function stamped(target: NoticeTarget, change: Partial<NoticeTarget>, kind: string, stamp: Stamp): NoticeTarget {
  return { ...target, ...change, stamps: { ...(target.stamps ?? {}), [kind]: stamp } };
}
