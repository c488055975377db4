/**
 * Verifying a Standard Webhooks delivery from the privacy assistant. Port this to whatever receives
 * the requests: the three checks are what matter.
 *   1. The signature is an HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{raw body}`: verify the
 *      bytes as received, before any JSON parsing re-orders or re-spaces them.
 *   2. The timestamp is within five minutes of now, so a captured delivery cannot be replayed later.
 *   3. Compare in constant time, and accept any `v1,` signature in the header (key rotation).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOLERANCE_SECONDS = 5 * 60;

export type Verdict = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly reason: string };

export interface DeliveryHeaders {
  readonly 'webhook-id'?: string;
  readonly 'webhook-timestamp'?: string;
  readonly 'webhook-signature'?: string;
}

/** `secrets`: one or more `whsec_...` values; during a rotation, both old and new. */
export function verifyDelivery(secrets: readonly string[], headers: DeliveryHeaders, rawBody: Buffer | string, nowMs: number = Date.now()): Verdict {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'missing webhook headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return { ok: false, reason: 'timestamp outside the tolerance' };

  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody)]);
  const offered = signatures
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .map((part) => Buffer.from(part.slice(3), 'base64'));
  for (const secret of secrets) {
    const expected = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).update(signed).digest();
    if (offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected))) return { ok: true, id };
  }
  return { ok: false, reason: 'no valid signature' };
}
