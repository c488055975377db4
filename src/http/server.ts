/** The restify server: built here, listened on by the caller (tests use port 0). */
import { createServer, type Request, type Response, type Server } from 'restify';
import { AppError, errorCode, type ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { strings } from '../strings';
import { sendError } from './send-error';

export function createHttpServer(logger: Logger): Server {
  const server = createServer({ name: 'privacy-assistant', handleUncaughtExceptions: false });
  server.pre((req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    return next();
  });
  // restify answers its own errors (no such route, a method the route lacks, ...): answered here in
  // the error catalog's format like every other error, and logged by code, never with the body.
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode;
    if (req.method === 'HEAD' && status === 405) {
      // The route exists for another method: clients (the Agents Playground among them) probe with
      // HEAD to see whether the bot is up. That is an answer, not an error.
      res.send(200);
      return callback();
    }
    const code = restifyStatusCodes[status ?? 500] ?? 'INTERNAL';
    const quiet = code === 'NOT_FOUND' || code === 'METHOD_NOT_ALLOWED';
    logger[quiet ? 'info' : 'warn']({ method: req.method, route: req.getPath(), status, code: errorCode(err) }, 'http error');
    // Sent here, so restify (which sends only what is not sent yet) never answers in its own format.
    sendError(res, new AppError(code, restifyMessages[code] ?? strings.common.actionFailed));
    return callback();
  });
  return server;
}

/** The catalog code of each status restify answers with by itself; anything else is an internal error. */
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

