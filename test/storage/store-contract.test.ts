/**
 * One contract for every Store: the embedded file store and Azure Table Storage (on Azurite) must
 * behave the same, because requests, notices and the work queue are written against the interface.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAppError } from '../../src/errors';
import { AzureTableStore } from '../../src/storage/azure-store';
import { FileStore } from '../../src/storage/file-store';
import type { Store } from '../../src/storage/store';
import { WorkQueue } from '../../src/storage/work-queue';
import { startAzurite, type Azurite } from '../fakes/azurite';

type StoreFactory = () => Store;

async function expectConflict(write: Promise<unknown>): Promise<void> {
  const outcome = await write.then(
    () => 'written',
    (err: unknown) => (isAppError(err, 'STORAGE_CONFLICT') ? 'conflict' : err),
  );
  expect(outcome).toBe('conflict');
}

function describeStoreContract(name: string, setup: () => Promise<{ make: StoreFactory; teardown: () => Promise<void> }>) {
  describe(`the ${name} store`, () => {
    let make: StoreFactory;
    let teardown: () => Promise<void>;
    let store: Store;
    let n = 0;
    /** A fresh collection per test, so tests never see each other's records. */
    const collection = () => `contract${++n}${Date.now() % 100000}`;

    beforeAll(async () => {
      ({ make, teardown } = await setup());
      store = make();
    });
    afterAll(() => teardown());
    // Another instance's view of the same data. The file store serves one process by design, so its
    // "instances" share one store object where the Azure store gets two.
    const secondInstance = () => (store.sharedByInstances ? make() : store);

    it('reads back what it wrote, lists by prefix, and deletes', async () => {
      const c = collection();
      await store.put(c, 'user1.PR-1', { kind: 'export' });
      await store.put(c, 'user1.PR-2', { kind: 'deletion' });
      await store.put(c, 'user2.PR-3', { kind: 'optout' });
      expect((await store.get(c, 'user1.PR-1'))?.value).toEqual({ kind: 'export' });
      expect(await store.get(c, 'missing')).toBeUndefined();
      expect((await store.list(c, { prefix: 'user1.' })).map((item) => item.key).sort()).toEqual(['user1.PR-1', 'user1.PR-2']);
      expect((await store.list(c)).length).toBe(3);
      expect(await store.delete(c, 'user1.PR-1')).toBe(true);
      expect(await store.delete(c, 'user1.PR-1')).toBe(false);
      expect(await store.get(c, 'user1.PR-1')).toBeUndefined();
    });

    it('keeps awkward keys intact, prefixes included', async () => {
      const c = collection();
      const keys = ['a/b', 'a\\b', 'a#b', 'a?b', 'a%b', '19:team@thread.tacv2', 'with space', 'ünïcødé✓', 'tab\there', 'k'.repeat(200)];
      for (const key of keys) await store.put(c, key, { key });
      for (const key of keys) expect((await store.get<{ key: string }>(c, key))?.value.key).toBe(key);
      expect((await store.list(c)).map((item) => item.key).sort()).toEqual([...keys].sort());
      expect((await store.list(c, { prefix: 'a/' })).map((item) => item.key)).toEqual(['a/b']);
      expect((await store.list(c, { prefix: '19:' })).map((item) => item.key)).toEqual(['19:team@thread.tacv2']);
    });

    it('lists a range of keys in order, at most `limit`, and keeps the order through writes and deletes', async () => {
      const c = collection();
      const key = (time: number, id: string) => `${String(time).padStart(15, '0')}.${id}`;
      // Written out of order, with ids holding what Teams ids hold.
      for (const [time, id] of [
        [3000, 'c'],
        [1000, 'a'],
        [2000, '19:b@thread.tacv2'],
        [1000, 'NT-1.19:x@thread'],
        [9000, 'z'],
      ] as const)
        await store.put(c, key(time, id), { id });
      const keys = async (range: Parameters<Store['listRange']>[1]) => (await store.listRange<{ id: string }>(c, range)).map((item) => item.value.id);
      expect(await keys({ limit: 10 })).toEqual(['NT-1.19:x@thread', 'a', '19:b@thread.tacv2', 'c', 'z']);
      expect(await keys({ limit: 2 })).toEqual(['NT-1.19:x@thread', 'a']);
      // Everything due by 3000: `to` is exclusive, so the bound is the next millisecond.
      expect(await keys({ to: key(3001, ''), limit: 10 })).toEqual(['NT-1.19:x@thread', 'a', '19:b@thread.tacv2', 'c']);
      expect(await keys({ from: key(2000, ''), to: key(9000, ''), limit: 10 })).toEqual(['19:b@thread.tacv2', 'c']);
      expect(await keys({ from: key(9001, ''), limit: 10 })).toEqual([]);
      expect(await keys({ limit: 0 })).toEqual([]);
      await store.delete(c, key(1000, 'a'));
      await store.put(c, key(1500, 'b2'), { id: 'b2' });
      expect(await keys({ limit: 3 })).toEqual(['NT-1.19:x@thread', 'b2', '19:b@thread.tacv2']);
      // Paging through one prefix, from the last key seen.
      for (const team of ['19:t1@thread.tacv2', '19:t2@thread.tacv2', '19:t3@thread.tacv2']) await store.put(c, `NT-A.${team}`, { id: team });
      await store.put(c, 'NT-AB.19:t0@thread.tacv2', { id: 'other notice' });
      const page1 = await store.listRange<{ id: string }>(c, { prefix: 'NT-A.', limit: 2 });
      const page2 = await store.listRange<{ id: string }>(c, { prefix: 'NT-A.', from: page1[1].key, limit: 2 });
      expect([...page1, ...page2].map((item) => item.value.id)).toEqual([
        '19:t1@thread.tacv2',
        '19:t2@thread.tacv2',
        '19:t2@thread.tacv2',
        '19:t3@thread.tacv2',
      ]);
      // Another instance sees the same order.
      expect((await secondInstance().listRange(c, { limit: 3 })).map((item) => item.key)).toEqual([
        key(1000, 'NT-1.19:x@thread'),
        key(1500, 'b2'),
        key(2000, '19:b@thread.tacv2'),
      ]);
    });

    it('stores a large value (300 KB)', async () => {
      const c = collection();
      const big = { items: Array.from({ length: 3000 }, (_, i) => ({ i, text: 'x'.repeat(90) })) };
      await store.put(c, 'big', big);
      expect((await store.get(c, 'big'))?.value).toEqual(big);
    });

    it('creates only when absent, and replaces only the version it read', async () => {
      const c = collection();
      const first = await store.put(c, 'k', { v: 1 }, { ifAbsent: true });
      await expectConflict(store.put(c, 'k', { v: 2 }, { ifAbsent: true }));
      const second = await store.put(c, 'k', { v: 2 }, { etag: first.etag });
      expect(second.etag).not.toBe(first.etag);
      await expectConflict(store.put(c, 'k', { v: 3 }, { etag: first.etag }));
      await expectConflict(store.delete(c, 'k', { etag: first.etag }));
      expect((await store.get(c, 'k'))?.value).toEqual({ v: 2 });
      expect(await store.delete(c, 'k', { etag: second.etag })).toBe(true);
    });

    it('lets exactly one of two writers of the same version win', async () => {
      const c = collection();
      const other = secondInstance();
      const base = await store.put(c, 'lease', { owner: 'none' });
      const results = await Promise.allSettled([
        store.put(c, 'lease', { owner: 'a' }, { etag: base.etag }),
        other.put(c, 'lease', { owner: 'b' }, { etag: base.etag }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const winner = results.find((result) => result.status === 'fulfilled') as PromiseFulfilledResult<{ value: { owner: string } }>;
      expect((await other.get(c, 'lease'))?.value).toEqual(winner.value.value);
    });

    it('lets exactly one of twenty simultaneous create-if-absent writes win (one open request per person and kind)', async () => {
      const c = collection();
      const writers = Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? store : secondInstance()).put(c, 'person.export', { requestId: `PR-${i}` }, { ifAbsent: true }),
      );
      const results = await Promise.allSettled(writers);
      const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.value] : []));
      expect(won).toHaveLength(1);
      for (const result of results) if (result.status === 'rejected') expect(isAppError(result.reason, 'STORAGE_CONFLICT')).toBe(true);
      expect((await secondInstance().get(c, 'person.export'))?.value).toEqual(won[0]);
    });

    it('runs the work queue: idempotent enqueue, one claimant per item, takeover after the lease lapses', async () => {
      const c = collection();
      let now = 1_000_000;
      const queueA = new WorkQueue<{ n: number }>(store, c, { owner: 'instance-a', leaseMs: 5000, now: () => now });
      const queueB = new WorkQueue<{ n: number }>(secondInstance(), c, { owner: 'instance-b', leaseMs: 5000, now: () => now });
      for (let i = 0; i < 6; i++) expect(await queueA.enqueue(`item-${i}`, { n: i })).toBe(true);
      expect(await queueB.enqueue('item-0', { n: 99 })).toBe(false);

      const [batchA, batchB] = await Promise.all([queueA.claimDue(6), queueB.claimDue(6)]);
      const [claimsA, claimsB] = [batchA.claims, batchB.claims];
      const claimed = [...claimsA, ...claimsB].map((claim) => claim.item.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `item-${i}`));

      // B finishes its own; A dies holding its claims: after the lease, B takes them over, and
      // A's late completion fails.
      for (const claim of claimsB) expect(await queueB.complete(claim)).toBe(true);
      // Nothing is claimable until A's leases lapse, and the queue says when that is.
      expect(await queueB.claimDue(6)).toEqual({ claims: [], nextDueAt: claimsA.length > 0 ? now + 5000 : undefined });
      now += 5001;
      const { claims: takenOver } = await queueB.claimDue(6);
      expect(takenOver.map((claim) => claim.item.id).sort()).toEqual(claimsA.map((claim) => claim.item.id).sort());
      for (const claim of claimsA) expect(await queueA.complete(claim)).toBe(false);
      for (const claim of takenOver) expect(await queueB.complete(claim)).toBe(true);
      expect(await queueA.size()).toBe(0);
    });
  });
}

