/**
 * The work queue's cost and its due index: a claim reads the same few store rows whatever the length
 * of the queue, items queued before the index existed are still claimed, and an item being queued
 * while another instance's pass clears its row is not lost.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStore } from '../../src/storage/file-store';
import type { Store } from '../../src/storage/store';
import { WorkQueue, type WorkItem } from '../../src/storage/work-queue';
import { countingRows } from '../fakes/counting-store';

const newStore = () => new FileStore(mkdtempSync(path.join(os.tmpdir(), 'queue-')));

describe('the work queue', () => {
  it('reads the same few rows per claimed item with 30 or 300 items waiting', async () => {
    const rowsPerItem: number[] = [];
    for (const waiting of [30, 300]) {
      const { store, rows: counts } = countingRows(newStore());
      const rows = () => counts.total();
      const now = 1_000_000;
      const queue = new WorkQueue<{ n: number }>(store, 'work', { owner: 'me', leaseMs: 60_000, soleInstance: true, now: () => now });
      for (let i = 0; i < waiting; i += 50)
        await Promise.all(Array.from({ length: Math.min(50, waiting - i) }, (_, k) => queue.enqueue(`item-${i + k}`, { n: i + k })));
      await queue.nextDueAt(); // the once-per-process sweep, before counting
      const before = rows();
      // As a runner with one free slot: claim one, finish it, claim the next.
      for (let i = 0; i < 20; i++) {
        const { claims } = await queue.claimDue(1);
        expect(claims).toHaveLength(1);
        expect(await queue.complete(claims[0])).toBe(true);
      }
      rowsPerItem.push((rows() - before) / 20);
    }
    expect(rowsPerItem[1]).toBe(rowsPerItem[0]);
    expect(rowsPerItem[0]).toBeLessThanOrEqual(4);
  });

  it('advances a waiting item to now, with a new payload, but never one leased or already due', async () => {
    for (const soleInstance of [true, false]) {
      let now = 1_000_000;
      const queue = new WorkQueue<{ n: number }>(newStore(), 'work', { owner: 'me', leaseMs: 60_000, soleInstance, now: () => now });
      await queue.enqueue('later', { n: 1 }, now + 3_600_000);
      await queue.enqueue('leased', { n: 2 });
      const { claims } = await queue.claimDue(5);
      expect(claims.map((claim) => claim.item.id)).toEqual(['leased']);
      expect(await queue.advance('leased')).toBe(false);
      expect(await queue.advance('missing')).toBe(false);
      expect(await queue.advance('later', (payload) => ({ n: payload.n + 10 }))).toBe(true);
      now += 1;
      const advanced = await queue.claimDue(5);
      expect(advanced.claims.map((claim) => [claim.item.id, claim.item.payload.n])).toEqual([['later', 11]]);
      await queue.complete(advanced.claims[0]);
      // The row it had for an hour later is gone with it: nothing else is due then.
      now += 3_600_000;
      expect((await queue.claimDue(5)).claims.map((claim) => claim.item.id)).toEqual(['leased']);
    }
  });

  it('claims items queued before the due index existed', async () => {
    const store = newStore();
    const legacy: WorkItem<{ n: number }> = { id: 'old-item', payload: { n: 1 }, dueAt: 500, attempts: 0, createdAt: 400 };
    await store.put('work', 'old-item', legacy);
    const queue = new WorkQueue<{ n: number }>(store, 'work', { owner: 'me', leaseMs: 60_000, now: () => 1000 });
    expect((await queue.claimDue(5)).claims.map((claim) => claim.item.id)).toEqual(['old-item']);
  });

  it('keeps an item whose row another instance cleared while the item was being written', async () => {
    const store = newStore();
    let reachGate!: () => void;
    const atGate = new Promise<void>((resolve) => (reachGate = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    // The writer stalls between the item's due row and the item itself.
    const stalling = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'put') return Reflect.get(target, property, receiver) as unknown;
        return async (...args: Parameters<Store['put']>) => {
          const condition = args[3];
          if (args[0] === 'work' && condition && 'ifAbsent' in condition) {
            reachGate();
            await gate;
          }
          return target.put(...args);
        };
      },
    });
    const now = () => 1_000_000;
    const writer = new WorkQueue<{ n: number }>(stalling, 'work', { owner: 'writer', leaseMs: 60_000, now });
    const reader = new WorkQueue<{ n: number }>(store, 'work', { owner: 'reader', leaseMs: 60_000, now });
    const enqueued = writer.enqueue('racing', { n: 1 });
    await atGate;
    // The reader meets the row before the item exists and clears it as stale.
    expect((await reader.claimDue(1)).claims).toEqual([]);
    openGate();
    expect(await enqueued).toBe(true);
    expect((await reader.claimDue(1)).claims.map((claim) => claim.item.id)).toEqual(['racing']);
  });
});
