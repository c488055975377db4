/**
 * Drives a WorkQueue: claims due items, hands each to a handler with bounded concurrency, and sleeps
 * until the next item is due (or until `kick()` says new work arrived). Failures of the handler are
 * the handler's to classify; an exception here releases the item for a later retry so nothing is lost.
 */
import { errorCode } from '../errors';
import type { Logger } from '../logger';
import type { Claim, WorkQueue } from './work-queue';

export interface WorkRunnerOptions<T> {
  readonly name: string;
  readonly queue: WorkQueue<T>;
  /** Must settle the claim itself (complete or retryAt); a throw is treated as "retry shortly". */
  readonly handle: (claim: Claim<T>) => Promise<void>;
  readonly logger: Logger;
  readonly concurrency?: number;
  /** Longest sleep between polls: other instances may enqueue work this one is not told about. */
  readonly pollMs?: number;
  readonly retryOnErrorMs?: number;
}

export class WorkRunner<T> {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = true;
  private kicked = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: WorkRunnerOptions<T>) {
    options.queue.onEnqueued(() => this.kick());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.kick();
  }

  /** New work is due now: run a pass soon instead of waiting for the timer. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.kicked = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops claiming and waits for items in flight, so SIGTERM never abandons a half-sent delivery. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running || this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      if (this.running) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Resolves when nothing is in flight and nothing is due now (tests and benchmarks wait on this). */
  async idle(): Promise<void> {
    for (;;) {
      const next = await this.options.queue.nextDueAt();
      if (!this.running && this.inFlight.size === 0 && (next === undefined || next > Date.now())) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pass(), Math.max(0, delayMs));
    this.timer.unref?.();
  }

  private async pass(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    this.kicked = false;
    const concurrency = this.options.concurrency ?? 8;
    const pollMs = this.options.pollMs ?? 2000;
    let delay = pollMs;
    try {
      const free = concurrency - this.inFlight.size;
      // Every slot busy: the next item to finish kicks a new pass, so there is nothing to read now.
      if (free > 0) {
        const { claims, nextDueAt } = await this.options.queue.claimDue(free);
        for (const claim of claims) this.track(claim);
        if (nextDueAt !== undefined) delay = Math.min(pollMs, Math.max(0, nextDueAt - Date.now()));
        // A full batch likely means more is due: come back as soon as a slot frees up.
        if (claims.length > 0 && claims.length === free) delay = Math.min(delay, 5);
      }
    } catch (err) {
      this.options.logger.warn({ worker: this.options.name, code: errorCode(err) }, 'work queue pass failed');
      delay = Math.min(pollMs, this.options.retryOnErrorMs ?? 1000);
    } finally {
      this.running = false;
    }
    this.schedule(this.kicked ? 0 : delay);
  }

  private track(claim: Claim<T>): void {
    const work = this.options
      .handle(claim)
      .catch(async (err: unknown) => {
        this.options.logger.warn({ worker: this.options.name, item: claim.item.id, code: errorCode(err) }, 'work item failed; it will be retried');
        await this.options.queue.retryAt(claim, Date.now() + (this.options.retryOnErrorMs ?? 1000)).catch(() => undefined); // if this fails too, the lease lapses and the item comes back anyway
      })
      .finally(() => {
        this.inFlight.delete(work);
        this.kick();
      });
    this.inFlight.add(work);
  }
}
