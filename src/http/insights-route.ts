/**
 * GET /api/insights: what the content is missing, for the privacy team's own tools (the same as
 * `insights` in Teams). Behind NOTICE_API_TOKEN, checked before anything else; 404 while it is unset.
 */
import type { Request, Response, Server } from 'restify';
import { errorCode } from '../errors';
import type { Logger } from '../logger';
import type { InsightsService } from '../questions/insights';
import { requireBearer } from './bearer';
import { sendError } from './send-error';

export interface InsightsRouteDeps {
  readonly token: string;
  readonly insights: Pick<InsightsService, 'compute'>;
  readonly logger: Logger;
}

export function registerInsightsRoute(server: Server, deps: InsightsRouteDeps): void {
  server.get('/api/insights', requireBearer(deps.token, 'insights', deps.logger), async (_req: Request, res: Response) => {
    try {
      res.send(200, await deps.insights.compute());
    } catch (err) {
      deps.logger.error({ route: 'insights', code: errorCode(err) }, 'insights failed');
      sendError(res, err);
    }
  });
}
