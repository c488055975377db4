/**
 * Durable work items with leases, built on the Store's conditional writes. Request deliveries and
 * notice posts are both work items: any instance may claim a due item, a claim is a lease that lapses
 * if its holder dies, and an ETag-conditional write makes sure only one instance holds it at a time.
 * The item id is the idempotency key (request id; notice id + target), so enqueueing twice is a no-op.
 *
 * What a pass reads does not grow with the queue. Beside the items (keyed by id) the queue keeps a
 * due index: one small row per item keyed by the time it next becomes claimable, so a pass reads only
 * the earliest few rows with a range listing. The index is a hint kept on one rule: before an item's
 * claimable time changes, a row for the new time is written, so every item always has a row no later
 * than its claimable time, whenever a process dies. A row whose item has gone, or has since moved
 * later, is stale and is deleted when a pass meets it (only the version it read: a writer that moves
 * an item earlier writes its row once more after the item, so a pass that saw the item before it
 * moved cannot delete the new row). The item is read before it is claimed, so a stale row costs a
 * read, never a wrong claim.
 */
import { unlessConflict, type Store, type StoredItem } from './store';

export interface WorkItem<T> {
  readonly id: string;
  readonly payload: T;
  /** Epoch ms before which nobody claims it. */
  readonly dueAt: number;
  /** Claims so far, the current one included. */
  readonly attempts: number;
  readonly leaseOwner?: string;
  readonly leaseUntil?: number;
  readonly createdAt: number;
}

export interface Claim<T> {
  readonly item: WorkItem<T>;
  readonly etag: string;
}

export interface ClaimBatch<T> {
  readonly claims: Claim<T>[];
  /** When the next item becomes claimable; undefined for an empty queue. */
  readonly nextDueAt: number | undefined;
}

export interface WorkQueueOptions {
  /** Who holds leases: unique per process, so a restarted process never trusts its old leases. */
  readonly owner: string;
  /** How long a claim lasts before another instance may take the item over. */
  readonly leaseMs: number;
  /**
   * No other process uses this queue (the file store): a lease held by another owner was left by a
   * process that died, so its items are taken at once instead of after the lease runs out.
   */
  readonly soleInstance?: boolean;
  readonly now?: () => number;
}

interface DueRow {
  readonly id: string;
}

type QueueStore = Pick<Store, 'get' | 'put' | 'delete' | 'list' | 'listRange'>;

/** Index rows read per claim wanted: instances sharing a queue each start at a random one of them, so they rarely reach for the same item. */
const SHARED_SPREAD = 3;

export class WorkQueue<T> {
  private readonly now: () => number;
  private readonly enqueuedListeners: Array<() => void> = [];
  /** The due index's collection: the queue's name with `due` after it. */
  private readonly index: string;
  private swept: Promise<void> | undefined;

  constructor(
    private readonly store: QueueStore,
    private readonly collection: string,
    private readonly options: WorkQueueOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.index = `${collection}due`;
  }

  /**
   * Told whenever this process queues an item, so the runner on this queue takes it at once instead
   * of at its next poll. (Items queued by other instances are found by polling.)
   */
  onEnqueued(listener: () => void): void {
    this.enqueuedListeners.push(listener);
  }

  /** False when an item with this id is already queued: the id is the idempotency key. */
  async enqueue(id: string, payload: T, dueAt: number = this.now()): Promise<boolean> {
    if (await this.store.get(this.collection, id)) return false;
    await this.writeRow(dueAt, id);
    const item: WorkItem<T> = { id, payload, dueAt, attempts: 0, createdAt: this.now() };
    // Lost to a simultaneous enqueue of the same id: that one writes its own row.
    const queued = (await unlessConflict(this.store.put(this.collection, id, item, { ifAbsent: true }))) !== undefined;
    if (queued) {
      await this.writeRow(dueAt, id);
      for (const listener of this.enqueuedListeners) listener();
    }
    return queued;
  }

  /**
   * Leases up to `limit` due items, reading only the earliest rows of the due index (a few per item
   * wanted), whatever the length of the queue. Items another instance claimed first are skipped, not
   * waited for. The same read tells when the queue next has something claimable.
   */
  async claimDue(limit: number): Promise<ClaimBatch<T>> {
    await (this.swept ??= this.sweep());
    const now = this.now();
    const shared = !this.options.soleInstance;
    const window = Math.max(1, limit) * (shared ? SHARED_SPREAD : 1) + 1;
    const rows = await this.store.listRange<DueRow>(this.index, { limit: window });
    const due = rows.filter((row) => timeOf(row.key) <= now);
    // Instances polling the same queue would all reach for the earliest items first and collide on
    // them; each starts at a random point among the due rows it read instead.
    const start = shared && due.length > limit ? Math.floor(Math.random() * due.length) : 0;
    const claims: Claim<T>[] = [];
    const leasedUntil: number[] = [];
    for (const row of [...due.slice(start), ...due.slice(0, start)]) {
      if (claims.length >= limit) break;
      const claim = await this.claimRow(row, now);
      if (claim) {
        claims.push(claim);
        leasedUntil.push(claim.item.leaseUntil!);
      }
    }
    // A window all due may have more due behind it: come back at once. Otherwise the first row not due says when.
    const notDue = rows.find((row) => timeOf(row.key) > now);
    const next = notDue ? timeOf(notDue.key) : rows.length === window ? now : undefined;
    return { claims, nextDueAt: earliest([...(next === undefined ? [] : [next]), ...leasedUntil]) };
  }

