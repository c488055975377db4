/**
 * Plans calls to Teams so they stay inside its limits instead of colliding with them: per
 * conversation 7 a second, 8 in 2 seconds and 60 in 30 seconds; per tenant `NOTICE_MAX_RPS` a
 * second, for posts, updates and deletes alike (Teams counts them all). `reserve` books the earliest
 * moment every limit allows and says how long to wait for it, so a fan-out runs at the allowed rate
 * and a 429 stays the exception. `holdOff` pushes one conversation back after Teams asks for it
 * (Retry-After) without slowing the others.
 *
 * The tenant's rate is a `TenantBudget`: in this process alone (one instance), or shared through the
 * store by every instance (`SharedTenantBudget`), so three instances together stay at the one rate.
 *
 * One limiter paces everything the bot posts (`teamsPacing`, built once in app.ts): notice copies book
 * and admit their own slots, tickets and personal notifications wait with `pace`.
 */
import { unlessConflict, type Store } from '../storage/store';

export interface Window {
  readonly limit: number;
  readonly ms: number;
}

export const TEAMS_CONVERSATION_WINDOWS: readonly Window[] = [
  { limit: 7, ms: 1000 },
  { limit: 8, ms: 2000 },
  { limit: 60, ms: 30_000 },
];

/**
 * What booking a slot gives: its time, or, when the first free slot is later than the caller is
 * willing to wait, nothing booked and when to ask again. A caller that gave up a booked slot would
 * waste it, and many callers doing that would push the tenant's slots ever further ahead.
 */
export type Booking = { readonly slot: number } | { readonly notBefore: number };

/** A tenant's calls, spaced so no second holds more than its rate. */
export interface TenantBudget {
  /** Books the first free slot at or after `notBefore` (epoch ms), if it is no later than `latest`. */
  take(tenantId: string, notBefore: number, latest: number): Promise<Booking>;
}

/**
 * What the pacing leaves for jitter: calls reach Teams a few milliseconds early or late (timers,
 * the network), and slots exactly 1000/n apart would put n + 1 into some one-second window as soon as
 * one arrived 1 ms late. 4% apart tolerates about 40 ms at 30 a second.
 */
const JITTER_ALLOWANCE = 1.04;

/** Milliseconds between slots: a little over 1000/n, rounded up. */
function slotSpacingMs(perSecond: number): number {
  return Math.ceil((1000 * JITTER_ALLOWANCE) / perSecond);
}

/** The budget of one process: enough with the file store, which one process owns. */
export class LocalTenantBudget implements TenantBudget {
  private readonly next = new Map<string, number>();
  private readonly spacingMs: number;

  constructor(perSecond: number) {
    this.spacingMs = slotSpacingMs(perSecond);
  }

  async take(tenantId: string, notBefore: number, latest: number): Promise<Booking> {
    const slot = Math.max(notBefore, this.next.get(tenantId) ?? 0);
    if (slot > latest) return { notBefore: slot };
    this.next.set(tenantId, slot + this.spacingMs);
    return { slot };
  }
}

export const BUDGET_COLLECTION = 'noticebudget';

interface BudgetRecord {
  /** The first slot nobody has booked yet. */
  readonly next: number;
}

export interface SharedTenantBudgetOptions {
  readonly store: Pick<Store, 'get' | 'put'>;
  readonly perSecond: number;
  readonly now?: () => number;
}

/**
 * One rate for every instance. The tenant's record holds the first slot nobody has taken; an
 * instance books a block of slots at a time with an ETag-conditional write (half a second's worth at
 * most, as many as it has calls waiting), then hands them out locally. Instances take turns at the
 * record, so together they get the rate once, not once each. A slot that passes unused is lost, never
 * used late: a late call would bunch up with the next instance's. Instances' clocks are assumed to
 * agree to within a few milliseconds (NTP, as Azure's hosts keep them).
 */
export class SharedTenantBudget implements TenantBudget {
  private readonly now: () => number;
  private readonly spacingMs: number;
  private readonly maxBlock: number;
  private readonly blocks = new Map<string, { next: number; end: number }>();
  private readonly refills = new Map<string, Promise<number | undefined>>();
  private readonly waiting = new Map<string, number>();

