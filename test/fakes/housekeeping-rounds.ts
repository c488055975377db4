/**
 * Counts the bot's finished housekeeping rounds per chore (AppOptions.onHousekeepingRound), so a test
 * that moved the clock can wait for a round that ran wholly after the move before it asserts that a
 * chore did nothing.
 */
import { until } from './until';

export class HousekeepingRounds {
  private readonly finished = new Map<string, number>();

  /** Pass as `onHousekeepingRound` to bootBot's options. */
  readonly onRound = (chores: readonly string[]): void => {
    for (const chore of chores) this.finished.set(chore, (this.finished.get(chore) ?? 0) + 1);
  };

  /** Two more finished rounds of `chore`: the second started after this call, so it saw what changed before it. */
  async ranSinceNow(chore: string, timeoutMs = 10_000): Promise<void> {
    const seen = this.finished.get(chore) ?? 0;
    await until(() => (this.finished.get(chore) ?? 0) >= seen + 2, timeoutMs, `two housekeeping rounds of ${chore}`);
  }
}
