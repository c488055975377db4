/**
 * How big a bench runs. Each size has a full default (the figures in the docs) and a tiny one:
 * BENCH_SIZE=tiny runs every bench in seconds, so CI runs them all (`npm run bench:tiny`) and a
 * bench cannot rot unseen; its figures then mean nothing. A size's own variable (BENCH_TEAMS ...)
 * wins over both.
 */
export const TINY = process.env.BENCH_SIZE === 'tiny';

export function benchSize(variable: string, full: number, tiny: number): number {
  const given = process.env[variable];
  if (given !== undefined && given !== '') {
    const value = Number(given);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${variable} must be a number, not "${given}"`);
    return value;
  }
  return TINY ? tiny : full;
}
