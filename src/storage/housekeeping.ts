/**
 * Chores that run on a timer on every instance. Each feature wires its own set and its own pace
 * (requests: the admins' daily digest, which claims its day so one instance sends it, retention
 * and forgetting expired webhook ids; questions: retention of questions and unanswered ones). Each
 * chore is safe to run on several instances at once; a failure is logged by code and tried again
 * at the next round.
 */
import { errorCode } from '../errors';
import type { Logger } from '../logger';

export interface Chore {
  readonly name: string;
  run(): Promise<unknown>;
}

export class Housekeeping {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly chores: readonly Chore[],
    private readonly everyMs: number,
    private readonly logger: Logger,
    /** Told after every finished round, with its chores' names: how a test knows a round ran since it changed the clock. */
    private readonly onRound?: (chores: readonly string[]) => void,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.round;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.runAll().finally(() => {
        if (!this.stopped) this.onRound?.(this.chores.map((chore) => chore.name));
        this.schedule(this.everyMs);
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async runAll(): Promise<void> {
    for (const chore of this.chores) {
      if (this.stopped) return;
      try {
        const result = await chore.run();
        if (typeof result === 'number' && result > 0) this.logger.info({ chore: chore.name, count: result }, 'housekeeping done');
        else if (result === true) this.logger.info({ chore: chore.name }, 'housekeeping done');
      } catch (err) {
        this.logger.warn({ chore: chore.name, code: errorCode(err) }, 'housekeeping failed; it runs again next round');
      }
    }
  }
}
