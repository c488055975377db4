/**
 * Every reference the bot hands out (requests `PR-`, questions `Q-`): a prefix, a dash and eight
 * characters of Crockford's base32 (no I, L, O or U, so one read out over the phone or copied by
 * hand is not misread). 40 random bits: collisions within one organisation's lifetime are
 * negligible, and the store refuses one anyway.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

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

/** What a reference with this prefix looks like, exactly. */
export function referenceFormat(prefix: string): RegExp {
  return new RegExp(`^${prefix}-[${ALPHABET}]{8}$`);
}
