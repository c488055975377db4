/**
 * A Store that counts the rows its reads return, per collection: what Table Storage bills and
 * throttles by (a partition serves about 2,000 entities a second). Writes pass through uncounted.
 */
import type { Store } from '../../src/storage/store';

export interface RowCounts {
  /** Rows read from each collection since the last reset. */
  readonly byCollection: Map<string, number>;
  total(collections?: (name: string) => boolean): number;
  reset(): void;
}

export function countingRows(store: Store): { store: Store; rows: RowCounts } {
  const byCollection = new Map<string, number>();
  const add = (collection: string, count: number) => byCollection.set(collection, (byCollection.get(collection) ?? 0) + count);
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      const original = Reflect.get(target, property, receiver) as unknown;
      if (typeof original !== 'function') return original;
      if (property === 'get') {
        return async (...args: Parameters<Store['get']>) => {
          const item = await target.get(...args);
          if (item) add(args[0], 1);
          return item;
        };
      }
      if (property === 'list' || property === 'listRange') {
        return async (collection: string, ...rest: unknown[]) => {
          const items = (await (original as (...a: unknown[]) => Promise<unknown[]>).call(target, collection, ...rest)) as unknown[];
          add(collection, items.length);
          return items;
        };
      }
      return (original as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return {
    store: counted,
    rows: {
      byCollection,
      total: (collections = () => true) => [...byCollection].reduce((sum, [name, count]) => sum + (collections(name) ? count : 0), 0),
      reset: () => byCollection.clear(),
    },
  };
}
