/**
 * Durable work items with leases, built on the Store's conditional writes. Request deliveries and
 * notice posts are both work items: any instance may claim a due item, a claim is a lease that lapses
 * if its holder dies, and an ETag-conditional write makes sure only one instance holds it at a time.
 * The item id is the idempotency key (request id; notice id + target), so enqueueing twice is a no-op.
 *
 * What a pass reads does not grow with the queue. Beside the items (keyed by id) the queue keeps a
 * due index (`due-index.ts`): a row per item keyed by the time it next becomes claimable, so a pass
 * reads only the earliest few. The index is a hint kept on one rule: before an item's claimable time
 * changes, a row for the new time is written, so every item always has a row no later than its
 * claimable time, whenever a process dies. A row whose item has gone, or has since moved later, is
 * stale and is deleted when a pass meets it (only the version it read: a writer that moves an item
 * earlier writes its row once more after the item, so a pass in another instance that saw the item
 * before it moved cannot delete the new row; within one process the queue knows which items it is
 * moving and leaves their rows alone). The item is read before it is claimed, so a stale row costs a
 * read, never a wrong claim.
 */
import { dueKey, MemoryDueIndex, StoredDueIndex, timeOf, type DueIndex, type DueRow } from './due-index';
import { unlessConflict, type Store } from './store';

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

type QueueStore = Pick<Store, 'get' | 'put' | 'delete' | 'list' | 'listRange'>;

/** Index rows read per claim wanted: instances sharing a queue each start at a random one of them, so they rarely reach for the same item. */
const SHARED_SPREAD = 2;
const DROPPING_RECHECK_MS = 25;

export class WorkQueue<T> {
  private readonly now: () => number;
  private readonly enqueuedListeners: Array<() => void> = [];
  /** In the store (collection: the queue's name with `due` after it), or in memory for a queue this process owns. */
  private readonly index: DueIndex;
  private swept: Promise<void> | undefined;
  /** Items this process is queueing or moving earlier right now: a pass here must not take their new rows for stale. */
  private readonly moving = new Map<string, number>();
  /** Rows this process is deleting right now: a pass skips them rather than read their items again. */
  private readonly dropping = new Set<string>();

  constructor(
    private readonly store: QueueStore,
    private readonly collection: string,
    private readonly options: WorkQueueOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.index = options.soleInstance ? new MemoryDueIndex() : new StoredDueIndex(store, `${collection}due`);
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
    const queued = await this.moveEarlier(id, dueAt, async () => {
      const item: WorkItem<T> = { id, payload, dueAt, attempts: 0, createdAt: this.now() };
      // Lost to a simultaneous enqueue of the same id: that one writes its own row.
      return (await unlessConflict(this.store.put(this.collection, id, item, { ifAbsent: true }))) !== undefined;
    });
    if (queued) for (const listener of this.enqueuedListeners) listener();
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
    const rows = await this.index.first(window);
    const due = rows.filter((row) => timeOf(row.key) <= now && !this.dropping.has(row.key));
    // Instances polling the same queue would all reach for the earliest items first and collide on
    // them; each starts at a random point among the due rows it read instead.
    const start = shared && due.length > limit ? Math.floor(Math.random() * due.length) : 0;
    const candidates = [...due.slice(start), ...due.slice(0, start)];
    const claims: Claim<T>[] = [];
    // As many claims at once as are wanted; rows that turn out stale or taken make room for the next.
    while (claims.length < limit && candidates.length > 0) {
      const round = await Promise.all(candidates.splice(0, limit - claims.length).map((row) => this.claimRow(row, now)));
      for (const claim of round) if (claim) claims.push(claim);
    }
    const leasedUntil = claims.map((claim) => claim.item.leaseUntil!);
    // A window all due may have more due behind it: come back at once. Otherwise the first row not due says when.
    const notDue = rows.find((row) => timeOf(row.key) > now);
    // Rows still being deleted fill the window: look again once those deletions have had a moment.
    const soon = claims.length === 0 && due.length === 0 ? now + DROPPING_RECHECK_MS : now;
    const next = notDue ? timeOf(notDue.key) : rows.length === window ? soon : undefined;
    return { claims, nextDueAt: earliest([...(next === undefined ? [] : [next]), ...leasedUntil]) };
  }

  /** Done: the item leaves the queue. False when the lease was lost to another instance meanwhile. */
  async complete(claim: Claim<T>): Promise<boolean> {
    const done = (await unlessConflict(this.store.delete(this.collection, claim.item.id, { etag: claim.etag }))) ?? false;
    if (done && claim.item.leaseUntil !== undefined) this.dropRowLater({ key: dueKey(claim.item.leaseUntil, claim.item.id) });
    return done;
  }

  /** Not done yet: release the lease and make the item due again at `dueAt`, optionally with a new payload. */
  async retryAt(claim: Claim<T>, dueAt: number, payload: T = claim.item.payload): Promise<boolean> {
    const next: WorkItem<T> = { ...claim.item, payload, dueAt, leaseOwner: undefined, leaseUntil: undefined };
    const released = await this.moveEarlier(
      claim.item.id,
      dueAt,
      async () => (await unlessConflict(this.store.put(this.collection, claim.item.id, next, { etag: claim.etag }))) !== undefined,
    );
    if (released && claim.item.leaseUntil !== undefined && claim.item.leaseUntil !== dueAt)
      this.dropRowLater({ key: dueKey(claim.item.leaseUntil, claim.item.id) });
    return released;
  }

