/**
 * POST /api/notices and GET /api/notices/{id}: notices from automation. The bearer token is checked
 * before the body is even parsed; while NOTICE_API_TOKEN is unset the API does not exist (404).
 */
import type { Request, Response, Server } from 'restify';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { NoticeService } from '../notices/notice-service';
import { validateNotice } from '../notices/validate';
import { strings } from '../strings';
import { requireBearer } from './bearer';
import { jsonBody } from './json-body';
import { sendError } from './send-error';

export interface NoticesRouteDeps {
  readonly token: string;
  readonly notices: Pick<NoticeService, 'create' | 'status'>;
  readonly logger: Logger;
}

export function registerNoticesRoute(server: Server, deps: NoticesRouteDeps): void {
  const authorize = requireBearer(deps.token, 'notices', deps.logger);

  server.post('/api/notices', authorize, jsonBody(), async (req: Request, res: Response) => {
    const checked = validateNotice(req.body);
    if (!checked.ok) {
      sendError(res, new AppError('BAD_REQUEST', strings.api.invalidNotice, {}, { problems: checked.problems }));
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
      sendError(res, new AppError('NOT_FOUND', strings.api.noSuchNotice));
      return;
    }
    res.send(200, status);
  });
}
