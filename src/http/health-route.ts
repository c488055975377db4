/** GET /healthz: 200 while the bot serves and its store answers, 503 while the store does not. */
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
