/**
 * Durable work items with leases, built on the Store's conditional writes. Request deliveries and
 * notice posts are both work items: any instance may claim a due item, a claim is a lease that lapses
 * if its holder dies, and an ETag-conditional write makes sure only one instance holds it at a time.
 * The item id is the idempotency key (request id; notice id + target), so enqueueing twice is a no-op.
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

export class WorkQueue<T> {
  private readonly now: () => number;
  private readonly enqueuedListeners: Array<() => void> = [];

  constructor(
    private readonly store: Pick<Store, 'get' | 'put' | 'delete' | 'list'>,
    private readonly collection: string,
    private readonly options: WorkQueueOptions,
  ) {
    this.now = options.now ?? Date.now;
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
    const item: WorkItem<T> = { id, payload, dueAt, attempts: 0, createdAt: this.now() };
    const queued = (await unlessConflict(this.store.put(this.collection, id, item, { ifAbsent: true }))) !== undefined;
    if (queued) for (const listener of this.enqueuedListeners) listener();
    return queued;
  }

  /**
   * Leases up to `limit` due items. Items another instance claimed first are skipped, not waited for.
   * From the same listing it tells when the queue next has something claimable, so a runner needs
   * one read of the queue per pass.
   */
  async claimDue(limit: number): Promise<ClaimBatch<T>> {
    const now = this.now();
    const items = await this.store.list<WorkItem<T>>(this.collection);
    const due = items.filter(({ value }) => this.readyAt(value) <= now).sort((a, b) => a.value.dueAt - b.value.dueAt);
    // Instances polling the same queue would all reach for the oldest items first and collide on
    // them; each starts at a random point among the due items instead.
    const start = due.length > limit ? Math.floor(Math.random() * due.length) : 0;
    const candidates = [...due.slice(start), ...due.slice(0, start)];
    const claims: Claim<T>[] = [];
    const tried = new Set<string>();
    for (const stored of candidates) {
      if (claims.length >= limit) break;
      tried.add(stored.value.id);
      const claim = await this.tryClaim(stored, now);
      if (claim) claims.push(claim);
    }
    // An item just tried is leased now, by this instance or by the one that won it.
    const next = earliest(items.map(({ value }) => (tried.has(value.id) ? now + this.options.leaseMs : this.readyAt(value))));
    return { claims, nextDueAt: next };
  }

  /** Done: the item leaves the queue. False when the lease was lost to another instance meanwhile. */
  async complete(claim: Claim<T>): Promise<boolean> {
    return (await unlessConflict(this.store.delete(this.collection, claim.item.id, { etag: claim.etag }))) ?? false;
  }

  /** Not done yet: release the lease and make the item due again at `dueAt`, optionally with a new payload. */
  async retryAt(claim: Claim<T>, dueAt: number, payload: T = claim.item.payload): Promise<boolean> {
    const next: WorkItem<T> = { ...claim.item, payload, dueAt, leaseOwner: undefined, leaseUntil: undefined };
    return (await unlessConflict(this.store.put(this.collection, claim.item.id, next, { etag: claim.etag }))) !== undefined;
  }

  /** Earliest time any item becomes claimable. */
  async nextDueAt(): Promise<number | undefined> {
    return earliest((await this.store.list<WorkItem<T>>(this.collection)).map(({ value }) => this.readyAt(value)));
  }

  async size(): Promise<number> {
    return (await this.store.list(this.collection)).length;
  }

  /** An item is claimable once it is due and nobody living holds a lease on it. */
  private readyAt(item: WorkItem<T>): number {
    const leaseHeld = item.leaseUntil !== undefined && (item.leaseOwner === this.options.owner || !this.options.soleInstance);
    return leaseHeld ? Math.max(item.dueAt, item.leaseUntil!) : item.dueAt;
  }

  private async tryClaim(stored: StoredItem<WorkItem<T>>, now: number): Promise<Claim<T> | undefined> {
    const item: WorkItem<T> = {
      ...stored.value,
      attempts: stored.value.attempts + 1,
      leaseOwner: this.options.owner,
      leaseUntil: now + this.options.leaseMs,
    };
    const written = await unlessConflict(this.store.put(this.collection, item.id, item, { etag: stored.etag }));
    return written && { item, etag: written.etag };
  }
}

function earliest(times: readonly number[]): number | undefined {
  // reduce, not Math.min(...times): a long queue would overflow the argument list.
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
