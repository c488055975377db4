/**
 * POST /api/notices and GET /api/notices/{id}: notices from automation. The bearer token is checked
 * before the body is even parsed; while NOTICE_API_TOKEN is unset the API does not exist (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Next, Request, RequestHandler, Response, Server } from 'restify';
import type { Logger } from '../logger';
import type { NoticeService } from '../notices/notice-service';
import { validateNotice } from '../notices/validate';
import { jsonBody } from './json-body';

export interface NoticesRouteDeps {
  readonly token: string;
  readonly notices: Pick<NoticeService, 'create' | 'status'>;
  readonly logger: Logger;
}

export function registerNoticesRoute(server: Server, deps: NoticesRouteDeps): void {
  const authorize: RequestHandler = (req: Request, res: Response, next: Next) => {
    // Refused callers' bodies are never read: closing the connection stops Node reading them to reuse it.
    const refuse = () => res.setHeader('connection', 'close');
    if (!deps.token) {
      refuse();
      res.send(404, { error: 'NotFound' });
      return next(false);
    }
    if (!bearerMatches(req.headers.authorization, deps.token)) {
      refuse();
      deps.logger.warn({ route: 'notices', code: 'UNAUTHORIZED' }, 'notices API call without a valid token');
      res.send(401, { error: 'Unauthorized', message: 'A valid bearer token is required.' });
      return next(false);
    }
    return next();
  };

  server.post('/api/notices', authorize, jsonBody(), async (req: Request, res: Response) => {
    const checked = validateNotice(req.body);
    if (!checked.ok) {
      res.send(400, { error: 'BadRequest', problems: checked.problems });
      return;
    }
    const { teamIds, ...content } = checked.notice;
    const notice = await deps.notices.create(content, { teamIds, via: 'api' });
    res.send(202, { id: notice.id, targets: notice.targets });
  });

  server.get('/api/notices/:id', authorize, async (req: Request, res: Response) => {
    const id = String(req.params.id ?? '');
    const status = /^NT-[0-9A-F]{16}$/.test(id) ? await deps.notices.status(id) : undefined;
    if (!status) {
      res.send(404, { error: 'NotFound', message: 'No notice with that id.' });
      return;
    }
    res.send(200, status);
  });
}

/** Constant-time: hashing both sides first makes the comparison independent of their lengths too. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1].trim()), digest(token));
}
