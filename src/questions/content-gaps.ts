/**
 * Questions the policy content could not answer, kept so the privacy team can see what is missing:
 * the words asked and when, never who asked or where. Erased after UNANSWERED_RETENTION_DAYS.
 *
 * The bot records these without being asked, and anyone can cause them, so the log is bounded:
 * at most MAX_UNANSWERED records of at most MAX_UNANSWERED_CHARS characters each (a question over
 * the count is dropped, not stored), with email addresses and phone numbers replaced before storing.
 * Keys sort newest first, so the newest N are read by reading N records, however long the log; a
 * look pages through them, yielding between pages. A record that became a question to the privacy
 * team is erased with that question (`erase`, from its retention).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { MAX_SEARCHED_CHARS } from '../language/words';
import { pastRetention } from '../storage/retention-sweep';
import { forEachPage, type Store, type StoredItem } from '../storage/store';
import { strings } from '../strings';
import { cleanText } from '../text/clean-text';

export const UNANSWERED_COLLECTION = 'unanswered';
export const UNANSWERED_RETENTION_DAYS = 90;
/** Enough for months of real questions; a flood past it is dropped rather than kept. */
export const MAX_UNANSWERED = 10_000;
/** What grouping reads of a question is this long: more would be kept for nothing. */
export const MAX_UNANSWERED_CHARS = MAX_SEARCHED_CHARS;
const DAY_MS = 86_400_000;

export interface UnansweredQuestion {
  readonly text: string;
  readonly at: string;
}

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z0-9-]{2,}/gi;
/** A run of 7 or more digits, with the separators phone numbers are written with. */
const PHONE = /(?:\+|\b)\d(?:[\s().\-/]{0,2}\d){6,}\b/g;

/** The question without the email addresses and phone numbers people type into questions. */
export function withoutContactDetails(text: string): string {
  return text.replace(EMAIL, strings.questions.redactedEmail).replace(PHONE, strings.questions.redactedPhone);
}

/**
 * Keys sort newest first (the time asked, counted down from LATEST), so a listing starts with the
 * newest and a time bound is a key bound. They begin with NEWEST_FIRST; keys written before this
 * order (the time asked, counted up, all digits) sort before every one of them and are moved over
 * by `moveOlderKeys`.
 */
const NEWEST_FIRST = 'n';
const LATEST = 10 ** 15 - 1;
export function unansweredKey(at: number, suffix = ''): string {
  return `${NEWEST_FIRST}${String(LATEST - at).padStart(15, '0')}.${suffix}`;
}
/** Keys as they were written before the newest-first order: oldest first, all before NEWEST_FIRST. */
function olderKey(at: number): string {
  return `${String(at).padStart(15, '0')}.`;
}

