/**
 * Request ids: `PR-` and eight characters of Crockford's base32 (no I, L, O or U, so an id read
 * out over the phone or copied by hand is not misread). 40 random bits: collisions within one
 * organisation's lifetime of requests are negligible, and the store refuses one anyway.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REQUEST_ID_FORMAT = /^PR-[0-9A-HJKMNP-TV-Z]{8}$/;

export function newRequestId(): string {
  return newReference('PR');
}

/** `<prefix>-` and eight characters of the alphabet above: every reference the bot hands out (requests, questions). */
export function newReference(prefix: string): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let i = 0; i < 8; i++) {
    id = ALPHABET[Number(bits & 31n)] + id;
    bits >>= 5n;
  }
  return `${prefix}-${id}`;
}

export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID_FORMAT.test(value);
}
