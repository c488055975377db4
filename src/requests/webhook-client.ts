/**
 * One signed POST to the privacy team's webhook. Redirects are not followed (a redirect could carry
 * personal data somewhere unvetted); the answer is judged by the shared outbound table, with one
 * webhook rule on top: 409 means the receiver already has this event id, which is delivered.
 */
import { judgeStatus, noResponse, OUTBOUND_TIMEOUT_MS, type OutboundResult } from '../outbound/outcome';
import type { TokenSource } from './token-source';
import { webhookSignature } from './webhook-signature';

export interface WebhookClientOptions {
  readonly url: string;
  readonly secrets: readonly string[];
  readonly tokens?: TokenSource;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export class WebhookClient {
  constructor(private readonly options: WebhookClientOptions) {}

  async send(eventId: string, body: string): Promise<OutboundResult> {
    const first = await this.post(eventId, body);
    if (!first.ok && first.verdict === 'refused' && this.options.tokens) {
      // A token can be revoked or rotated before it expires: one fresh token, then give up.
      this.options.tokens.renew();
      return this.post(eventId, body);
    }
    return first;
  }

  private async post(eventId: string, body: string): Promise<OutboundResult> {
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
      return noResponse('token-unavailable');
    }
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? OUTBOUND_TIMEOUT_MS),
      });
    } catch (err) {
      const name = (err as { name?: string } | null)?.name;
      return noResponse(name === 'TimeoutError' ? 'timeout' : 'network');
    }
    // The body is not needed and may hold anything; drain it so the connection is reused.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status === 409) return { ok: true, status: 409 };
    return judgeStatus(response.status, response.headers.get('retry-after') ?? undefined);
  }
}