  /** Done: the item leaves the queue. False when the lease was lost to another instance meanwhile. */
  async complete(claim: Claim<T>): Promise<boolean> {
    const done = (await unlessConflict(this.store.delete(this.collection, claim.item.id, { etag: claim.etag }))) ?? false;
    if (done) await this.dropRow(claim.item.leaseUntil, claim.item.id);
    return done;
  }

  /** Not done yet: release the lease and make the item due again at `dueAt`, optionally with a new payload. */
  async retryAt(claim: Claim<T>, dueAt: number, payload: T = claim.item.payload): Promise<boolean> {
    await this.writeRow(dueAt, claim.item.id);
    const next: WorkItem<T> = { ...claim.item, payload, dueAt, leaseOwner: undefined, leaseUntil: undefined };
    const released = (await unlessConflict(this.store.put(this.collection, claim.item.id, next, { etag: claim.etag }))) !== undefined;
    if (released) {
      await this.writeRow(dueAt, claim.item.id);
      if (claim.item.leaseUntil !== dueAt) await this.dropRow(claim.item.leaseUntil, claim.item.id);
    }
    return released;
  }

  /** Earliest time any item may become claimable (one index row read). */
  async nextDueAt(): Promise<number | undefined> {
    await (this.swept ??= this.sweep());
    const [first] = await this.store.listRange<DueRow>(this.index, { limit: 1 });
    return first && timeOf(first.key);
  }

  /** Items queued, leased or not. Reads the whole queue: for tests and operators, not for passes. */
  async size(): Promise<number> {
    return (await this.store.list(this.collection)).length;
  }

  /**
   * Once per process, before its first pass: gives every item a due row at the time this process may
   * claim it. It brings in items queued before the index existed, and on the file store it makes the
   * leases of a process that has gone claimable at once. One read of the queue per process start.
   */
  private async sweep(): Promise<void> {
    for (const { value } of await this.store.list<WorkItem<T>>(this.collection)) {
      await this.writeRow(this.readyAt(value), value.id);
    }
  }

  /** Claims the item behind a due row, or clears the row if it is stale. */
  private async claimRow(row: StoredItem<DueRow>, now: number): Promise<Claim<T> | undefined> {
    const stored = await this.store.get<WorkItem<T>>(this.collection, row.value.id);
    if (!stored || this.readyAt(stored.value) > now) {
      // Gone, or moved later (its mover wrote a row for the new time first): this row has no use.
      await unlessConflict(this.store.delete(this.index, row.key, { etag: row.etag }));
      return undefined;
    }
    const item: WorkItem<T> = { ...stored.value, attempts: stored.value.attempts + 1, leaseOwner: this.options.owner, leaseUntil: now + this.options.leaseMs };
    // The row for when the lease lapses comes first: if this process dies holding the item, the row is
    // there. (It is a lease away, so no pass can take it for stale before the item below is written.)
    await this.writeRow(item.leaseUntil!, item.id);
    const written = await unlessConflict(this.store.put(this.collection, item.id, item, { etag: stored.etag }));
    // Lost to another instance: the row just written stays, and is cleared when met if it is stale.
    if (!written) return undefined;
    await unlessConflict(this.store.delete(this.index, row.key));
    return { item, etag: written.etag };
  }

  private async writeRow(time: number, id: string): Promise<void> {
    await this.store.put<DueRow>(this.index, dueKey(time, id), { id });
  }

  private async dropRow(time: number | undefined, id: string): Promise<void> {
    if (time !== undefined) await unlessConflict(this.store.delete(this.index, dueKey(time, id))).catch(() => undefined);
  }

  /** An item is claimable once it is due and nobody living holds a lease on it. */
  private readyAt(item: WorkItem<T>): number {
    const leaseHeld = item.leaseUntil !== undefined && (item.leaseOwner === this.options.owner || !this.options.soleInstance);
    return leaseHeld ? Math.max(item.dueAt, item.leaseUntil!) : item.dueAt;
  }
}

/** Fixed-width epoch milliseconds first, so key order is time order (good until the year 33658). */
function dueKey(time: number, id: string): string {
  return `${String(Math.max(0, Math.floor(time))).padStart(15, '0')}.${id}`;
}

function timeOf(key: string): number {
  return Number(key.slice(0, 15));
}

function earliest(times: readonly number[]): number | undefined {
  // reduce, not Math.min(...times): a long list would overflow the argument list.
  return times.reduce<number | undefined>((min, time) => (min === undefined || time < min ? time : min), undefined);
}

/**
 * How long a work item waits before its next attempt: exponential from `baseMs` (attempt 1), capped
 * at `maxMs`, with ±20% jitter so that many items failing together do not all retry together.
 */
export function retryDelayMs(attempt: number, schedule: { readonly baseMs: number; readonly maxMs: number }, random: () => number = Math.random): number {
  const exponential = Math.min(schedule.maxMs, schedule.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
