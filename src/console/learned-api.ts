/**
 * /console/api/learned: what the bot answers from. The content files' entries, and what the
 * privacy team taught (lines and entries, with the Markdown to paste and, for privacy admins,
 * Forget); /console/api/suggestions/{id}/accept and /dismiss for what people answered themselves.
 * All through the same teaching services as `learned` in Teams and /api/learned.
 */
import type { Response, Server } from 'restify';
import { AppError } from '../errors';
import type { FaqEntry, FaqService } from '../faq/types';
import { sendError } from '../http/send-error';
import type { Logger } from '../logger';
import { isLearnedId, MAX_LEARNED, type LearnedContent } from '../questions/learned';
import { isSuggestionId, type Suggestions } from '../questions/suggestions';
import { format, strings } from '../strings';
import type { AuditTrail } from './audit-trail';
import type { consoleGuard } from './guard';
import { handled } from './handle';
import { who } from './requests-api';

/** The teaching feature's services, as the console uses them. */
export interface ConsoleTeaching {
  readonly learned: Pick<LearnedContent, 'list' | 'forget'>;
  readonly suggestions: Pick<Suggestions, 'list' | 'accept' | 'dismiss'>;
  /** Any entry the bot answers with, content or taught. */
  readonly entryOf: (id: string) => FaqEntry | undefined;
}

export interface LearnedApiDeps {
  readonly guard: ReturnType<typeof consoleGuard>;
  readonly faq: Pick<FaqService, 'entries'>;
  readonly teaching?: ConsoleTeaching;
  readonly audit: AuditTrail;
  readonly logger: Logger;
}

export function registerLearnedApi(server: Server, deps: LearnedApiDeps): void {
  const { guard, teaching, audit, logger } = deps;
  const nothingTaught = (res: Response) => sendError(res, new AppError('NOT_FOUND', strings.api.noSuchLearned));
  const noSuggestion = (res: Response) => sendError(res, new AppError('NOT_FOUND', strings.learned.suggestionGone));

  server.get(
    '/console/api/learned',
    guard('learned', 'read'),
    handled('console.learned', logger, async (_req, res) => {
      res.send(200, {
        teaching: teaching !== undefined,
        taught: teaching ? await teaching.learned.list(teaching.entryOf) : [],
        content: deps.faq.entries.map((entry) => ({ id: entry.id, title: entry.title, file: entry.source.file, kind: entry.kind, alsoAsked: entry.alsoAsked })),
      });
    }),
  );

  server.del(
    '/console/api/learned/:id',
    guard('learned.forget', 'learned.change'),
    handled('console.learned.forget', logger, async (req, res) => {
      const id = String(req.params.id ?? '');
      if (!teaching || !isLearnedId(id) || !(await teaching.learned.forget(id))) return nothingTaught(res);
      await audit.record({ item: `learned.${id}`, action: 'forget', by: who(req) });
      logger.info({ route: 'console.learned.forget', learnedId: id }, 'forgotten through the console');
      res.send(200, { id, forgotten: true });
    }),
  );

  server.post(
    '/console/api/suggestions/:id/accept',
    guard('console.suggestions.accept', 'learned.change'),
    handled('console.suggestions.accept', logger, async (req, res) => {
      const id = String(req.params.id ?? '');
      const result = teaching && isSuggestionId(id) ? await teaching.suggestions.accept(id) : undefined;
      if (!result) return noSuggestion(res);
      if (result.outcome === 'full')
        return sendError(res, new AppError('CONFLICT', format(strings.learned.taughtFullNote, { max: MAX_LEARNED }), { reason: 'full' }));
      await audit.record({ item: `suggestion.${id}`, action: 'accept', by: who(req), ...('item' in result ? { params: { learned: result.item.id } } : {}) });
      logger.info({ route: 'console.suggestions.accept', outcome: result.outcome }, 'suggestion accepted through the console');
      res.send(200, { id, outcome: result.outcome, ...('item' in result ? { learnedId: result.item.id } : {}) });
    }),
  );

  server.post(
    '/console/api/suggestions/:id/dismiss',
    guard('console.suggestions.dismiss', 'learned.change'),
    handled('console.suggestions.dismiss', logger, async (req, res) => {
      const id = String(req.params.id ?? '');
      if (!teaching || !isSuggestionId(id) || !(await teaching.suggestions.dismiss(id))) return noSuggestion(res);
      await audit.record({ item: `suggestion.${id}`, action: 'dismiss', by: who(req) });
      res.send(200, { id, dismissed: true });
    }),
  );
}
