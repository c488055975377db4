/**
 * /console/api/insights: what `insights` shows in Teams (content gaps, entries rated not helpful,
 * the Markdown to paste) plus the two charts' numbers.
 */
import type { Server } from 'restify';
import type { Logger } from '../logger';
// The log never holds more than MAX_UNANSWERED: asking for that many counts every one.
import { MAX_UNANSWERED, type ContentGaps } from '../questions/content-gaps';
import type { InsightsService } from '../questions/insights';
import type { QuestionService } from '../questions/question-service';
import { questionsPerWeek, requestsPerMonth, weeksFrom } from './charts';
import type { consoleGuard } from './guard';
import { handled } from './handle';
import type { ConsoleTeaching } from './learned-api';
import type { ListedRequests } from './request-list';

export interface InsightsApiDeps {
  readonly guard: ReturnType<typeof consoleGuard>;
  readonly insights: Pick<InsightsService, 'compute'>;
  readonly gaps: Pick<ContentGaps, 'since'>;
  readonly questions: Pick<QuestionService, 'askedSince'>;
  /** The requests list's copy: the chart needs each request's kind and date only. */
  readonly listed: Pick<ListedRequests, 'all'>;
  /** Suggestions ("Did you mean…" followed by "Yes, this helped"); absent until teaching is wired. */
  readonly teaching?: Pick<ConsoleTeaching, 'suggestions' | 'entryOf'>;
  readonly logger: Logger;
  readonly now: () => number;
}

export function registerInsightsApi(server: Server, deps: InsightsApiDeps): void {
  server.get(
    '/console/api/insights',
    deps.guard('insights', 'read'),
    handled('console.insights', deps.logger, async (_req, res) => {
      const now = deps.now();
      const from = weeksFrom(now);
      const { teaching } = deps;
      const [insights, unanswered, sent, requests, suggestions] = await Promise.all([
        deps.insights.compute(),
        deps.gaps.since(from, MAX_UNANSWERED),
        deps.questions.askedSince(from),
        deps.listed.all(),
        teaching ? teaching.suggestions.list() : Promise.resolve([]),
      ]);
      res.send(200, {
        ...insights,
        suggestions: suggestions.map((suggestion) => ({
          ...suggestion,
          ...(teaching?.entryOf(suggestion.entryId) ? { title: teaching.entryOf(suggestion.entryId)!.title } : {}),
        })),
        charts: {
          questionsPerWeek: questionsPerWeek(now, unanswered, sent),
          requestsPerMonth: requestsPerMonth(now, requests),
        },
      });
    }),
  );
}
