/**
 * Verifying a Standard Webhooks delivery from the privacy assistant with the specification's own
 * `standardwebhooks` package (there is one for most languages). Whatever you port this to, keep what
 * the package checks:
 *   1. The signature is an HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{raw body}`: verify the
 *      bytes as received, before any JSON parsing re-orders or re-spaces them.
 *   2. The timestamp is within five minutes of now, so a captured delivery cannot be replayed later.
 *   3. Signatures are compared in constant time, and any `v1,` signature in the header may match.
 * During a key rotation the bot signs with both keys; this accepts a delivery that either verifies.
 */
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export type Verdict = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly reason: string };

export interface DeliveryHeaders {
  readonly 'webhook-id'?: string;
  readonly 'webhook-timestamp'?: string;
  readonly 'webhook-signature'?: string;
}

/**
 * `secrets`: one or more `whsec_...` values; during a rotation, both old and new. A malformed secret
 * throws here, when the receiver starts, rather than on the first delivery.
 */
export function deliveryVerifier(secrets: readonly string[]): (headers: DeliveryHeaders, rawBody: Buffer | string) => Verdict {
  const webhooks = secrets.map((secret) => new Webhook(secret));
  return (headers, rawBody) => {
    let reason = 'no secret configured';
    for (const webhook of webhooks) {
      try {
        // jsonParse off: the receiver parses the body itself and answers its own 400 when it is not JSON.
        webhook.verify(rawBody, headers as Record<string, string>, { jsonParse: false });
        return { ok: true, id: String(headers['webhook-id']) };
      } catch (err) {
        if (!(err instanceof WebhookVerificationError)) throw err;
        reason = err.message;
      }
    }
    return { ok: false, reason };
  };
}
