/**
 * Reads a JSON request body ourselves, instead of restify's bodyParser, because these routes are
 * reached before anyone is authenticated: that parser inflated gzip with no error handler (16 bytes
 * of garbage killed the process), counted its limit on compressed bytes (a 255 KB bomb became
 * 250 MB) and wrote multipart uploads to the temp folder. Here:
 * - only `application/json` is read (415 otherwise), and only as sent: any content-encoding but
 *   identity is refused unread (415), so nothing is ever inflated;
 * - the limit counts the bytes actually read, and reading stops at the limit (413);
 * - a body that trickles in is cut off after a deadline (408);
 * - a body that is not JSON gets 400 with a fixed sentence, never the parser's message.
 * Every refusal closes the connection, so the rest of an unwanted body is never read.
 */
import type { IncomingMessage } from 'node:http';
import type { Next, Request, RequestHandler, Response } from 'restify';
import { AppError, type ErrorCode } from '../errors';
import { format, strings } from '../strings';
import { sendError } from './send-error';

const MAX_BODY_BYTES = 256 * 1024;
/** Bot Framework posts small activities at once; a body still arriving after this is an attack or a dead client. */
const BODY_DEADLINE_MS = 10_000;

type Refusal = { readonly code: ErrorCode; readonly message: string; readonly headers?: Record<string, string> };

const REFUSALS = {
  notJson: { code: 'UNSUPPORTED_MEDIA_TYPE', message: strings.api.notJson },
  encoded: { code: 'UNSUPPORTED_MEDIA_TYPE', message: strings.api.encoded, headers: { 'accept-encoding': 'identity' } },
  tooSlow: { code: 'REQUEST_TIMEOUT', message: strings.api.tooSlow },
  malformed: { code: 'BAD_REQUEST', message: strings.api.malformed },
} as const satisfies Record<string, Refusal>;

/**
 * A restify handler that leaves the parsed body on `req.body`, and the bytes as read on `req.rawBody`
 * (a signature is checked on those), or answers the refusal itself.
 */
export function jsonBody(options: { readonly maxBytes?: number } = {}): RequestHandler {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const tooLarge: Refusal = { code: 'PAYLOAD_TOO_LARGE', message: format(strings.api.tooLarge, { kb: Math.round(maxBytes / 1024) }) };
  return (req: Request, res: Response, next: Next) => {
    const refusal = headerRefusal(req) ?? (Number(req.headers['content-length'] ?? 0) > maxBytes ? tooLarge : undefined);
    if (refusal) return refuse(res, refusal, next);
    readLimited(req, maxBytes).then((outcome) => {
      if (outcome === 'gone') return next(false); // the client left: nobody to answer
      if (outcome === 'tooLarge') return refuse(res, tooLarge, next);
      if (outcome === 'tooSlow') return refuse(res, REFUSALS.tooSlow, next);
      try {
        req.rawBody = outcome;
        req.body = JSON.parse(outcome.toString('utf8')) as unknown;
      } catch {
        return refuse(res, REFUSALS.malformed, next);
      }
      return next();
    }, next);
  };
}

/** What the headers alone rule out, before a byte of the body is read. */
function headerRefusal(req: IncomingMessage): Refusal | undefined {
  const mediaType = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (mediaType !== 'application/json') return REFUSALS.notJson;
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding !== 'identity' && encoding !== '') return REFUSALS.encoded;
  return undefined;
}

/** The body, at most `maxBytes` of it: reading stops at the limit or the deadline. */
function readLimited(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'tooLarge' | 'tooSlow' | 'gone'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: Buffer | 'tooLarge' | 'tooSlow' | 'gone') => {
      clearTimeout(timer);
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onGone);
      req.removeListener('close', onClose);
      if (typeof outcome === 'string') req.pause();
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish('tooLarge');
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onGone = () => finish('gone');
    const onClose = () => {
      if (!req.complete) finish('gone');
    };
    const timer = setTimeout(() => finish('tooSlow'), BODY_DEADLINE_MS);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onGone);
    req.once('close', onClose);
  });
}

function refuse(res: Response, refusal: Refusal, next: Next): void {
  // Closing is what stops an unwanted body: kept open, Node would read the rest of it to reuse the connection.
  res.setHeader('connection', 'close');
  for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
  sendError(res, new AppError(refusal.code, refusal.message));
  next(false);
}
