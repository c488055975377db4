/** The sender's plan against Teams' documented limits, on a clock the test controls. */
import { TeamsRateLimiter } from '../../src/notices/rate-limiter';

/** Books `count` sends as a sender would (each waits its turn) and returns their send times. */
function plan(limiter: TeamsRateLimiter, clock: { now: number }, sends: Array<{ conversation: string; tenant?: string }>): number[] {
  return sends.map(({ conversation, tenant = 't' }) => clock.now + waitOf(limiter.reserve(conversation, tenant)));
}

function waitOf(slot: { waitMs: number } | { heldForMs: number }): number {
  if (!('waitMs' in slot)) throw new Error('unexpectedly held');
  return slot.waitMs;
}

function maxInWindow(times: number[], windowMs: number): number {
  let max = 0;
  for (const start of times) max = Math.max(max, times.filter((time) => time >= start && time < start + windowMs).length);
  return max;
}

describe('the Teams rate limiter', () => {
  it('keeps one conversation within 7 per second, 8 per 2 seconds and 60 per 30 seconds', () => {
    const clock = { now: 1_000_000 };
    const limiter = new TeamsRateLimiter({ perSecond: 1000, now: () => clock.now });
    const times = plan(limiter, clock, Array.from({ length: 130 }, () => ({ conversation: 'c1' })));
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(times, 2000)).toBeLessThanOrEqual(8);
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
    // Not slower than the limits require: the 60 per 30 s limit sets the pace for a long burst.
    expect(times[60] - times[0]).toBeLessThanOrEqual(30_000);
  });

  it('spaces posts across conversations at the tenant rate, and tenants apart', () => {
    const clock = { now: 0 };
    const limiter = new TeamsRateLimiter({ perSecond: 30, now: () => clock.now });
    const times = plan(limiter, clock, Array.from({ length: 300 }, (_, i) => ({ conversation: `c${i}` })));
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(30);
    // Slots are whole milliseconds apart (34 ms for 30 a second): within 3% of the limit's pace.
    expect(times.at(-1)).toBeLessThan(300 * 34);
    expect(limiter.reserve('c-other', 'tenant-2')).toEqual({ waitMs: 0 });
  });

  it('holds back one conversation after a Retry-After without slowing the others', () => {
    const clock = { now: 0 };
    const limiter = new TeamsRateLimiter({ perSecond: 100, now: () => clock.now });
    limiter.holdOff('slow', 5000);
    expect(limiter.reserve('slow', 't')).toEqual({ heldForMs: 5000 });
    expect(waitOf(limiter.reserve('fast', 't'))).toBe(0);
    clock.now = 5000;
    expect(limiter.reserve('slow', 't')).toEqual({ waitMs: 0 });
  });
});
