/**
 * The FAQ service with what the privacy team taught it: the content's entries, each taught
 * `Also asked:` line added to its entry, and each taught entry beside them. What is taught lives in
 * the store, so every instance looks there on a timer (a cheap read of one version record) and, when
 * it changed, builds a new service and swaps it in: live everywhere within a poll, with no restart.
 * The rest of the bot sees an ordinary FaqService.
 */
import type { Logger } from '../logger';
import type { FaqAnswer, FaqEntry, FaqService } from './types';

/** What the privacy team taught, as the search needs it: no people, no dates. */
export interface TaughtContent {
  /** New entries, each with an id of its own that no content entry has. */
  readonly entries: readonly FaqEntry[];
  /** Ways of asking added to an entry (a content entry or a taught one). */
  readonly alsoAsked: ReadonlyArray<{ readonly entryId: string; readonly text: string }>;
}

/** Where taught content is kept (the store, through the questions service). */
export interface TaughtSource {
  /** Changes whenever anything is taught or forgotten: compared on every poll, so it must be cheap. */
  version(): Promise<string | undefined>;
  load(): Promise<TaughtContent>;
}

export interface LiveFaqOptions<S extends FaqService> {
  readonly source: TaughtSource;
  /**
   * Builds the service over the content's entries and the taught ones (the content's own search and
   * levels). A promise lets it build in slices, the bot answering from the service it replaces meanwhile.
   */
  readonly rebuild: (entries: FaqEntry[]) => S | Promise<S>;
  readonly logger: Logger;
  /** How often the version is looked at; every instance answers with a change within this. */
  readonly everyMs: number;
  /**
   * Others over the same source (the other content languages): they do not poll, and look only when
   * a poll of this one found a change, so an instance reads the version once a poll, not once per language.
   */
  readonly followers?: ReadonlyArray<Pick<LiveFaq, 'refresh'>>;
}

/** Builds the searchable entries: content first (its ids and order unchanged), taught entries after. */
export function withTaught(content: readonly FaqEntry[], taught: TaughtContent): FaqEntry[] {
  const lines = new Map<string, string[]>();
  for (const line of taught.alsoAsked) lines.set(line.entryId, [...(lines.get(line.entryId) ?? []), line.text]);
  const ids = new Set(content.map((entry) => entry.id));
  const all = [...content, ...taught.entries.filter((entry) => !ids.has(entry.id))];
  // A line for an entry no longer in the content (or forgotten) has nothing to point to: it waits, unused.
  return all.map((entry) => (lines.has(entry.id) ? { ...entry, taught: [...(entry.taught ?? []), ...lines.get(entry.id)!] } : entry));
}

export class LiveFaq<S extends FaqService = FaqService> implements FaqService {
  private current: S;
  private seenVersion: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | undefined;
  private queued: Promise<boolean> | undefined;
  /** How long the last rebuild took from start to swap, in ms (built in slices, it holds the loop far less). */
  lastBuildMs = 0;

  constructor(
    /** The content alone, built once at start-up: its entries and its thresholds are reused by every rebuild. */
    private readonly content: S,
    private readonly options: LiveFaqOptions<S>,
  ) {
    this.current = content;
  }

  get entries(): readonly FaqEntry[] {
    return this.current.entries;
  }

  answer(question: string): FaqAnswer {
    return this.current.answer(question);
  }

  getEntry(id: string): FaqEntry | undefined {
    return this.current.getEntry(id);
  }

  relatedTo(entry: FaqEntry): FaqEntry[] {
    return this.current.relatedTo(entry);
  }

  /** The service answering now (the benchmark times it). */
  get service(): S {
    return this.current;
  }

  /**
   * Looks at the version and rebuilds when it changed; true when it did. A call while a look runs
   * gets the next look, which starts after it (that one may have read the version just before the
   * caller's change); every call meanwhile shares that next look, so a burst of changes costs two
   * rebuilds at most, not one per change.
   */
  refresh(): Promise<boolean> {
    if (!this.running) {
      this.running = this.look().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => false)
      .then(() => {
        this.queued = undefined;
        return this.refresh();
      });
    return this.queued;
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.refresh()
        .then(async (changed) => {
          if (changed) await Promise.all((this.options.followers ?? []).map((follower) => follower.refresh()));
        })
        .catch((err: unknown) => this.options.logger.warn({ err: String((err as Error)?.name) }, 'taught content not refreshed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.everyMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async look(): Promise<boolean> {
    const version = await this.options.source.version();
    if (version === this.seenVersion) return false;
    const taught = await this.options.source.load();
    await this.swap(taught);
    this.seenVersion = version;
    return true;
  }

  /** Turns go on with the old service while the new one is built; it replaces the old in one assignment, between two turns. */
  private async swap(taught: TaughtContent): Promise<void> {
    const started = performance.now();
    // Lines for entries this content does not have (another language's, a forgotten entry's) change nothing here.
    const ids = new Set([...this.content.entries, ...taught.entries].map((entry) => entry.id));
    const nothingTaught = taught.entries.length === 0 && !taught.alsoAsked.some((line) => ids.has(line.entryId));
    if (nothingTaught) this.current = this.content;
    else this.current = await this.options.rebuild(withTaught(this.content.entries, taught));
    this.lastBuildMs = performance.now() - started;
    this.options.logger.info(
      { taughtEntries: taught.entries.length, taughtLines: taught.alsoAsked.length, buildMs: Math.round(this.lastBuildMs) },
      'taught content live',
    );
  }
}
