/**
 * Wires teaching the bot: the taught content in the store, the live FAQ of each content language
 * that searches its content with what was taught into it (and rebuilds when any instance teaches or
 * forgets), and the suggestions people make through "Did you mean…". Built before the features,
 * which all answer from the live FAQ.
 */
import type { Server } from 'restify';
import { errorCode } from '../errors';
import {
  createMultilingualFaq,
  defaultContentService,
  otherLanguageServices,
  serviceForEntries,
  type LevelledFaqService,
} from '../faq/languages/multilingual-faq';
import { LiveFaq, type TaughtSource } from '../faq/live-faq';
import { registerLearnedRoute } from '../http/learned-route';
import { LearnedContent } from '../questions/learned';
import { Suggestions } from '../questions/suggestions';
import type { SharedParts } from './shared-parts';

/**
 * How often each instance looks whether anything was taught or forgotten elsewhere: one read of one
 * record, so every instance answers with it well within the contract's 60 seconds.
 */
export const LEARNED_POLL_MS = 15_000;

/**
 * What a language other than the default is taught: the lines of its own entries (a question
 * answered with a German entry is asked again in German). New taught entries have no entry to say
 * their language, so they go to the default language's content, as the team's answer is written.
 */
function linesOnly(source: TaughtSource): TaughtSource {
  return {
    version: () => source.version(),
    load: async () => ({ entries: [], alsoAsked: (await source.load()).alsoAsked }),
  };
}

export async function wireLearning(deps: Pick<SharedParts, 'config' | 'store' | 'logger'> & { readonly everyMs?: number; readonly now?: () => number }) {
  const { config, store, logger, now } = deps;
  // Each language's content is built once; what was taught is added to it on every change, with that
  // language's search and the content's own levels: teaching adds ways in, it does not move them.
  const language = config.contentLanguage;
  const contents = new Map<string, LevelledFaqService>([
    [language, defaultContentService(config.contentDir, language)],
    ...otherLanguageServices(config.contentDir, language),
  ]);
  // A change taught here is live here at once (other instances see it on their next poll); `live` is built just below, before anything can be taught.
  const learned: LearnedContent = new LearnedContent({
    store,
    logger,
    now,
    onChange: async (): Promise<boolean> => (await Promise.all([...live.values()].map((faq) => faq.refresh()))).some(Boolean),
  });
  // A line is searched by the language of the entry it was taught for: each language's LiveFaq leaves the others' lines unused.
  const liveFor = (tag: string, content: LevelledFaqService, followers?: Array<LiveFaq<LevelledFaqService>>) =>
    new LiveFaq(content, {
      source: tag === language ? learned : linesOnly(learned),
      rebuild: (entries) => serviceForEntries(tag, entries, content.thresholds),
      logger,
      everyMs: deps.everyMs ?? LEARNED_POLL_MS,
      followers,
    });
  // The default language's polls; the other languages look when it found a change.
  const others = [...contents].filter(([tag]) => tag !== language).map(([tag, content]) => [tag, liveFor(tag, content)] as const);
  const polling = liveFor(
    language,
    contents.get(language)!,
    others.map(([, faq]) => faq),
  );
  const live = new Map<string, LiveFaq<LevelledFaqService>>([[language, polling], ...others]);
  const faq = createMultilingualFaq(live, language);
  // Taught content survives restarts: it is live before the first turn (or, with the store out, from the first poll that reaches it).
  await Promise.all(
    [...live.values()].map((taught) =>
      taught.refresh().catch((err: unknown) => logger.warn({ code: errorCode(err) }, 'taught content not loaded yet: the poll tries again')),
    ),
  );
  const suggestions = new Suggestions({ store, learned, logger, now });
  return {
    faq,
    learned,
    suggestions,
    registerRoutes: (server: Server) =>
      registerLearnedRoute(server, { token: config.notices.apiToken, learned, suggestions, entryOf: (id) => faq.getEntry(id), logger }),
    worker: {
      start: () => polling.start(),
      stop: async () => polling.stop(),
    },
  };
}

export type LearningParts = Awaited<ReturnType<typeof wireLearning>>;
