import path from 'node:path';
import { createFaqServiceInSlices, loadFaqService } from '../../src/faq/faq-service';
import { LiveFaq } from '../../src/faq/live-faq';
import type { FaqEntry } from '../../src/faq/types';
import { createLogger } from '../../src/logger';
import { HeldTaughtSource, liveFaqOver } from '../fakes/held-taught-source';
import { until } from '../fakes/until';

const content = loadFaqService(path.resolve(__dirname, 'fixtures/vet-practice/content'));
const entryTitled = (title: RegExp) => content.entries.find((entry) => title.test(entry.title))!;

const liveFaq = () => liveFaqOver(content);

describe('the FAQ with what the privacy team taught', () => {
  it('answers a taught question word for word with the entry it was taught for', async () => {
    const { faq, source } = liveFaq();
    const entry = entryTitled(/^complaints?/i) ?? content.entries[0];
    const question = 'can the bailiffs see what my cat ate on tuesday';
    source.set({ entries: [], alsoAsked: [{ entryId: entry.id, text: question }] });
    await faq.refresh();
    expect(faq.answer(question).entry?.id).toBe(entry.id);
  });

  it('keeps answering from the service it replaces while a rebuild runs, and swaps only when the new one is whole', async () => {
    const { faq, source } = liveFaq();
    const question = 'who else sees my information';
    const before = faq.answer(question);
    source.set({
      entries: [],
      alsoAsked: content.entries.map((entry, i) => ({ entryId: entry.id, text: `taught question number ${i} about ${entry.title}` })),
    });
    const answeredDuring: Array<string | undefined> = [];
    let rebuilding = true;
    // A turn arriving while the rebuild runs: it is served, and from the old service.
    const turn = () => {
      if (!rebuilding) return;
      answeredDuring.push(faq.answer(question).entry?.id);
      setImmediate(turn);
    };
    setImmediate(turn);
    const refreshed = faq.refresh().finally(() => (rebuilding = false));
    await refreshed;
    // The rebuild has more than one slice, so turns ran between them.
    expect(answeredDuring.length).toBeGreaterThan(1);
    expect(new Set(answeredDuring)).toEqual(new Set([before.entry?.id]));
    expect(faq.service).not.toBe(content);
  });

  it('reads the version once a poll however many languages follow it, and each follower looks when the poll found a change', async () => {
    const held = new HeldTaughtSource();
    const reads = { polling: 0, follower: 0 };
    const counted = (who: keyof typeof reads) => ({
      version: () => {
        reads[who]++;
        return held.version();
      },
      load: () => held.load(),
    });
    const options = { rebuild: (entries: FaqEntry[]) => createFaqServiceInSlices(entries, { thresholds: content.thresholds }), logger: createLogger('silent') };
    const follower = new LiveFaq(content, { ...options, source: counted('follower'), everyMs: 60_000 });
    const polling = new LiveFaq(content, { ...options, source: counted('polling'), everyMs: 5, followers: [follower] });
    polling.start();
    try {
      await until(() => reads.polling >= 6, 5_000, 'six polls');
      // The first poll saw the content's first version (a change from none): the follower looked once then, and never since.
      expect(reads.follower).toBe(1);

      const entry = entryTitled(/^complaints?/i) ?? content.entries[0];
      const question = 'can the bailiffs see what my cat ate on tuesday';
      held.set({ entries: [], alsoAsked: [{ entryId: entry.id, text: question }] });
      await until(() => follower.answer(question).entry?.id === entry.id, 5_000, 'the follower answering the taught question');
      expect(reads.follower).toBe(2);
    } finally {
      polling.stop();
    }
  });
});
