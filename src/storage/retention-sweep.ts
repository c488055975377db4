/**
 * Erasure after a retention period, shared by every feature that keeps personal data for a time:
 * each expired record is replaced by its erased copy in one write conditional on the ETag it was
 * read with, so a record changed meanwhile (by a person, or by another instance's sweep) is left to
 * the next sweep, and several instances can sweep at once.
 */
import { unlessConflict, type CollectionName, type Store, type StoredItem } from './store';

const DAY_MS = 86_400_000;

/** True when `at` (an ISO date) is `retentionDays` or more before `now` (epoch ms). */
export function pastRetention(at: string | undefined, retentionDays: number, now: number): boolean {
  return at !== undefined && Date.parse(at) + retentionDays * DAY_MS <= now;
}

/**
 * Writes `erase(value)` over each item it returns a copy for (undefined: keep it as it is); the
 * erased records that were written.
 */
export async function eraseEach<T>(
  store: Pick<Store, 'put'>,
  collection: CollectionName,
  items: readonly StoredItem<T>[],
  erase: (value: T) => T | undefined,
): Promise<StoredItem<T>[]> {
  const written: StoredItem<T>[] = [];
  for (const item of items) {
    const erased = erase(item.value);
    if (!erased) continue;
    const stored = await unlessConflict(store.put(collection, item.key, erased, { etag: item.etag }));
    if (stored) written.push(stored);
  }
  return written;
}
