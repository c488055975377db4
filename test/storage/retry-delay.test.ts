import { retryDelayMs } from '../../src/storage/work-queue';

describe('the retry schedule of work items', () => {
  const schedule = { baseMs: 5000, maxMs: 3_600_000 };

  it('starts at the base and doubles with each attempt, up to the cap', () => {
    const middle = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, schedule, middle))).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30, schedule, middle)).toBe(3_600_000);
  });

  it('spreads retries by up to 20% either way, never beyond', () => {
    expect(retryDelayMs(1, schedule, () => 0)).toBe(4000);
    expect(retryDelayMs(1, schedule, () => 0.999999)).toBe(6000);
    const delays = Array.from({ length: 200 }, () => retryDelayMs(3, schedule));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(16_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(24_000);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});
