/**
 * Notice tallies: exact counts from a few rows, with many changes counted at once, and a change whose
 * process died before storing its tally counted once by the process that retakes it.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NoticeTallies, TALLIES_COLLECTION } from '../../src/notices/tallies';
import type { Stamp } from '../../src/notices/types';
import { FileStore } from '../../src/storage/file-store';
import type { Store } from '../../src/storage/store';
import { until } from '../fakes/until';

const newStore = () => new FileStore(mkdtempSync(path.join(os.tmpdir(), 'tallies-')));

describe('notice tallies', () => {
  it('counts changes made at once exactly, in one record per instance', async () => {
    const store = newStore();
    const [a, b] = [new NoticeTallies(store, 'instance-a'), new NoticeTallies(store, 'instance-b')];
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).count('NT-1', i % 4 === 0 ? ['sent', 'rev:1'] : ['sent'], async () => true)));
    // A write that lost its condition counts nothing.
    await a.count('NT-1', ['sent'], async () => false);
    expect(await a.totals('NT-1')).toEqual({ sent: 40, 'rev:1': 10 });
    expect((await store.list(TALLIES_COLLECTION, { prefix: 'NT-1.' })).length).toBe(2);
  });

  it('counts a change once when its process died before storing the tally', async () => {
    const store = newStore();
    // The first process's tally write never lands: it died right after writing the record.
    const dying = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'put') return Reflect.get(target, property, receiver) as unknown;
        return (...args: Parameters<Store['put']>) => (args[0] === TALLIES_COLLECTION ? new Promise(() => undefined) : target.put(...args));
      },
    });
    let recorded: Stamp | undefined;
    void new NoticeTallies(dying, 'dead-process').count('NT-2', ['deleted'], async (stamp) => {
      recorded = stamp;
      return true;
    });
    await until(() => recorded !== undefined, 5000, 'the record written');
    const successor = new NoticeTallies(store, 'successor');
    expect(await successor.counted('NT-2', recorded)).toBe(false);
    let restamped: Stamp | undefined;
    await successor.count('NT-2', recorded!.events, async (stamp) => {
      restamped = stamp;
      return true;
    });
    expect(await successor.totals('NT-2')).toEqual({ deleted: 1 });
    // Seen again (say, a third process retakes the item): counted already, under the new stamp.
    expect(await new NoticeTallies(store, 'third').counted('NT-2', restamped)).toBe(true);
  });
});
