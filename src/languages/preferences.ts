/**
 * The language each person gets: the one they chose with `language`, else the one their Teams
 * reports. Both are kept per person (under a hash of their ids, never the ids themselves), so a
 * message the bot sends on its own (a request's new status, the privacy team's answer) is in the
 * language the person last used, and so is said only once that answers come from content in another
 * language.
 *
 * A record is personal data (pseudonymous: whoever knows a person's ids can find theirs), so it is
 * kept only while the person uses the bot: each record carries the day the person was last seen,
 * and `sweep` deletes those not seen for the retention period (REQUEST_RETENTION_DAYS). Afterwards
 * the person gets the language their Teams reports again, and is told once more where answers come
 * from. See docs/retention.md.
 */
import { createHash } from 'node:crypto';
import { unlessConflict, type Store } from '../storage/store';
import { pastRetention } from '../storage/retention-sweep';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../strings';

export const LANGUAGE_COLLECTION = 'languages';

export interface LanguageRecord {
  /** Chosen with `language`: wins over what Teams reports. */
  readonly chosen?: Language;
  /** What their Teams reported last. */
  readonly seen?: Language;
  /** Content languages they were told their answers come from (told once each). */
  readonly toldContent?: readonly string[];
  /** The day (YYYY-MM-DD, UTC) the person was last seen: what retention counts from. */
  readonly seenOn?: string;
}

/** The day of an instant, as records keep it: one write a day at most keeps an active person's record. */
export function dayOf(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** People remembered in memory, the least recently seen forgotten first: a turn reads no record twice. */
const REMEMBERED = 5_000;

function recordKey(personKey: string): string {
  return createHash('sha256').update(personKey).digest('hex').slice(0, 40);
}

function cleanRecord(value: unknown): LanguageRecord {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return {
    ...(isLanguage(raw.chosen) ? { chosen: raw.chosen } : {}),
    ...(isLanguage(raw.seen) ? { seen: raw.seen } : {}),
    ...(Array.isArray(raw.toldContent) ? { toldContent: raw.toldContent.filter((tag): tag is string => typeof tag === 'string') } : {}),
    ...(typeof raw.seenOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.seenOn) ? { seenOn: raw.seenOn } : {}),
  };
}

export class LanguagePreferences {
  private readonly remembered = new Map<string, LanguageRecord>();

  constructor(
    private readonly store: Pick<Store, 'get' | 'put' | 'list' | 'delete'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The record of a person known by any of these keys (see personKey in the Teams layer), or an empty one. */
  async get(personKeys: readonly string[]): Promise<LanguageRecord> {
    for (const person of personKeys) {
      const key = recordKey(person);
      const known = this.remembered.get(key);
      if (known) {
        this.remember(key, known);
        return known;
      }
      const stored = await this.store.get<LanguageRecord>(LANGUAGE_COLLECTION, key);
      if (stored) {
        const record = cleanRecord(stored.value);
        this.remember(key, record);
        return record;
      }
    }
    return {};
  }

  /**
   * Changes the record under every key the person is known by (a proactive message may know only one
   * of them), and marks them seen today.
   */
  async update(personKeys: readonly string[], change: (record: LanguageRecord) => LanguageRecord): Promise<LanguageRecord> {
    const next = cleanRecord({ ...change(await this.get(personKeys)), seenOn: this.today() });
    for (const person of personKeys) {
      const key = recordKey(person);
      await this.store.put(LANGUAGE_COLLECTION, key, next);
      this.remember(key, next);
    }
    return next;
  }

  /** Whether a person's record needs today's mark: it has something to keep, and was not marked today. */
  needsSeen(record: LanguageRecord): boolean {
    return Object.keys(record).length > 0 && record.seenOn !== this.today();
  }

  /**
   * Deletes the records of people not seen for `retentionDays`; the number deleted. A record from
   * before records carried a day is marked today, and so counts from now. Safe on several instances
   * at once: a record changed meanwhile (the person came back) is left.
   */
  async sweep(retentionDays: number): Promise<number> {
    const now = this.now();
    let deleted = 0;
    for (const item of await this.store.list<LanguageRecord>(LANGUAGE_COLLECTION)) {
      const record = cleanRecord(item.value);
      if (record.seenOn === undefined) {
        await unlessConflict(this.store.put(LANGUAGE_COLLECTION, item.key, { ...record, seenOn: dayOf(now) }, { etag: item.etag }));
      } else if (
        pastRetention(`${record.seenOn}T00:00:00.000Z`, retentionDays, now) &&
        (await unlessConflict(this.store.delete(LANGUAGE_COLLECTION, item.key, { etag: item.etag })))
      ) {
        this.remembered.delete(item.key);
        deleted++;
      }
    }
    return deleted;
  }

  private today(): string {
    return dayOf(this.now());
  }

  /** The language of a record: the choice, else what Teams reported, else the bot's default. */
  static languageOf(record: LanguageRecord, reported: Language | undefined): Language {
    return record.chosen ?? reported ?? record.seen ?? DEFAULT_LANGUAGE;
  }

  private remember(key: string, record: LanguageRecord): void {
    this.remembered.delete(key);
    this.remembered.set(key, record);
    if (this.remembered.size > REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
  }
}
