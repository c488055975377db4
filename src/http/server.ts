/** The restify server: built here, listened on by the caller (tests use port 0). */
import { createServer, type Server } from 'restify';
import { AppError, errorCode, isAppError } from '../errors';
import type { Logger } from '../logger';
import { sendError } from './send-error';

export function createHttpServer(logger: Logger): Server {
  const server = createServer({ name: 'privacy-assistant', handleUncaughtExceptions: false });
  server.pre((req, res, next) => {
    // Once answered, a body still arriving (sent to a route that reads none, or refused before it
    // was read) goes with its connection: kept, Node would hold it until its 300 s request timeout.
    res.once('finish', () => {
      if (!req.complete) req.socket.destroy();
    });
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    return next();
  });
  // restify answers its own errors (413, 400 for bad JSON, 404, 405); log the code, not the body.
  // Anything else a route let escape is answered from the error catalog here: restify's default
  // answer would carry the internal error's message ("TypeError: ...").
  server.on('restifyError', (req, res, err, callback) => {
    const status = (err as { statusCode?: unknown }).statusCode;
    const escaped = typeof status !== 'number' || status >= 500;
    logger[escaped ? 'error' : 'warn']({ method: req.method, route: req.getPath(), status, code: errorCode(err) }, 'http error');
    if (escaped && !res.headersSent) sendError(res, isAppError(err) ? err : new AppError('INTERNAL', 'a route failed', {}, { cause: err }));
    return callback();
  });
  return server;
}
