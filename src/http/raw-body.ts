/**
 * A JSON body read by hand, for routes that must see the exact bytes (signatures are computed over
 * them) or refuse more than a little: restify's bodyParser would inflate gzip without limit and
 * count its limit on compressed bytes. JSON only, no content-encoding, bytes counted as they arrive.
 */
import type { Request } from 'restify';
import { AppError } from '../errors';
import { format, strings } from '../strings';

/** Past the limit the rest is read and dropped (so the caller still gets its 413) up to this much, then the connection is cut. */
const DISCARD_UP_TO_BYTES = 1024 * 1024;

export async function readJsonBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (type !== 'application/json' || encoding !== 'identity') throw new AppError('UNSUPPORTED_MEDIA_TYPE', strings.api.status.notJson);
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', format(strings.api.status.tooLarge, { max: maxBytes }), { maxBytes });
  if (Number(req.headers['content-length'] ?? 0) > DISCARD_UP_TO_BYTES) {
    req.destroy();
    throw tooLarge();
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > DISCARD_UP_TO_BYTES) {
        req.destroy();
        reject(tooLarge());
      }
    });
    req.on('end', () => (size > maxBytes ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', () => reject(new AppError('BAD_REQUEST', strings.api.status.unreadable)));
  });
}
