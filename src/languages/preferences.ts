/**
 * The language each person gets: the one they chose with `language`, else the one their Teams
 * reports. Both are kept per person (under a hash of their ids, never the ids themselves), so a
 * message the bot sends on its own (a request's new status, the privacy team's answer) is in the
 * language the person last used, and so is said only once that answers come from content in another
 * language.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../storage/store';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../strings';

export const LANGUAGE_COLLECTION = 'languages';

export interface LanguageRecord {
  /** Chosen with `language`: wins over what Teams reports. */
  readonly chosen?: Language;
  /** What their Teams reported last. */
  readonly seen?: Language;
  /** Content languages they were told their answers come from (told once each). */
  readonly toldContent?: readonly string[];
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
  };
}

export class LanguagePreferences {
  private readonly remembered = new Map<string, LanguageRecord>();

  constructor(private readonly store: Pick<Store, 'get' | 'put'>) {}

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

  /** Changes the record under every key the person is known by: a proactive message may know only one of them. */
  async update(personKeys: readonly string[], change: (record: LanguageRecord) => LanguageRecord): Promise<LanguageRecord> {
    const next = cleanRecord(change(await this.get(personKeys)));
    for (const person of personKeys) {
      const key = recordKey(person);
      await this.store.put(LANGUAGE_COLLECTION, key, next);
      this.remember(key, next);
    }
    return next;
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
