/** GET /healthz: 200 while the bot serves and its store answers, 503 while the store does not; GET /readyz. */
import type { Server } from 'restify';
import { AppError, errorCode } from '../errors';
import type { Logger } from '../logger';
import type { Store } from '../storage/store';

const PING_TIMEOUT_MS = 3000;

export function registerHealthRoute(server: Server, store: Pick<Store, 'ping'>, logger: Logger): void {
  server.get('/healthz', async (_req, res) => {
    try {
      await withTimeout(store.ping(), PING_TIMEOUT_MS);
      res.send(200, { status: 'ok' });
    } catch (err) {
      logger.warn({ route: 'healthz', code: errorCode(err) }, 'storage unreachable');
      res.send(503, { status: 'unavailable', reason: 'storage unreachable' });
    }
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new AppError('TIMEOUT', 'storage ping timed out', { ms })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * GET /readyz: 200 once the content is indexed and the store answers, 503 otherwise, so a load
 * balancer or App Service's health check sends people only to an instance that can answer them.
 * (/healthz stays the liveness probe: the process is up.)
 */
export function registerReadyRoute(
  server: Server,
  deps: { readonly store: Pick<Store, 'ping'>; readonly contentIndexed: () => boolean; readonly logger: Logger },
): void {
  server.get('/readyz', async (_req, res) => {
    if (!deps.contentIndexed()) return res.send(503, { status: 'unavailable', reason: 'content not indexed' });
    try {
      await withTimeout(deps.store.ping(), PING_TIMEOUT_MS);
      res.send(200, { status: 'ready' });
    } catch (err) {
      deps.logger.warn({ route: 'readyz', code: errorCode(err) }, 'storage unreachable');
      res.send(503, { status: 'unavailable', reason: 'storage unreachable' });
    }
  });
}
