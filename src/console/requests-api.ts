/**
 * /console/api/requests: the table (filters, overdue, pages), one request's history and audit
 * trail, Change status (the status API's rules, through RequestProgress) and Replay (the outbox's
 * own replay of a dead-lettered request). Reading is for the whole team; changes are for admins.
 */
import type { Request, Response, Server } from 'restify';
import { AppError } from '../errors';
import { jsonBody } from '../http/json-body';
import { sendError } from '../http/send-error';
import { MAX_STATUS_BODY_BYTES } from '../http/request-status-route';
import type { Logger } from '../logger';
import { REQUEST_KINDS } from '../requests/kinds';
import type { RequestProgress } from '../requests/progress';
import { REQUEST_ID_FORMAT } from '../requests/request-id';
import type { RequestService } from '../requests/request-service';
import { PROGRESS_STATUSES } from '../requests/types';
import { format, strings } from '../strings';
import type { AuditTrail } from './audit-trail';
import { callerOf, type consoleGuard } from './guard';
import { handled, idParam } from './handle';
import { historyOf, pageOf, rowOf, type ListedRequests } from './request-list';

const s = strings.console.api;
const FILTER_STATUSES = new Set<string>(['open', 'received', 'delivered', 'failed', 'withdrawn', ...PROGRESS_STATUSES]);

export interface RequestsApiDeps {
  readonly guard: ReturnType<typeof consoleGuard>;
  readonly requests: Pick<RequestService, 'findById' | 'replayFailed'>;
  /** Every request's listed fields, shared with the Insights chart. */
  readonly listed: Pick<ListedRequests, 'all' | 'forget'>;
  readonly progress: Pick<RequestProgress, 'report'>;
  readonly audit: AuditTrail;
  readonly logger: Logger;
  readonly now: () => number;
}

export function registerRequestsApi(server: Server, deps: RequestsApiDeps): void {
  const { guard, logger } = deps;
  const notFound = (res: Response) => sendError(res, new AppError('NOT_FOUND', s.noSuchRequest));
  const { listed } = deps;

  server.get(
    '/console/api/requests',
    guard('requests', 'read'),
    handled('console.requests', logger, async (req, res) => {
      const query = new URL(req.url ?? '/', 'http://local').searchParams;
      const status = query.get('status') ?? '';
      const kind = query.get('kind') ?? '';
      const page = pageOf(
        await listed.all(),
        {
          status: FILTER_STATUSES.has(status) ? status : undefined,
          kind: (REQUEST_KINDS as readonly string[]).includes(kind) ? kind : undefined,
          overdue: query.get('overdue') === '1',
          page: Number.parseInt(query.get('page') ?? '1', 10) || 1,
        },
        new Date(deps.now()),
      );
      res.send(200, page);
    }),
  );

  server.get(
    '/console/api/requests/:id',
    guard('requests', 'read'),
    handled('console.request', logger, async (req, res) => {
      const id = idParam(req, REQUEST_ID_FORMAT);
      const stored = id && (await deps.requests.findById(id));
      if (!id || !stored) return notFound(res);
      res.send(200, await detail(deps, id));
    }),
  );

  server.post(
    '/console/api/requests/:id/status',
    guard('requests.status', 'requests.change'),
    jsonBody({ maxBytes: MAX_STATUS_BODY_BYTES }),
    handled('console.requests.status', logger, async (req: Request, res: Response) => {
      const id = idParam(req, REQUEST_ID_FORMAT);
      if (!id) return notFound(res);
      const body = withoutEmpty(req.body);
      const result = await deps.progress.report(id, body);
      logger.info({ route: 'console.requests.status', requestId: id, outcome: result.outcome }, 'console status change');
      switch (result.outcome) {
        case 'notFound':
          return notFound(res);
        case 'invalid':
          return sendError(res, new AppError('BAD_REQUEST', strings.api.status.invalid, {}, { problems: result.problems }));
        case 'closed':
          return sendError(res, new AppError('CONFLICT', format(strings.api.status.closed, { id, status: result.request.progress?.status ?? '' })));
        case 'changed':
          listed.forget();
          await deps.audit.record({ item: `request.${id}`, action: 'status', params: { status: result.request.progress?.status ?? '' }, by: who(req) });
      }
      res.send(200, await detail(deps, id));
    }),
  );

  server.post(
    '/console/api/requests/:id/replay',
    guard('requests.replay', 'requests.change'),
    handled('console.requests.replay', logger, async (req, res) => {
      const id = idParam(req, REQUEST_ID_FORMAT);
      const stored = id && (await deps.requests.findById(id));
      if (!id || !stored) return notFound(res);
      const replayed = await deps.requests.replayFailed(id);
      if (replayed.length === 0) return sendError(res, new AppError('CONFLICT', s.notDeadLettered));
      listed.forget();
      await deps.audit.record({ item: `request.${id}`, action: 'replay', by: who(req) });
      logger.info({ route: 'console.requests.replay', requestId: id }, 'console replay');
      res.send(200, await detail(deps, id));
    }),
  );
}

async function detail(deps: RequestsApiDeps, id: string) {
  const stored = (await deps.requests.findById(id))!;
  const request = stored.value;
  return {
    ...rowOf(request, new Date(deps.now())),
    progress: request.progress && {
      status: request.progress.status,
      message: request.progress.message,
      link: request.progress.link,
      updatedAt: request.progress.updatedAt,
    },
    history: historyOf(request),
    audit: await deps.audit.of(`request.${id}`),
  };
}

/** The form sends every field; an empty one means "not given", as if the status API had left it out. */
function withoutEmpty(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== ''));
}

export function who(req: Request) {
  const { person } = callerOf(req);
  return { aadObjectId: person.aadObjectId, name: person.name };
}
