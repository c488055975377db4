/**
 * Wires teaching the bot: the taught content in the store, the live FAQ that searches the content
 * with it (and rebuilds when any instance teaches or forgets), and the suggestions people make
 * through "Did you mean…". Built before the features, which all answer from the live FAQ.
 */
import type { Server } from 'restify';
import { errorCode } from '../errors';
import { defaultContentService, loadMultilingualFaq, serviceForEntries, type LevelledFaqService } from '../faq/languages/multilingual-faq';
import { LiveFaq } from '../faq/live-faq';
import { registerLearnedRoute } from '../http/learned-route';
import { LearnedContent } from '../questions/learned';
import { Suggestions } from '../questions/suggestions';
import type { SharedParts } from './shared-parts';

/**
 * How often each instance looks whether anything was taught or forgotten elsewhere: one read of one
 * record, so every instance answers with it well within the contract's 60 seconds.
 */
export const LEARNED_POLL_MS = 15_000;

export async function wireLearning(deps: Pick<SharedParts, 'config' | 'store' | 'logger'> & { readonly everyMs?: number; readonly now?: () => number }) {
  const { config, store, logger, now } = deps;
  // The default language's content is built once; taught content is added to it on every change, with
  // that language's search and the content's own levels: teaching adds ways in, it does not move them.
  const language = config.contentLanguage;
  const content = defaultContentService(config.contentDir, language);
  // A change taught here is live here at once (other instances see it on their next poll); `faq` is built just below, before anything can be taught.
  const learned: LearnedContent = new LearnedContent({ store, logger, now, onChange: (): Promise<boolean> => taught.refresh() });
  const taught: LiveFaq<LevelledFaqService> = new LiveFaq(content, {
    source: learned,
    rebuild: (entries, phrasings) => serviceForEntries(language, entries, content.thresholds, phrasings),
    logger,
    everyMs: deps.everyMs ?? LEARNED_POLL_MS,
  });
  // Every language's content; the default one's with what was taught.
  const faq = loadMultilingualFaq(config.contentDir, language, taught);
  // Taught content survives restarts: it is live before the first turn (or, with the store out, from the first poll that reaches it).
  await taught.refresh().catch((err: unknown) => logger.warn({ code: errorCode(err) }, 'taught content not loaded yet: the poll tries again'));
  const suggestions = new Suggestions({ store, learned, logger, now });
  return {
    faq,
    learned,
    suggestions,
    registerRoutes: (server: Server) =>
      registerLearnedRoute(server, { token: config.notices.apiToken, learned, suggestions, entryOf: (id) => faq.getEntry(id), logger }),
    worker: { start: () => taught.start(), stop: async () => taught.stop() },
  };
}

export type LearningParts = Awaited<ReturnType<typeof wireLearning>>;