  constructor(private readonly options: SharedTenantBudgetOptions) {
    this.now = options.now ?? Date.now;
    this.spacingMs = slotSpacingMs(options.perSecond);
    this.maxBlock = Math.max(1, Math.floor(options.perSecond / 2));
  }

  async take(tenantId: string, notBefore: number, latest: number): Promise<Booking> {
    this.waiting.set(tenantId, (this.waiting.get(tenantId) ?? 0) + 1);
    try {
      for (;;) {
        const block = this.blocks.get(tenantId);
        const earliest = Math.max(notBefore, this.now());
        if (block && block.next < earliest) block.next += Math.ceil((earliest - block.next) / this.spacingMs) * this.spacingMs;
        if (block && block.next < block.end) {
          // This instance's next slot is too far off for this caller: it keeps it for one that can wait.
          if (block.next > latest) return { notBefore: block.next };
          const slot = block.next;
          block.next += this.spacingMs;
          return { slot };
        }
        let refill = this.refills.get(tenantId);
        if (!refill) {
          refill = this.book(tenantId, latest).finally(() => this.refills.delete(tenantId));
          this.refills.set(tenantId, refill);
        }
        const tooLate = await refill;
        if (tooLate !== undefined) return { notBefore: tooLate };
      }
    } finally {
      this.waiting.set(tenantId, (this.waiting.get(tenantId) ?? 1) - 1);
    }
  }

  /** Books a block from the tenant's record; or, when its first free slot is after `latest`, books nothing and says when that slot is. */
  private async book(tenantId: string, latest: number): Promise<number | undefined> {
    const key = tenantId || 'no-tenant';
    for (let attempt = 0; ; attempt++) {
      const size = Math.min(this.maxBlock, Math.max(1, this.waiting.get(tenantId) ?? 1));
      const current = await this.options.store.get<BudgetRecord>(BUDGET_COLLECTION, key);
      const start = Math.max(this.now(), current?.value.next ?? 0);
      if (start > latest) return start;
      const end = start + size * this.spacingMs;
      const written = await unlessConflict(
        this.options.store.put<BudgetRecord>(BUDGET_COLLECTION, key, { next: end }, current ? { etag: current.etag } : { ifAbsent: true }),
      );
      if (written) {
        this.blocks.set(tenantId, { next: start, end });
        return undefined;
      }
      // Another instance booked first: read again, after a short random pause if it keeps happening.
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

export interface RateLimiterOptions {
  readonly perSecond: number;
  /** Where the tenant's rate is kept; this process alone when not given. */
  readonly budget?: TenantBudget;
  readonly conversationWindows?: readonly Window[];
  readonly now?: () => number;
}

/**
 * Calls that actually start are counted over a second and this much more: timers fire late under load,
 * and a late call followed by one on time would otherwise put one call too many into some second.
 */
const STARTED_WINDOW_MS = 1025;

export class TeamsRateLimiter {
  private readonly now: () => number;
  private readonly perSecond: number;
  private readonly minGapMs: number;
  private readonly lateToleranceMs: number;
  /** When calls actually started, per tenant, within the last window. */
  private readonly started = new Map<string, number[]>();
  private readonly windows: readonly Window[];
  private readonly longest: number;
  private readonly budget: TenantBudget;
  /** Booked send times per conversation, ascending; pruned beyond the longest window. */
  private readonly booked = new Map<string, number[]>();
  private readonly heldUntil = new Map<string, number>();

  constructor(options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.windows = options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS;
    this.longest = Math.max(...this.windows.map((window) => window.ms));
    this.budget = options.budget ?? new LocalTenantBudget(options.perSecond);
    this.perSecond = options.perSecond;
    this.minGapMs = Math.floor(slotSpacingMs(options.perSecond) / 2);
    this.lateToleranceMs = 2 * slotSpacingMs(options.perSecond);
  }

  /**
   * Books a call. `waitMs`: wait that long, then call. `heldForMs`: nothing was booked, ask again
   * after that long: this conversation is held off after a Retry-After, or the tenant's first free
   * slot is more than `maxWaitMs` away (callers that book and then give up a slot would waste it).
   */
  async reserve(
    conversationId: string,
    tenantId: string,
    maxWaitMs = Number.POSITIVE_INFINITY,
  ): Promise<{ readonly waitMs: number } | { readonly heldForMs: number }> {
    const now = this.now();
    const held = this.heldUntil.get(conversationId) ?? 0;
    // A held conversation books nothing: its slot would otherwise hold up every other team.
    if (held > now) return { heldForMs: held - now };
    const times = this.prune(conversationId, now);
    let at = Math.max(now, times.at(-1) ?? 0);
    for (const window of this.windows) {
      // With `limit` sends booked in the window ending at `at`, the earliest is the one to age out.
      if (times.length >= window.limit) at = Math.max(at, times[times.length - window.limit] + window.ms);
    }
    // Booked now, moved to the tenant's slot below: a call to the same conversation meanwhile sees it.
    times.push(at);
    const booking = await this.budget.take(tenantId, at, now + maxWaitMs);
    if (!('slot' in booking)) {
      times.splice(times.lastIndexOf(at), 1);
      return { heldForMs: Math.max(1, booking.notBefore - maxWaitMs - this.now()) };
    }
    if (booking.slot !== at) {
      times[times.lastIndexOf(at)] = booking.slot;
      times.sort((a, b) => a - b);
    }
    return { waitMs: Math.max(0, booking.slot - this.now()) };
  }

  /**
   * Right before the call, once its slot (`slotAt`; left out, any time will do) has come. False when
   * the process woke up too late for it (a stall: the event loop or the machine was busy): calling now would land on top of the
   * calls booked after it, in this instance or another, so the caller books a new slot instead.
   * Otherwise waits while this process already started `perSecond` calls for the tenant within the
   * last second (and a little), then counts this one.
   */
  async admit(tenantId: string, slotAt?: number): Promise<boolean> {
    if (slotAt !== undefined && this.now() - slotAt > this.lateToleranceMs) return false;
    for (;;) {
      const now = this.now();
      const starts = this.started.get(tenantId) ?? [];
      while (starts.length > 0 && starts[0] <= now - STARTED_WINDOW_MS) starts.shift();
      this.started.set(tenantId, starts);
      // Calls let through after a stall still go at most twice the rate, not all at once.
      const gapOk = starts.length === 0 || now - starts[starts.length - 1] >= this.minGapMs;
      if (starts.length < this.perSecond && gapOk) {
        starts.push(now);
        return true;
      }
      const until = starts.length >= this.perSecond ? starts[0] + STARTED_WINDOW_MS + 1 : starts[starts.length - 1] + this.minGapMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, until - now)));
    }
  }

