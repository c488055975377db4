/**
 * A work queue's due index: rows keyed by the time an item may next be claimed, then its id, read
 * earliest first. Where instances share the queue (Azure Table Storage) the rows are records in a
 * collection of their own, read with a bounded range listing. Where one process owns the queue (the
 * file store) nobody else can change it, so the same rows are kept in this process's memory, rebuilt
 * from the items when it starts: a claim reads no index row from the store, and a post costs no
 * index writes (each a flushed file).
 */
import { sortedIndex } from './sorted-keys';
import { unlessConflict, type Store } from './store';

export interface DueRow {
  readonly key: string;
  readonly id: string;
  /** The stored row's version: a stale row is deleted only as it was read. */
  readonly etag?: string;
}

export interface DueIndex {
  /** The earliest rows, up to `limit`. */
  first(limit: number): Promise<DueRow[]>;
  write(time: number, id: string): Promise<void>;
  /** Deletes a row (the version read, when `row` carries one). */
  delete(row: Pick<DueRow, 'key' | 'etag'>): Promise<void>;
}

/** Fixed-width epoch milliseconds first, so key order is time order (good until the year 33658). */
export function dueKey(time: number, id: string): string {
  return `${String(Math.max(0, Math.floor(time))).padStart(15, '0')}.${id}`;
}

export function timeOf(key: string): number {
  return Number(key.slice(0, 15));
}

export class StoredDueIndex implements DueIndex {
  constructor(
    private readonly store: Pick<Store, 'put' | 'delete' | 'listRange'>,
    private readonly collection: string,
  ) {}

  async first(limit: number): Promise<DueRow[]> {
    const rows = await this.store.listRange<{ id: string }>(this.collection, { limit });
    return rows.map((row) => ({ key: row.key, id: row.value.id, etag: row.etag }));
  }

  async write(time: number, id: string): Promise<void> {
    await this.store.put(this.collection, dueKey(time, id), { id });
  }

  async delete(row: Pick<DueRow, 'key' | 'etag'>): Promise<void> {
    await unlessConflict(this.store.delete(this.collection, row.key, row.etag ? { etag: row.etag } : undefined));
  }
}

export class MemoryDueIndex implements DueIndex {
  /** Keys in ascending order; the id is the part after the time. */
  private readonly keys: string[] = [];

  async first(limit: number): Promise<DueRow[]> {
    return this.keys.slice(0, limit).map((key) => ({ key, id: key.slice(16) }));
  }

  async write(time: number, id: string): Promise<void> {
    const key = dueKey(time, id);
    const at = sortedIndex(this.keys, key);
    if (this.keys[at] !== key) this.keys.splice(at, 0, key);
  }

  async delete(row: Pick<DueRow, 'key'>): Promise<void> {
    const at = sortedIndex(this.keys, row.key);
    if (this.keys[at] === row.key) this.keys.splice(at, 1);
  }
}
