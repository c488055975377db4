/** JSON bodies up to 256 KB: larger ones get 413, malformed JSON 400, before any handler runs. */
import { plugins, type RequestHandler } from 'restify';

export const MAX_BODY_BYTES = 256 * 1024;

export function jsonBody(): RequestHandler[] {
  return plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, rejectUnknown: false }) as RequestHandler[];
}
