/**
 * POST /api/requests/{id}/status: the privacy team's system reports a request's progress, which the
 * requester then hears of in Teams. The caller proves itself with PRIVACY_STATUS_TOKEN as a bearer
 * token, checked before the body is read, or with a Standard Webhooks signature made with
 * PRIVACY_WEBHOOK_SECRET, checked on the bounded body's bytes as read. While neither is configured
 * the API does not exist (404).
 */
import type { Next, Request, Response, Server } from 'restify';
import { AppError, errorCode } from '../errors';
import type { Logger } from '../logger';
import type { RequestProgress } from '../requests/progress';
import { verifySignature, type SeenWebhookIds } from '../requests/status-signature';
import { format, strings } from '../strings';
import { bearerMatches } from './bearer';
import { jsonBody } from './json-body';
import { sendError } from './send-error';

/** A status report is a few hundred bytes; 2,000 characters of message and a long link fit many times over. */
export const MAX_STATUS_BODY_BYTES = 16 * 1024;

const s = strings.api.status;

export interface RequestStatusRouteDeps {
  readonly token: string;
  readonly secrets: readonly string[];
  readonly progress: Pick<RequestProgress, 'report'>;
  readonly seen: Pick<SeenWebhookIds, 'remember' | 'forget'>;
  readonly logger: Logger;
  readonly now: () => number;
}

/** How the caller was let in, kept on the request between the handlers. */
type Authenticated = Request & { statusCaller?: 'token' | 'signature' };

export function registerRequestStatusRoute(server: Server, deps: RequestStatusRouteDeps): void {
  const logFor = (req: Request) => ({ route: 'requestStatus', requestId: String(req.params.id ?? '').slice(0, 40) });

  /** The token, or a signature still to be checked on the body: anyone else is refused unread. */
  const admit = (req: Authenticated, res: Response, next: Next) => {
    if (!deps.token && deps.secrets.length === 0) return refuse(res, next, new AppError('NOT_FOUND', strings.api.notFound));
    if (deps.token !== '' && bearerMatches(req.headers.authorization, deps.token)) req.statusCaller = 'token';
    else if (deps.secrets.length > 0 && req.headers['webhook-signature'] !== undefined) req.statusCaller = 'signature';
    else {
      deps.logger.warn({ ...logFor(req), code: 'UNAUTHORIZED' }, 'status call without a valid token or signature');
      return refuse(res, next, new AppError('UNAUTHORIZED', s.credentialsRequired));
    }
    return next();
  };

  server.post('/api/requests/:id/status', admit, jsonBody({ maxBytes: MAX_STATUS_BODY_BYTES }), async (req: Authenticated, res: Response) => {
    const log = logFor(req);
    let webhookId: string | undefined;
    if (req.statusCaller === 'signature') {
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
      const verdict = verifySignature(
        deps.secrets,
        { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') },
        raw,
        deps.now(),
      );
      if (!verdict.ok) {
        deps.logger.warn({ ...log, code: 'UNAUTHORIZED', reason: verdict.reason }, 'status call signature refused');
        return sendError(res, new AppError('UNAUTHORIZED', verdict.reason === 'stale' ? s.signatureStale : s.credentialsRequired));
      }
      // The path is not signed: without the id in the signed body, a captured call could be replayed against another request.
      if ((req.body as { id?: unknown } | undefined)?.id !== req.params.id) {
        deps.logger.warn({ ...log, code: 'BAD_REQUEST', reason: 'unbound-id' }, 'signed status call without its request id');
        return sendError(res, new AppError('BAD_REQUEST', s.invalid, {}, { problems: [s.problems.idRequiredWhenSigned] }));
      }
      if (!(await deps.seen.remember(verdict.id, verdict.timestamp))) {
        deps.logger.warn({ ...log, code: 'UNAUTHORIZED', reason: 'replayed' }, 'status call signature refused');
        return sendError(res, new AppError('UNAUTHORIZED', s.signatureReused));
      }
      webhookId = verdict.id;
    }
    try {
      const result = await deps.progress.report(log.requestId, req.body);
      deps.logger.info({ ...log, via: req.statusCaller, outcome: result.outcome }, 'status call answered');
      switch (result.outcome) {
        case 'notFound':
          return sendError(res, new AppError('NOT_FOUND', s.noSuchRequest));
        case 'invalid':
          return sendError(res, new AppError('BAD_REQUEST', s.invalid, {}, { problems: result.problems }));
        case 'closed':
          return sendError(res, new AppError('CONFLICT', format(s.closed, { id: result.request.id, status: result.request.progress?.status ?? '' })));
        default: {
          const { id, dueBy, progress } = result.request;
          res.send(200, { id, status: progress?.status, dueBy, updatedAt: progress?.updatedAt });
        }
      }
    } catch (err) {
      // Nothing was applied: the sender's retry may use the same webhook-id.
      if (webhookId) await deps.seen.forget(webhookId).catch(() => undefined);
      deps.logger.error({ ...log, code: errorCode(err) }, 'status call failed');
      sendError(res, err);
    }
  });
}

/** Closing the connection keeps Node from reading a refused caller's body to reuse it. */
function refuse(res: Response, next: Next, err: AppError): void {
  res.setHeader('connection', 'close');
  sendError(res, err);
  next(false);
}
