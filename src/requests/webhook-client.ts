/**
 * One signed POST to the privacy team's webhook, classified into what the outbox should do next.
 * Redirects are not followed (a redirect could carry personal data somewhere unvetted), and a
 * response has 15 seconds to arrive.
 */
import { parseRetryAfter } from '../http/retry-after';
import type { TokenSource } from './token-source';
import { webhookSignature } from './webhook-signature';

export type SendResult =
  | { readonly outcome: 'delivered'; readonly status: number }
  /** Worth another attempt later: 408, 429, 5xx, network errors and timeouts. */
  | { readonly outcome: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** Retrying cannot help: dead-letter. */
  | { readonly outcome: 'permanent'; readonly reason: string };

export interface WebhookClientOptions {
  readonly url: string;
  readonly secrets: readonly string[];
  readonly tokens?: TokenSource;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export class WebhookClient {
  constructor(private readonly options: WebhookClientOptions) {}

  async send(eventId: string, body: string): Promise<SendResult> {
    const first = await this.post(eventId, body);
    if (first.outcome === 'unauthorized' && this.options.tokens) {
      // A token can be revoked or rotated before it expires: one fresh token, then give up.
      this.options.tokens.renew();
      const second = await this.post(eventId, body);
      return second.outcome === 'unauthorized' ? { outcome: 'permanent', reason: second.reason } : second;
    }
    return first.outcome === 'unauthorized' ? { outcome: 'permanent', reason: first.reason } : first;
  }

  private async post(eventId: string, body: string): Promise<SendResult | { outcome: 'unauthorized'; reason: string }> {
    const timestamp = Math.floor((this.options.now ?? Date.now)() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'webhook-id': eventId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignature(this.options.secrets, { id: eventId, timestamp, body }),
    };
    try {
      if (this.options.tokens) headers.authorization = `Bearer ${await this.options.tokens.token()}`;
    } catch {
      return { outcome: 'retry', reason: 'token-unavailable' };
    }
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (err) {
      const name = (err as { name?: string } | null)?.name;
      return { outcome: 'retry', reason: name === 'TimeoutError' ? 'timeout' : 'network' };
    }
    // The body is not needed and may hold anything; drain it so the connection is reused.
    await response.arrayBuffer().catch(() => undefined);
    return classify(response.status, response.headers.get('retry-after') ?? undefined);
  }
}

/** The contract's table: 2xx and 409 (the receiver knows this id) delivered; 408/429/5xx retried; other 4xx stop. */
export function classify(status: number, retryAfter?: string): SendResult | { outcome: 'unauthorized'; reason: string } {
  const reason = `http-${status}`;
  if ((status >= 200 && status < 300) || status === 409) return { outcome: 'delivered', status };
  if (status === 401 || status === 403) return { outcome: 'unauthorized', reason };
  if (status === 408 || status === 429 || status >= 500) return { outcome: 'retry', reason, retryAfterMs: parseRetryAfter(retryAfter) };
  return { outcome: 'permanent', reason };
}
