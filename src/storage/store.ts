/**
 * The one storage interface. Every durable thing the bot keeps (installations, requests, notice jobs,
 * work items, feedback) goes through it, so the embedded file store and Azure Table Storage are
 * interchangeable. Writes can be conditional on an ETag, which is what keeps two instances from
 * overwriting each other.
 */
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../errors';
import { yieldToEventLoop } from '../limits/event-loop';

export interface StoredItem<T> {
  readonly key: string;
  readonly value: T;
  readonly etag: string;
}

/** `etag`: replace only that version. `ifAbsent`: create only. Omitted: last writer wins. */
export type WriteCondition = { readonly etag: string } | { readonly ifAbsent: true };

export interface KeyRange {
  readonly prefix?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
}

/** Collection names are lower-case letters and digits: valid as Azure table names and directories. */
export type CollectionName = string;

export interface Store {
  /** Which store, for start-up logs: never a key or connection string. */
  readonly description: string;
  /**
   * False for the embedded file store, which one process owns: anything another process left behind
   * (a work-item lease, say) belongs to a process that has gone. True where several instances share it.
   */
  readonly sharedByInstances: boolean;
  get<T>(collection: CollectionName, key: string): Promise<StoredItem<T> | undefined>;
  /** Throws AppError STORAGE_CONFLICT when the condition does not hold. Durable once resolved. */
  put<T>(collection: CollectionName, key: string, value: T, condition?: WriteCondition): Promise<StoredItem<T>>;
  /** False when there was nothing to delete. Throws STORAGE_CONFLICT on an ETag mismatch. */
  delete(collection: CollectionName, key: string, condition?: { readonly etag: string }): Promise<boolean>;
  list<T>(collection: CollectionName, options?: { readonly prefix?: string }): Promise<StoredItem<T>[]>;
  /**
   * Records with `from` <= key < `to` (either bound may be left out) and keys starting with `prefix`
   * (if given), in ascending key order, at most `limit` of them: reads only those, however large the
   * collection, so a caller can page through with the last key it saw. Keys compare by character code;
   * the order holds for keys of letters, digits and `. - _ : @` (work-queue and time-ordered keys),
   * which both stores keep as they are.
   */
  listRange<T>(collection: CollectionName, range: KeyRange): Promise<StoredItem<T>[]>;
  /** Resolves when the store is reachable; /healthz answers 503 while it rejects. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs a conditional write and gives undefined when its condition did not hold (another writer, maybe
 * another instance, got there first). Callers decide what losing means; every other error is thrown.
 */
export async function unlessConflict<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (err) {
    if (isAppError(err, 'STORAGE_CONFLICT')) return undefined;
    throw err;
  }
}

/**
 * One page of a collection in key order: up to `limit` records with keys after `after` (the previous
 * page's last key; the first page when left out) and, if given, starting with `prefix`. `more` says a
 * further page may follow. `from` is inclusive, so one record more is read and `after` dropped.
 */
export async function pageAfterKey<T>(
  store: Pick<Store, 'listRange'>,
  collection: CollectionName,
  page: { readonly prefix?: string; readonly after?: string; readonly limit: number },
): Promise<{ items: StoredItem<T>[]; more: boolean }> {
  const { prefix, after, limit } = page;
  const rows = await store.listRange<T>(collection, { ...(prefix !== undefined ? { prefix } : {}), ...(after ? { from: after } : {}), limit: limit + 1 });
  return { items: rows.filter((row) => row.key !== after).slice(0, limit), more: rows.length > limit };
}

/** A conditional write whose condition did not hold. The key is logged only as a short hash: keys can hold Teams ids. */
export function storageConflict(collection: string, key: string): AppError {
  return new AppError('STORAGE_CONFLICT', 'the record changed since it was read', {
    collection,
    key: createHash('sha256').update(key).digest('hex').slice(0, 12),
  });
}

export const COLLECTION_NAME = /^[a-z][a-z0-9]{2,62}$/;

/**
 * Hands `visit` every record of a collection with keys from `from` (inclusive) to `to` (exclusive),
 * a page at a time in key order, letting other work run between pages: for collections that grow
 * with what people do, where one listing of everything would hold the event loop. With `limit`,
 * stops once that many are read: the rest is never read at all.
 */
export async function forEachPage<T>(
  store: Pick<Store, 'listRange'>,
  collection: CollectionName,
  range: { readonly from?: string; readonly to?: string; readonly prefix?: string; readonly pageSize?: number; readonly limit?: number },
  visit: (items: StoredItem<T>[]) => void | Promise<void>,
): Promise<void> {
  let left = range.limit ?? Infinity;
  let from = range.from;
  while (left > 0) {
    const pageSize = Math.min(range.pageSize ?? 500, left);
    const page = await store.listRange<T>(collection, {
      ...(range.prefix !== undefined ? { prefix: range.prefix } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(range.to !== undefined ? { to: range.to } : {}),
      limit: pageSize + 1,
    });
    await visit(page.slice(0, pageSize));
    left -= pageSize;
    if (page.length <= pageSize) return;
    from = page[pageSize].key;
    await yieldToEventLoop();
  }
}
