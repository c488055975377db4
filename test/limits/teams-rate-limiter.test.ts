/** The sender's plan against Teams' documented limits, on a clock the test controls; and one tenant budget shared by several instances. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SharedTenantBudget, TeamsRateLimiter } from '../../src/limits/teams-rate-limiter';
import { FileStore } from '../../src/storage/file-store';
import { AzureTableStore } from '../../src/storage/azure-store';
import { startAzurite, type Azurite } from '../fakes/azurite';

/** Books `count` sends as a sender would (each waits its turn) and returns their send times. */
async function plan(limiter: TeamsRateLimiter, clock: { now: number }, sends: Array<{ conversation: string; tenant?: string }>): Promise<number[]> {
  const times: number[] = [];
  for (const { conversation, tenant = 't' } of sends) times.push(clock.now + waitOf(await limiter.reserve(conversation, tenant)));
  return times;
}

function waitOf(slot: { waitMs: number } | { heldForMs: number }): number {
  if (!('waitMs' in slot)) throw new Error('unexpectedly held');
  return slot.waitMs;
}

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last] - sorted[first] >= windowMs) first++;
    max = Math.max(max, last - first + 1);
  }
  return max;
}

describe('the Teams rate limiter', () => {
  it("lets paced calls (tickets, personal messages) go only within the conversation's limits, and not while it is held off", async () => {
    // On Jest's clock: the real one under a busy CI machine fires timers late, and the test would judge the machine.
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const limiter = new TeamsRateLimiter({ perSecond: 1000, conversationWindows: [{ limit: 2, ms: 200 }] });
      const released: number[] = [];
      const calls = Promise.all(Array.from({ length: 5 }, () => limiter.pace('channel', 't').then(() => released.push(Date.now()))));
      await jest.advanceTimersByTimeAsync(399);
      expect(released).toHaveLength(4);
      await jest.advanceTimersByTimeAsync(10);
      await calls;
      expect(released).toHaveLength(5);
      expect(maxInWindow(released, 200)).toBeLessThanOrEqual(2);
      // No slower than the limit: two at once, two 200 ms later, the fifth 400 ms after the first.
      expect(released.at(-1)! - released[0]).toBeLessThan(410);

      const heldUntil = Date.now() + 150;
      limiter.holdOff('chat', heldUntil);
      let sent = false;
      const held = limiter.pace('chat', 't').then(() => (sent = true));
      await jest.advanceTimersByTimeAsync(149);
      expect(sent).toBe(false);
      await jest.advanceTimersByTimeAsync(10);
      await held;
      expect(Date.now()).toBeGreaterThanOrEqual(heldUntil);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps one conversation within 7 per second, 8 per 2 seconds and 60 per 30 seconds', async () => {
    const clock = { now: 1_000_000 };
    const limiter = new TeamsRateLimiter({ perSecond: 1000, now: () => clock.now });
    const times = await plan(
      limiter,
      clock,
      Array.from({ length: 130 }, () => ({ conversation: 'c1' })),
    );
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(times, 2000)).toBeLessThanOrEqual(8);
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
    // Not slower than the limits require: the 60 per 30 s limit sets the pace for a long burst.
    expect(times[60] - times[0]).toBeLessThanOrEqual(30_000);
  });

  it('spaces posts across conversations at the tenant rate, and tenants apart', async () => {
    const clock = { now: 0 };
    const limiter = new TeamsRateLimiter({ perSecond: 30, now: () => clock.now });
    const times = await plan(
      limiter,
      clock,
      Array.from({ length: 300 }, (_, i) => ({ conversation: `c${i}` })),
    );
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(30);
    // Slots are whole milliseconds apart, with room for jitter (35 ms for 30 a second): within 5% of the limit's pace.
    expect(times.at(-1)).toBeLessThan(300 * 35);
    expect(await limiter.reserve('c-other', 'tenant-2')).toEqual({ waitMs: 0 });
  });

  it('books nothing further off than a caller will wait, so callers sent away do not push the slots ahead', async () => {
    const clock = { now: 0 };
    const limiter = new TeamsRateLimiter({ perSecond: 10, now: () => clock.now });
    const answers = [];
    for (let i = 0; i < 100; i++) answers.push(await limiter.reserve(`c${i}`, 't', 1000));
    const booked = answers.filter((answer) => 'waitMs' in answer);
    expect(booked).toHaveLength(10);
    // The others are told to come back when a slot is within their wait, not given slots 10 s away.
    for (const answer of answers.filter((item) => 'heldForMs' in item)) expect(answer).toEqual({ heldForMs: 40 });
    expect(await limiter.reserve('late', 't')).toEqual({ waitMs: 1040 });
  });

  it('holds back one conversation after a Retry-After without slowing the others', async () => {
    const clock = { now: 0 };
    const limiter = new TeamsRateLimiter({ perSecond: 100, now: () => clock.now });
    limiter.holdOff('slow', 5000);
    expect(await limiter.reserve('slow', 't')).toEqual({ heldForMs: 5000 });
    expect(waitOf(await limiter.reserve('fast', 't'))).toBe(0);
    clock.now = 5000;
    expect(await limiter.reserve('slow', 't')).toEqual({ waitMs: 0 });
  });
});

/**
 * Three instances, each with its own limiter, booking slots for the same tenant at once through one
 * store: together they keep to one rate, and do not fall far below it.
 */
function describeSharedBudget(
  name: string,
  setup: () => Promise<{
    stores: () => [FileStore | AzureTableStore, FileStore | AzureTableStore, FileStore | AzureTableStore];
    teardown: () => Promise<void>;
  }>,
) {
  it(`holds NOTICE_MAX_RPS for three instances together (${name})`, async () => {
    const { stores, teardown } = await setup();
    try {
      const perSecond = 30;
      const start = Date.now();
      const limiters = stores().map((store) => new TeamsRateLimiter({ perSecond, budget: new SharedTenantBudget({ store, perSecond }) }));
      // Each instance books 60 calls to different conversations, as fast as it can, all at once.
      const booked = await Promise.all(
        limiters.map(async (limiter, instance) => {
          const times: number[] = [];
          await Promise.all(
            Array.from({ length: 60 }, async (_, i) => {
              const slot = await limiter.reserve(`c-${instance}-${i}`, 'tenant');
              times.push(Date.now() + waitOf(slot));
            }),
          );
          return times;
        }),
      );
      const all = booked.flat();
      expect(all).toHaveLength(180);
      expect(maxInWindow(all, 1000)).toBeLessThanOrEqual(perSecond);
      // 180 calls at 30 a second need 6 s; sharing costs some slots, not a multiple.
      const span = Math.max(...all) - start;
      expect(span).toBeGreaterThanOrEqual(5500);
      expect(span).toBeLessThan(9000);
      // Every instance gets a share.
      for (const times of booked) expect(times).toHaveLength(60);
    } finally {
      await teardown();
    }
  });
}

describe('one tenant budget for several instances', () => {
  describeSharedBudget('file store', async () => {
    const store = new FileStore(mkdtempSync(path.join(os.tmpdir(), 'budget-')));
    return { stores: () => [store, store, store], teardown: async () => undefined };
  });
  describeSharedBudget('Azure Table Storage on Azurite', async () => {
    const azurite: Azurite = await startAzurite();
    const make = () => new AzureTableStore({ connectionString: azurite.connectionString, accountName: 'devstoreaccount1' });
    return { stores: () => [make(), make(), make()], teardown: () => azurite.dispose() };
  });
});
