/**
 * /api/notices: notices from automation. Send (now or at `sendAt`), read the status, edit (PATCH),
 * recall or cancel (DELETE, `?purge=true` to erase it and its acknowledgements), and list who has
 * read it (JSON, or CSV for `Accept: text/csv`, written a page at a time). The bearer token is checked before the body is even
 * parsed; while NOTICE_API_TOKEN is unset the API does not exist (404).
 */
import type { Request, Response, Server } from 'restify';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { NoticeService } from '../notices/notice-service';
import type { Acknowledgement } from '../notices/types';
import { validateChanges, validateNotice } from '../notices/validate';
import { strings } from '../strings';
import { requireBearer } from './bearer';
import { csvRow } from './csv';
import { jsonBody } from './json-body';
import { sendError } from './send-error';
import { sendStreamed, type StreamedList } from './streamed';

export interface NoticesRouteDeps {
  readonly token: string;
  readonly notices: Pick<NoticeService, 'create' | 'status' | 'edit' | 'recall' | 'acknowledgements'>;
  readonly logger: Logger;
}

const NOTICE_ID = /^NT-[0-9A-F]{16}$/;

export function registerNoticesRoute(server: Server, deps: NoticesRouteDeps): void {
  const authorize = requireBearer(deps.token, 'notices', deps.logger);
  const notFound = (res: Response) => sendError(res, new AppError('NOT_FOUND', strings.api.noSuchNotice));
  /** The notice id in the path, or a 404 answered. */
  const noticeId = (req: Request, res: Response): string | undefined => {
    const id = String(req.params.id ?? '');
    if (NOTICE_ID.test(id)) return id;
    notFound(res);
    return undefined;
  };

  server.post('/api/notices', authorize, jsonBody(), async (req: Request, res: Response) => {
    const checked = validateNotice(req.body);
    if (!checked.ok) {
      sendError(res, new AppError('BAD_REQUEST', strings.api.invalidNotice, {}, { problems: checked.problems }));
      return;
    }
    const { teamIds, sendAt, ...content } = checked.notice;
    const notice = await deps.notices.create(content, { teamIds, via: 'api', sendAt });
    res.send(202, { id: notice.id, targets: notice.targets, ...(notice.sendAt ? { sendAt: notice.sendAt } : {}) });
  });

  server.get('/api/notices/:id', authorize, async (req: Request, res: Response) => {
    const id = noticeId(req, res);
    if (!id) return;
    const status = await deps.notices.status(id);
    if (!status) return notFound(res);
    res.send(200, status);
  });

  server.patch('/api/notices/:id', authorize, jsonBody(), async (req: Request, res: Response) => {
    const id = noticeId(req, res);
    if (!id) return;
    const checked = validateChanges(req.body);
    if (!checked.ok) {
      sendError(res, new AppError('BAD_REQUEST', strings.api.invalidChanges, {}, { problems: checked.problems }));
      return;
    }
    const result = await deps.notices.edit(id, checked.changes);
    if (!result.ok) {
      if (result.reason === 'recalled') sendError(res, new AppError('CONFLICT', strings.api.noticeRecalled, { noticeId: id }));
      else notFound(res);
      return;
    }
    res.send(202, await deps.notices.status(id));
  });

  server.del('/api/notices/:id', authorize, async (req: Request, res: Response) => {
    const id = noticeId(req, res);
    if (!id) return;
    const purge = new URL(req.url ?? '/', 'http://local').searchParams.get('purge') === 'true';
    const result = await deps.notices.recall(id, { purge });
    if (!result.ok) return notFound(res);
    res.send(202, await deps.notices.status(id));
  });

  server.get('/api/notices/:id/acknowledgements', authorize, async (req: Request, res: Response) => {
    const id = noticeId(req, res);
    if (!id) return;
    const pages = await deps.notices.acknowledgements(id);
    if (!pages) return notFound(res);
    // Written a page at a time as read: a notice to everyone gathers one record per person.
    if (/\btext\/csv\b/i.test(req.headers.accept ?? '')) {
      await sendStreamed(res, acknowledgementsCsv(id, pages));
      return;
    }
    await sendStreamed(res, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
      start: '[',
      pages,
      page: (items, first) => (first ? '' : ',') + items.map(({ aadObjectId, name, at }) => JSON.stringify({ aadObjectId, name, at })).join(','),
      end: ']',
    });
  });
}

/** A notice's acknowledgements as a CSV download, a row a person, written a page at a time (also the console's). */
export function acknowledgementsCsv(noticeId: string, pages: AsyncIterable<readonly Acknowledgement[]>): StreamedList<Acknowledgement> {
  return {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${noticeId}-acknowledgements.csv"` },
    start: csvRow(['aadObjectId', 'name', 'at']),
    pages,
    page: (items) => items.map(({ aadObjectId, name, at }) => csvRow([aadObjectId, name, at])).join(''),
    end: '',
  };
}
