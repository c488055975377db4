/**
 * Questions the policy content could not answer, kept so the privacy team can see what is missing:
 * the words asked and when, never who asked or where. Erased after UNANSWERED_RETENTION_DAYS.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { pastRetention } from '../storage/retention-sweep';
import type { Store, StoredItem } from '../storage/store';
import { cleanText, MAX_MESSAGE_CHARS } from '../text/clean-text';

export const UNANSWERED_COLLECTION = 'unanswered';
export const UNANSWERED_RETENTION_DAYS = 90;

export interface UnansweredQuestion {
  readonly text: string;
  readonly at: string;
}

export class ContentGaps {
  private readonly now: () => number;

  constructor(private readonly options: { readonly store: Pick<Store, 'put' | 'list' | 'delete'>; readonly logger: Logger; readonly now?: () => number }) {
    this.now = options.now ?? Date.now;
  }

  async record(question: string): Promise<void> {
    const text = cleanText(question.slice(0, MAX_MESSAGE_CHARS), false);
    if (!text) return;
    const at = this.now();
    // Keys sort by time, so the oldest come first in a listing.
    await this.options.store.put<UnansweredQuestion>(UNANSWERED_COLLECTION, `${String(at).padStart(15, '0')}.${randomUUID()}`, { text, at: new Date(at).toISOString() });
  }

  /**
   * Unanswered questions asked at or after `since` (epoch ms), oldest first. Whoever looks also
   * enforces the retention, from the same listing: nothing older than it is ever shown or kept.
   */
  async since(since: number): Promise<UnansweredQuestion[]> {
    const items = await this.list();
    await this.erase(items);
    const from = new Date(since).toISOString();
    return items.map((item) => item.value).filter((item) => item.at >= from);
  }

  /** Erases every unanswered question older than the retention period; returns how many. */
  async eraseExpired(): Promise<number> {
    return this.erase(await this.list());
  }

  private list(): Promise<StoredItem<UnansweredQuestion>[]> {
    return this.options.store.list<UnansweredQuestion>(UNANSWERED_COLLECTION);
  }

  private async erase(items: readonly StoredItem<UnansweredQuestion>[]): Promise<number> {
    const now = this.now();
    const expired = items.filter((item) => pastRetention(item.value.at, UNANSWERED_RETENTION_DAYS, now));
    for (const item of expired) await this.options.store.delete(UNANSWERED_COLLECTION, item.key);
    if (expired.length > 0) this.options.logger.info({ erased: expired.length, retentionDays: UNANSWERED_RETENTION_DAYS }, 'unanswered questions erased');
    return expired.length;
  }
}
