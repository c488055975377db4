/**
 * Standard Webhooks signatures, made by the specification's own `standardwebhooks` package. Several
 * secrets (key rotation) give several space-separated `v1,` signatures, so a receiver holding either
 * the old or the new key accepts the delivery.
 */
import { Webhook } from 'standardwebhooks';

export interface SignedContent {
  readonly id: string;
  /** Unix seconds of this attempt. */
  readonly timestamp: number;
  readonly body: string;
}

/** `secrets`: `whsec_` + base64 values, as `PRIVACY_WEBHOOK_SECRET` holds them. */
export function webhookSignature(secrets: readonly string[], { id, timestamp, body }: SignedContent): string {
  const at = new Date(timestamp * 1000);
  return secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' ');
}
