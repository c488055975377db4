/**
 * Bearer tokens for the bot's own APIs (notices, insights, request status). The token is checked
 * before the body is read; while an API's token is unset the API does not exist (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Next, Request, RequestHandler, Response } from 'restify';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { strings } from '../strings';
import { sendError } from './send-error';

/** Constant-time: hashing both sides first makes the comparison independent of their lengths too. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1].trim()), digest(token));
}

/** A restify handler that lets through only callers with `token`; `route` names the API in logs. */
export function requireBearer(token: string, route: string, logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    if (token && bearerMatches(req.headers.authorization, token)) return next();
    // Refused callers' bodies are never read: closing the connection stops Node reading them to reuse it.
    res.setHeader('connection', 'close');
    if (!token) {
      sendError(res, new AppError('NOT_FOUND', strings.api.notFound));
      return next(false);
    }
    logger.warn({ route, code: 'UNAUTHORIZED' }, 'API call without a valid token');
    sendError(res, new AppError('UNAUTHORIZED', strings.api.bearerRequired));
    return next(false);
  };
}
