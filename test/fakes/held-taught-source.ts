/**
 * What the store would hold of what the privacy team taught, in memory: what it is given, with a
 * version that changes on every change, as the store's version record does. For LiveFaq in tests
 * and in bench:learned, where no store is needed to show what a rebuild does.
 */
import type { TaughtContent, TaughtSource } from '../../src/faq/live-faq';

export class HeldTaughtSource implements TaughtSource {
  private taught: TaughtContent = { entries: [], alsoAsked: [] };
  private revision = 0;
  set(taught: TaughtContent): void {
    this.taught = taught;
    this.revision++;
  }
  async version(): Promise<string> {
    return String(this.revision);
  }
  async load(): Promise<TaughtContent> {
    return this.taught;
  }
}
