/**
 * What the store would hold of what the privacy team taught, in memory: what it is given, with a
 * version that changes on every change, as the store's version record does. For LiveFaq in tests
 * and in bench:learned, where no store is needed to show what a rebuild does.
 */
import { createFaqServiceInSlices, type ExplainingFaqService } from '../../src/faq/faq-service';
import { LiveFaq, type TaughtContent, type TaughtSource } from '../../src/faq/live-faq';
import { createLogger } from '../../src/logger';

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

/**
 * The FAQ service over `content` with what `source` holds taught into it, rebuilt as the app rebuilds
 * it (in slices, with the content's own levels): for the tests of what teaching does to answers.
 */
export function liveFaqOver<S extends ExplainingFaqService>(
  content: S,
  source = new HeldTaughtSource(),
): { faq: LiveFaq<ExplainingFaqService>; source: HeldTaughtSource } {
  const faq = new LiveFaq<ExplainingFaqService>(content, {
    source,
    rebuild: (entries) => createFaqServiceInSlices(entries, { thresholds: content.thresholds }),
    logger: createLogger('silent'),
    everyMs: 60_000,
  });
  return { faq, source };
}
