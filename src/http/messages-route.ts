/**
 * POST /api/messages: checks that the body is a Bot Framework activity before the adapter sees it,
 * then lets the adapter authenticate and run the turn. Failures answer with a status and a fixed
 * short body: no internal message reaches the caller.
 */
import type { TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { errorCode } from '../errors';
import { NotAuthenticated, type BotAdapter } from '../teams/adapter';
import type { Logger } from '../logger';
import { jsonBody } from './json-body';

export interface MessagesRouteDeps {
  readonly adapter: Pick<BotAdapter, 'processIncoming'>;
  readonly runTurn: (turn: TurnContext) => Promise<void>;
  readonly logger: Logger;
}

export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  server.post('/api/messages', jsonBody(), async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      deps.logger.warn({ route: 'messages', problem }, 'rejected a body that is not an activity');
      res.send(400, { error: 'BadRequest', message: `Not a Bot Framework activity: ${problem}` });
      return;
    }
    const auth = String(req.headers.authorization ?? '');
    try {
      const invokeResponse = await deps.adapter.processIncoming(auth, req.body, deps.runTurn);
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.status ?? 200, invokeResponse.body);
      else res.send(invokeResponse?.status ?? 200);
    } catch (err) {
      if (err instanceof NotAuthenticated) {
        deps.logger.warn({ route: 'messages', code: 'UNAUTHORIZED', cause: err.reason }, 'rejected an activity without a valid Bot Framework token');
        res.send(401, { error: 'Unauthorized' });
        return;
      }
      deps.logger.error({ route: 'messages', code: errorCode(err), activityType: req.body.type }, 'activity failed');
      res.send(500, { error: 'InternalError' });
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
