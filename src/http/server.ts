/** The restify server: built here, listened on by the caller (tests use port 0). */
import { createServer, type Server } from 'restify';
import { errorCode } from '../errors';
import type { Logger } from '../logger';

export function createHttpServer(logger: Logger): Server {
  const server = createServer({ name: 'privacy-assistant', handleUncaughtExceptions: false });
  server.pre((req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    return next();
  });
  // restify answers its own errors (413, 400 for bad JSON, 404, 405); log the code, not the body.
  server.on('restifyError', (req, _res, err, callback) => {
    logger.warn({ method: req.method, route: req.getPath(), status: (err as { statusCode?: number }).statusCode, code: errorCode(err) }, 'http error');
    return callback();
  });
  return server;
}
