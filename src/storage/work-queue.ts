/**
 * Durable work items with leases, built on the Store's conditional writes. Request deliveries and
 * notice posts are both work items: any instance may claim a due item, a claim is a lease that lapses
 * if its holder dies, and an ETag-conditional write makes sure only one instance holds it at a time.
 * The item id is the idempotency key (request id; notice id + target), so enqueueing twice is a no-op.
 */
import { isAppError } from '../errors';
import type { Store, StoredItem } from './store';

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

export interface WorkQueueOptions {
  /** Who holds leases: unique per process, so a restarted process never trusts its old leases. */
  readonly owner: string;
  /** How long a claim lasts before another instance may take the item over. */
  readonly leaseMs: number;
  readonly now?: () => number;
}

export class WorkQueue<T> {
  private readonly now: () => number;

  constructor(
    private readonly store: Pick<Store, 'get' | 'put' | 'delete' | 'list'>,
    private readonly collection: string,
    private readonly options: WorkQueueOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** False when an item with this id is already queued: the id is the idempotency key. */
  async enqueue(id: string, payload: T, dueAt: number = this.now()): Promise<boolean> {
    const item: WorkItem<T> = { id, payload, dueAt, attempts: 0, createdAt: this.now() };
    try {
      await this.store.put(this.collection, id, item, { ifAbsent: true });
      return true;
    } catch (err) {
      if (isAppError(err, 'STORAGE_CONFLICT')) return false;
      throw err;
    }
  }

  /** Leases up to `limit` due items. Items another instance claimed first are skipped, not waited for. */
  async claimDue(limit: number): Promise<Claim<T>[]> {
    const now = this.now();
    const due = (await this.store.list<WorkItem<T>>(this.collection))
      .filter(({ value }) => value.dueAt <= now && (value.leaseUntil ?? 0) <= now)
      .sort((a, b) => a.value.dueAt - b.value.dueAt);
    // Instances polling the same queue would all reach for the oldest items first and collide on
    // them; each starts at a random point among the due items instead.
    const start = due.length > limit ? Math.floor(Math.random() * due.length) : 0;
    const candidates = [...due.slice(start), ...due.slice(0, start)];
    const claims: Claim<T>[] = [];
    for (const stored of candidates) {
      if (claims.length >= limit) break;
      const claim = await this.tryClaim(stored, now);
      if (claim) claims.push(claim);
    }
    return claims;
  }

  /** Done: the item leaves the queue. False when the lease was lost to another instance meanwhile. */
  async complete(claim: Claim<T>): Promise<boolean> {
    try {
      return await this.store.delete(this.collection, claim.item.id, { etag: claim.etag });
    } catch (err) {
      if (isAppError(err, 'STORAGE_CONFLICT')) return false;
      throw err;
    }
  }

  /** Not done yet: release the lease and make the item due again at `dueAt`, optionally with a new payload. */
  async retryAt(claim: Claim<T>, dueAt: number, payload: T = claim.item.payload): Promise<boolean> {
    const next: WorkItem<T> = { ...claim.item, payload, dueAt, leaseOwner: undefined, leaseUntil: undefined };
    try {
      await this.store.put(this.collection, claim.item.id, next, { etag: claim.etag });
      return true;
    } catch (err) {
      if (isAppError(err, 'STORAGE_CONFLICT')) return false;
      throw err;
    }
  }

  /** Earliest time any item becomes claimable, for the runner's next wake-up. */
  async nextDueAt(): Promise<number | undefined> {
    const items = await this.store.list<WorkItem<T>>(this.collection);
    let next: number | undefined;
    for (const { value } of items) {
      const ready = Math.max(value.dueAt, value.leaseUntil ?? 0);
      if (next === undefined || ready < next) next = ready;
    }
    return next;
  }

  async size(): Promise<number> {
    return (await this.store.list(this.collection)).length;
  }

  private async tryClaim(stored: StoredItem<WorkItem<T>>, now: number): Promise<Claim<T> | undefined> {
    const item: WorkItem<T> = {
      ...stored.value,
      attempts: stored.value.attempts + 1,
      leaseOwner: this.options.owner,
      leaseUntil: now + this.options.leaseMs,
    };
    try {
      const written = await this.store.put(this.collection, item.id, item, { etag: stored.etag });
      return { item, etag: written.etag };
    } catch (err) {
      if (isAppError(err, 'STORAGE_CONFLICT')) return undefined;
      throw err;
    }
  }
}
