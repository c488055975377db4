/**
 * Standard Webhooks signatures: HMAC-SHA256 over `{id}.{timestamp}.{body}` with the base64 key after
 * `whsec_`. Several secrets (key rotation) give several space-separated `v1,` signatures, so a
 * receiver holding either the old or the new key accepts the delivery.
 */
import { createHmac } from 'node:crypto';

const PREFIX = 'whsec_';

export interface SignedContent {
  readonly id: string;
  /** Unix seconds of this attempt. */
  readonly timestamp: number;
  readonly body: string;
}

export function webhookSignature(secrets: readonly string[], content: SignedContent): string {
  return secrets.map((secret) => `v1,${sign(secretKey(secret), content)}`).join(' ');
}

export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

function sign(key: Buffer, { id, timestamp, body }: SignedContent): string {
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}