describe('a work queue that is the only one on its store (the embedded file store)', () => {
  it('takes over at once what a process that has gone left leased, and keeps its own leases', async () => {
    const store = new FileStore(mkdtempSync(path.join(os.tmpdir(), 'sole-')));
    const now = 1_000_000;
    const before = new WorkQueue<{ n: number }>(store, 'work', { owner: 'killed-process', leaseMs: 60_000, now: () => now });
    await before.enqueue('left-leased', { n: 1 });
    expect((await before.claimDue(1)).claims).toHaveLength(1);

    const restarted = new WorkQueue<{ n: number }>(store, 'work', { owner: 'this-process', leaseMs: 60_000, soleInstance: true, now: () => now });
    const batch = await restarted.claimDue(5);
    expect(batch.claims.map((claim) => claim.item.id)).toEqual(['left-leased']);
    expect(batch.nextDueAt).toBe(now + 60_000);
    expect((await restarted.claimDue(5)).claims).toEqual([]);
  });
});

describeStoreContract('file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'contract-'));
  return { make: () => new FileStore(dir), teardown: async () => undefined };
});

describeStoreContract('azure (Azurite)', async () => {
  const azurite: Azurite = await startAzurite();
  return {
    make: () => new AzureTableStore({ connectionString: azurite.connectionString, accountName: 'devstoreaccount1' }),
    teardown: () => azurite.dispose(),
  };
});