const KEY_FORMAT = new RegExp(`^${NEWEST_FIRST}\\d{15}\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);

/** True for a key `record` makes: what a question may carry as the record it came from. */
export function isUnansweredKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_FORMAT.test(value);
}

export class ContentGaps {
  private readonly now: () => number;
  private readonly maxCount: number;
  /** How many are stored: counted once, kept up to date by this instance's writes, and counted afresh at each sweep (other instances write too). */
  private known: number | undefined;
  private counting: Promise<void> | undefined;
  private stale = true;
  private droppedSinceSweep = 0;

  constructor(
    private readonly options: {
      readonly store: Pick<Store, 'put' | 'listRange' | 'delete'>;
      readonly logger: Logger;
      readonly now?: () => number;
      readonly maxCount?: number;
    },
  ) {
    this.now = options.now ?? Date.now;
    this.maxCount = options.maxCount ?? MAX_UNANSWERED;
  }

  /** The stored record's key, or undefined when nothing was stored (nothing left to keep, or the log is full). */
  async record(question: string): Promise<string | undefined> {
    const text = withoutContactDetails(cleanText(question.slice(0, MAX_UNANSWERED_CHARS * 2), false))
      .slice(0, MAX_UNANSWERED_CHARS)
      .trim();
    if (!text) return undefined;
    await this.counted();
    // Checked and counted in one step after the await, so records arriving together cannot pass the bound.
    if (this.known! >= this.maxCount) {
      if (this.droppedSinceSweep++ === 0)
        this.options.logger.warn(
          { code: 'UNANSWERED_FULL', max: this.maxCount },
          'the unanswered-question log is full: new ones are dropped until old ones are erased',
        );
      return undefined;
    }
    this.known!++;
    const at = this.now();
    const key = unansweredKey(at, randomUUID());
    await this.options.store.put<UnansweredQuestion>(UNANSWERED_COLLECTION, key, { text, at: new Date(at).toISOString() });
    return key;
  }

  /** Erases one record by its key (from `record`); true when there was one. Keys of any other shape erase nothing. */
  async erase(key: string): Promise<boolean> {
    if (!isUnansweredKey(key)) return false;
    const erased = await this.options.store.delete(UNANSWERED_COLLECTION, key);
    if (erased && this.known !== undefined) this.known = Math.max(0, this.known - 1);
    return erased;
  }

  /**
   * Unanswered questions asked at or after `since` (epoch ms), oldest first, at most the newest
   * `limit`: only those are read. Whoever looks also enforces the retention: nothing older than it
   * is ever shown or kept.
   */
  async since(since: number, limit: number): Promise<UnansweredQuestion[]> {
    await this.eraseExpired();
    const from = new Date(since).toISOString();
    const newest: UnansweredQuestion[] = [];
    // `to` is exclusive: the key of the millisecond before `since` ends the range.
    await forEachPage<UnansweredQuestion>(this.options.store, UNANSWERED_COLLECTION, { prefix: NEWEST_FIRST, to: unansweredKey(since - 1), limit }, (items) => {
      for (const item of items) if (item.value.at >= from) newest.push(item.value);
    });
    return newest.reverse();
  }

  /** Erases every unanswered question older than the retention period; returns how many. */
  async eraseExpired(): Promise<number> {
    const now = this.now();
    const expired: StoredItem<UnansweredQuestion>[] = [];
    const collect = (items: StoredItem<UnansweredQuestion>[]) => {
      for (const item of items) if (pastRetention(item.value.at, UNANSWERED_RETENTION_DAYS, now)) expired.push(item);
    };
    const cutOff = now - UNANSWERED_RETENTION_DAYS * DAY_MS;
    // Keys begin with the time asked: the expired ones are the keys after the cut-off's (newest
    // first), and, of the keys written before that order, those before it.
    await forEachPage<UnansweredQuestion>(this.options.store, UNANSWERED_COLLECTION, { prefix: NEWEST_FIRST, from: unansweredKey(cutOff) }, collect);
    await forEachPage<UnansweredQuestion>(this.options.store, UNANSWERED_COLLECTION, { to: olderKey(cutOff + 1) }, collect);
    for (const item of expired) await this.options.store.delete(UNANSWERED_COLLECTION, item.key);
    if (expired.length > 0) this.options.logger.info({ erased: expired.length, retentionDays: UNANSWERED_RETENTION_DAYS }, 'unanswered questions erased');
    if (this.known !== undefined) this.known = Math.max(0, this.known - expired.length);
    // Counted afresh before the next record, so other instances' records are counted too.
    this.stale = true;
    this.droppedSinceSweep = 0;
    return expired.length;
  }

  /**
   * Moves records kept under the keys written before the newest-first order to their newest-first
   * keys (the new copy first, so a crash in between leaves a duplicate, never a loss); returns how
   * many. A chore: until it has run, looks show only what is under the new keys.
   */
  async moveOlderKeys(): Promise<number> {
    let moved = 0;
    await forEachPage<UnansweredQuestion>(this.options.store, UNANSWERED_COLLECTION, { to: NEWEST_FIRST }, async (items) => {
      for (const item of items) {
        const at = Date.parse(item.value.at);
        if (Number.isFinite(at))
          await this.options.store.put<UnansweredQuestion>(UNANSWERED_COLLECTION, unansweredKey(at, item.key.slice(item.key.indexOf('.') + 1)), item.value);
        await this.options.store.delete(UNANSWERED_COLLECTION, item.key);
        moved++;
      }
    });
    return moved;
  }

  private async counted(): Promise<void> {
    if (!this.stale) return;
    this.counting ??= (async () => {
      this.stale = false;
      let count = 0;
      await forEachPage(this.options.store, UNANSWERED_COLLECTION, {}, (items) => {
        count += items.length;
      });
      this.known = count;
    })()
      .catch((err: unknown) => {
        this.stale = true;
        throw err;
      })
      .finally(() => (this.counting = undefined));
    await this.counting;
  }
}
