/** The restify server: built here, listened on by the caller (tests use port 0). */
import { createServer, type Request, type Response, type Server } from 'restify';
import { AppError, errorCode, isAppError, type ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { strings } from '../strings';
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
  // Every error is answered from the error catalog, in its one format: restify's own (no such route,
  // a method the route lacks) as much as anything a route let escape, whose default answer would carry
  // the internal error's message ("TypeError: ..."). Logged by code, never with the body.
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: unknown }, callback: () => void) => {
    const status = err.statusCode;
    if (req.method === 'HEAD' && status === 405) {
      // The route exists for another method: clients (the Agents Playground among them) probe with
      // HEAD to see whether the bot is up. That is an answer, not an error.
      res.send(200);
      return callback();
    }
    const escaped = typeof status !== 'number' || status >= 500;
    const code: ErrorCode = escaped ? 'INTERNAL' : (restifyStatusCodes[status] ?? 'BAD_REQUEST');
    const quiet = code === 'NOT_FOUND' || code === 'METHOD_NOT_ALLOWED';
    logger[escaped ? 'error' : quiet ? 'info' : 'warn']({ method: req.method, route: req.getPath(), status, code: errorCode(err) }, 'http error');
    if (!res.headersSent) {
      const answer = isAppError(err)
        ? err
        : escaped
          ? new AppError('INTERNAL', 'a route failed', {}, { cause: err })
          : new AppError(code, restifyMessages[code] ?? strings.common.actionFailed);
      sendError(res, answer);
    }
    return callback();
  });
  return server;
}

/** The catalog code of each client error restify answers with by itself. */
const restifyStatusCodes: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

const restifyMessages: Partial<Record<ErrorCode, string>> = {
  BAD_REQUEST: strings.api.badRequest,
  NOT_FOUND: strings.api.notFound,
  METHOD_NOT_ALLOWED: strings.api.methodNotAllowed,
  REQUEST_TIMEOUT: strings.api.tooSlow,
  PAYLOAD_TOO_LARGE: strings.api.tooLargeAny,
  UNSUPPORTED_MEDIA_TYPE: strings.api.notJson,
};