  /** For a call with nothing else to do meanwhile: waits for its slot (and out any hold-off), then lets it go. */
  async pace(conversationId: string, tenantId: string): Promise<void> {
    for (;;) {
      const booking = await this.reserve(conversationId, tenantId);
      if ('heldForMs' in booking) {
        await sleep(booking.heldForMs);
        continue;
      }
      const slotAt = this.now() + booking.waitMs;
      if (booking.waitMs > 0) await sleep(booking.waitMs);
      if (await this.admit(tenantId, slotAt)) return;
    }
  }

  /** Teams said 429 (or 412/502/504) for this conversation: nothing goes there before `untilMs`. */
  holdOff(conversationId: string, untilMs: number): void {
    this.heldUntil.set(conversationId, Math.max(untilMs, this.heldUntil.get(conversationId) ?? 0));
  }

  private prune(conversationId: string, now: number): number[] {
    const times = this.booked.get(conversationId) ?? [];
    while (times.length > 0 && times[0] <= now - this.longest) times.shift();
    this.booked.set(conversationId, times);
    return times;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The process's one Teams pacing: the tenant's rate shared through the store when instances share one. */
export function teamsPacing(perSecond: number, store: Pick<Store, 'get' | 'put' | 'sharedByInstances'>): TeamsRateLimiter {
  const budget = store.sharedByInstances ? new SharedTenantBudget({ store, perSecond }) : new LocalTenantBudget(perSecond);
  return new TeamsRateLimiter({ perSecond, budget });
}
