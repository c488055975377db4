/**
 * Plans posts so they stay inside Teams' limits instead of colliding with them: per conversation
 * 7 a second, 8 in 2 seconds and 60 in 30 seconds; per tenant `NOTICE_MAX_RPS` a second. `reserve`
 * books the earliest moment every limit allows and says how long to wait for it, so a fan-out runs
 * at the allowed rate and a 429 stays the exception. `holdOff` pushes one conversation back after
 * Teams asks for it (Retry-After) without slowing the others.
 */
export interface Window {
  readonly limit: number;
  readonly ms: number;
}

export const TEAMS_CONVERSATION_WINDOWS: readonly Window[] = [
  { limit: 7, ms: 1000 },
  { limit: 8, ms: 2000 },
  { limit: 60, ms: 30_000 },
];

export interface RateLimiterOptions {
  readonly perSecond: number;
  readonly conversationWindows?: readonly Window[];
  readonly now?: () => number;
}

export class TeamsRateLimiter {
  private readonly now: () => number;
  private readonly windows: readonly Window[];
  private readonly longest: number;
  /** Booked send times per conversation, ascending; pruned beyond the longest window. */
  private readonly booked = new Map<string, number[]>();
  private readonly heldUntil = new Map<string, number>();
  /** Next free slot per tenant: slots are spaced 1/perSecond apart. */
  private readonly tenantSlot = new Map<string, number>();
  private readonly spacingMs: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.windows = options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS;
    this.longest = Math.max(...this.windows.map((window) => window.ms));
    // Rounded up: evenly spaced slots at exactly 1000/n ms fit n + 1 sends into some one-second window.
    this.spacingMs = Math.ceil(1000 / options.perSecond);
  }

  /**
   * Books a send. `waitMs`: wait that long, then send. `heldForMs`: this conversation is held off
   * after a Retry-After; nothing was booked, ask again later.
   */
  reserve(conversationId: string, tenantId: string): { readonly waitMs: number } | { readonly heldForMs: number } {
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
    at = Math.max(at, this.tenantSlot.get(tenantId) ?? 0);
    this.tenantSlot.set(tenantId, at + this.spacingMs);
    times.push(at);
    return { waitMs: at - now };
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
