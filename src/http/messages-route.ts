/**
 * POST /api/messages: checks that the body is a Bot Framework activity before the Teams layer sees
 * it, then lets it authenticate and run the turn. Failures are answered from the error catalog: no
 * internal message reaches the caller.
 */
import type { Request, Response, Server } from 'restify';
import { AppError, errorCode, isAppError } from '../errors';
import type { Logger } from '../logger';
import { format, strings } from '../strings';
import type { ActivityProcessor } from '../teams/adapter';
import { jsonBody } from './json-body';
import { sendError } from './send-error';

export interface MessagesRouteDeps {
  readonly teams: ActivityProcessor;
  readonly logger: Logger;
}

export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  server.post('/api/messages', jsonBody(), async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      deps.logger.warn({ route: 'messages', problem }, 'rejected a body that is not an activity');
      sendError(res, new AppError('BAD_ACTIVITY', format(strings.api.notAnActivity, { problem })));
      return;
    }
    const auth = String(req.headers.authorization ?? '');
    try {
      const invokeResponse = await deps.teams.process(auth, req.body);
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.status ?? 200, invokeResponse.body);
      else res.send(invokeResponse?.status ?? 200);
    } catch (err) {
      if (isAppError(err, 'UNAUTHORIZED')) {
        deps.logger.warn({ route: 'messages', code: err.code, cause: err.details.cause }, 'rejected an activity without a valid Bot Framework token');
      } else {
        deps.logger.error({ route: 'messages', code: errorCode(err), activityType: req.body.type }, 'activity failed');
      }
      sendError(res, err);
    }
  });
}

/** What makes this body unusable as an activity, or undefined when it is one. */
export function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'type is missing';
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation !== 'object' || typeof conversation.id !== 'string' || conversation.id === '') {
    return 'conversation.id is missing';
  }
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\//.test(activity.serviceUrl)) return 'serviceUrl is missing';
  if (activity.from !== undefined && (typeof activity.from !== 'object' || activity.from === null)) return 'from is malformed';
  return undefined;
}
