/**
 * /console/api/notices: each notice with its delivery and read counts; compose (now or scheduled),
 * edit, recall and the acknowledgements as CSV, through the NoticeService and the same validation
 * as /api/notices. Everyone with a role reads; only privacy admins send, edit and recall.
 */
import type { Response, Server } from 'restify';
import { AppError } from '../errors';
import { jsonBody } from '../http/json-body';
import { acknowledgementsCsv } from '../http/notices-route';
import { sendError } from '../http/send-error';
import { sendStreamed } from '../http/streamed';
import type { Logger } from '../logger';
import type { NoticeService } from '../notices/notice-service';
import { validateChanges, validateNotice } from '../notices/validate';
import { strings } from '../strings';
import type { AuditTrail } from './audit-trail';
import { type consoleGuard } from './guard';
import { handled, idParam } from './handle';
import { who } from './requests-api';

const NOTICE_ID = /^NT-[0-9A-F]{16}$/;
const MAX_LISTED = 50;

export interface NoticesApiDeps {
  readonly guard: ReturnType<typeof consoleGuard>;
  readonly notices: Pick<NoticeService, 'recent' | 'notice' | 'status' | 'create' | 'edit' | 'recall' | 'acknowledgements'>;
  readonly audit: AuditTrail;
  readonly logger: Logger;
}

export function registerNoticesApi(server: Server, deps: NoticesApiDeps): void {
  const { guard, logger, notices } = deps;
  const notFound = (res: Response) => sendError(res, new AppError('NOT_FOUND', strings.console.api.noSuchNotice));
  const view = async (id: string) => {
    const [notice, status, audit] = await Promise.all([notices.notice(id), notices.status(id), deps.audit.of(`notice.${id}`)]);
    if (!notice || !status) return undefined;
    const { title, text, url, createdAt, sendAt, via } = notice;
    return { title, text, url, createdAt, sendAt, via, ...status, audit };
  };

  server.get(
    '/console/api/notices',
    guard('notices', 'read'),
    handled('console.notices', logger, async (_req, res) => {
      const recent = await notices.recent(MAX_LISTED);
      const rows = await Promise.all(
        recent.map(async (notice) => ({ title: notice.title, createdAt: notice.createdAt, ...(await notices.status(notice.id))! })),
      );
      res.send(200, { notices: rows });
    }),
  );

  server.get(
    '/console/api/notices/:id',
    guard('notices', 'read'),
    handled('console.notice', logger, async (req, res) => {
      const id = idParam(req, NOTICE_ID);
      const found = id && (await view(id));
      if (!found) return notFound(res);
      res.send(200, found);
    }),
  );

  server.post(
    '/console/api/notices',
    guard('notices.create', 'notices.change'),
    jsonBody(),
    handled('console.notices.create', logger, async (req, res) => {
      const checked = validateNotice(req.body);
      if (!checked.ok) return sendError(res, new AppError('BAD_REQUEST', strings.api.invalidNotice, {}, { problems: checked.problems }));
      const { teamIds, sendAt, ...content } = checked.notice;
      const notice = await notices.create(content, { teamIds, via: 'console', sendAt });
      await deps.audit.record({
        item: `notice.${notice.id}`,
        action: sendAt ? 'noticeScheduled' : 'noticeCreated',
        ...(sendAt ? { params: { at: sendAt } } : {}),
        by: who(req),
      });
      res.send(202, await view(notice.id));
    }),
  );

  server.patch(
    '/console/api/notices/:id',
    guard('notices.edit', 'notices.change'),
    jsonBody(),
    handled('console.notices.edit', logger, async (req, res) => {
      const id = idParam(req, NOTICE_ID);
      if (!id) return notFound(res);
      const checked = validateChanges(req.body);
      if (!checked.ok) return sendError(res, new AppError('BAD_REQUEST', strings.api.invalidChanges, {}, { problems: checked.problems }));
      const result = await notices.edit(id, checked.changes);
      if (!result.ok)
        return result.reason === 'recalled' ? sendError(res, new AppError('CONFLICT', strings.api.noticeRecalled, { noticeId: id })) : notFound(res);
      await deps.audit.record({ item: `notice.${id}`, action: 'noticeEdited', by: who(req) });
      res.send(202, await view(id));
    }),
  );

  server.del(
    '/console/api/notices/:id',
    guard('notices.recall', 'notices.change'),
    handled('console.notices.recall', logger, async (req, res) => {
      const id = idParam(req, NOTICE_ID);
      if (!id) return notFound(res);
      const before = await notices.notice(id);
      const result = await notices.recall(id);
      if (!result.ok) return notFound(res);
      if (!before?.recalledAt) await deps.audit.record({ item: `notice.${id}`, action: 'noticeRecalled', by: who(req) });
      res.send(202, await view(id));
    }),
  );

  server.get(
    '/console/api/notices/:id/acknowledgements.csv',
    guard('notices.acks', 'read'),
    handled('console.notices.acks', logger, async (req, res) => {
      const id = idParam(req, NOTICE_ID);
      const pages = id && (await notices.acknowledgements(id));
      if (!id || !pages) return notFound(res);
      await sendStreamed(res, acknowledgementsCsv(id, pages));
    }),
  );
}