  /**
   * Makes a waiting item due now (optionally with a new payload), when it is due later and nobody
   * holds a live lease on it: what was scheduled for later can go at once. False when it is gone,
   * leased, already due, or changed meanwhile by another instance.
   */
  async advance(id: string, payload?: (current: T) => T): Promise<boolean> {
    const stored = await this.store.get<WorkItem<T>>(this.collection, id);
    if (!stored) return false;
    const item = stored.value;
    const now = this.now();
    const leased = item.leaseUntil !== undefined && item.leaseUntil > now;
    if (leased || item.dueAt <= now) return false;
    const next: WorkItem<T> = { ...item, payload: payload ? payload(item.payload) : item.payload, dueAt: now, leaseOwner: undefined, leaseUntil: undefined };
    const moved = await this.moveEarlier(
      id,
      now,
      async () => (await unlessConflict(this.store.put(this.collection, id, next, { etag: stored.etag }))) !== undefined,
    );
    if (!moved) return false;
    this.dropRowLater({ key: dueKey(item.dueAt, id) });
    for (const listener of this.enqueuedListeners) listener();
    return true;
  }

  /** Earliest time any item may become claimable (one index row read). */
  async nextDueAt(): Promise<number | undefined> {
    await (this.swept ??= this.sweep());
    const [first] = await this.index.first(1);
    return first && timeOf(first.key);
  }

  /** Items queued, leased or not. Reads the whole queue: for tests and operators, not for passes. */
  async size(): Promise<number> {
    return (await this.store.list(this.collection)).length;
  }

  /** How many items wait, and when the oldest of them was queued. Reads the whole queue: for the operators' gauges, not for passes. */
  async depth(): Promise<{ readonly items: number; readonly oldestQueuedAt: number | undefined }> {
    const items = await this.store.list<WorkItem<T>>(this.collection);
    return { items: items.length, oldestQueuedAt: earliest(items.map(({ value }) => value.createdAt)) };
  }

  /**
   * Once per process, before its first pass: gives every item a due row at the time this process may
   * claim it. It brings in items queued before the index existed, and on the file store it makes the
   * leases of a process that has gone claimable at once. One read of the queue per process start.
   */
  private async sweep(): Promise<void> {
    for (const { value } of await this.store.list<WorkItem<T>>(this.collection)) {
      await this.index.write(this.readyAt(value), value.id);
    }
  }

  /** Claims the item behind a due row, or clears the row if it is stale. */
  private async claimRow(row: DueRow, now: number): Promise<Claim<T> | undefined> {
    const stored = await this.store.get<WorkItem<T>>(this.collection, row.id);
    if (this.moving.has(row.id)) return undefined;
    if (!stored || this.readyAt(stored.value) > now) {
      // Gone, or moved later (its mover wrote a row for the new time first): this row has no use.
      await this.index.delete(row);
      return undefined;
    }
    const item: WorkItem<T> = { ...stored.value, attempts: stored.value.attempts + 1, leaseOwner: this.options.owner, leaseUntil: now + this.options.leaseMs };
    // The row for when the lease lapses comes first: if this process dies holding the item, the row is
    // there. (It is a lease away, so no pass can take it for stale before the item below is written.)
    await this.index.write(item.leaseUntil!, item.id);
    const written = await unlessConflict(this.store.put(this.collection, item.id, item, { etag: stored.etag }));
    // Lost to another instance: the row just written stays, and is cleared when met if it is stale.
    if (!written) return undefined;
    this.dropRowLater({ key: row.key });
    return { item, etag: written.etag };
  }

  /**
   * Writes the item's row for `dueAt`, then the item (`write`, true when written). Another instance's
   * pass may have met the row before the item changed and deleted it as stale: where other instances
   * share the queue the row is written once more after the item, which such a deletion cannot undo.
   */
  private async moveEarlier(id: string, dueAt: number, write: () => Promise<boolean>): Promise<boolean> {
    this.moving.set(id, (this.moving.get(id) ?? 0) + 1);
    try {
      await this.index.write(dueAt, id);
      const written = await write();
      if (written && !this.options.soleInstance) await this.index.write(dueAt, id);
      return written;
    } finally {
      const left = (this.moving.get(id) ?? 1) - 1;
      if (left > 0) this.moving.set(id, left);
      else this.moving.delete(id);
    }
  }

  /**
   * Deletes a row that no longer serves, without making the caller wait for it: if it is still there
   * when a pass meets it, it is stale and cleared then.
   */
  private dropRowLater(row: Pick<DueRow, 'key'>): void {
    this.dropping.add(row.key);
    void this.index
      .delete(row)
      .catch(() => undefined)
      .finally(() => this.dropping.delete(row.key));
  }

  /** An item is claimable once it is due and nobody living holds a lease on it. */
  private readyAt(item: WorkItem<T>): number {
    const leaseHeld = item.leaseUntil !== undefined && (item.leaseOwner === this.options.owner || !this.options.soleInstance);
    return leaseHeld ? Math.max(item.dueAt, item.leaseUntil!) : item.dueAt;
  }
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
