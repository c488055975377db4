/**
 * GET /api/learned: every taught line and entry, with when it was taught and the Markdown to paste
 * into the content, and the suggestions waiting; DELETE /api/learned/{id} forgets one at once. Behind
 * NOTICE_API_TOKEN, checked before anything else; 404 while it is unset.
 */
import type { Request, Response, Server } from 'restify';
import { AppError, errorCode } from '../errors';
import type { FaqEntry } from '../faq/types';
import type { Logger } from '../logger';
import { isLearnedId, type LearnedContent } from '../questions/learned';
import type { Suggestions } from '../questions/suggestions';
import { strings } from '../strings';
import { requireBearer } from './bearer';
import { sendError } from './send-error';

export interface LearnedRouteDeps {
  readonly token: string;
  readonly learned: Pick<LearnedContent, 'list' | 'forget'>;
  readonly suggestions: Pick<Suggestions, 'list'>;
  readonly entryOf: (id: string) => FaqEntry | undefined;
  readonly logger: Logger;
}

export function registerLearnedRoute(server: Server, deps: LearnedRouteDeps): void {
  const authorize = requireBearer(deps.token, 'learned', deps.logger);
  const failed = (res: Response, err: unknown) => {
    deps.logger.error({ route: 'learned', code: errorCode(err) }, 'learned API failed');
    sendError(res, err);
  };

  server.get('/api/learned', authorize, async (_req: Request, res: Response) => {
    try {
      const [items, suggestions] = await Promise.all([deps.learned.list(deps.entryOf), deps.suggestions.list()]);
      res.send(200, { items, suggestions });
    } catch (err) {
      failed(res, err);
    }
  });

  server.del('/api/learned/:id', authorize, async (req: Request, res: Response) => {
    try {
      const id = String(req.params.id ?? '');
      if (!isLearnedId(id) || !(await deps.learned.forget(id))) return sendError(res, new AppError('NOT_FOUND', strings.api.noSuchLearned));
      deps.logger.info({ learnedId: id }, 'forgotten through the API');
      res.send(204);
    } catch (err) {
      failed(res, err);
    }
  });
}
