/**
 * One signed POST to the privacy team's webhook, classified into what the outbox should do next.
 * Redirects are not followed (a redirect could carry personal data somewhere unvetted), and a
 * response has 15 seconds to arrive. Every delivery opens its own connection through
 * `guardedLookup`, so the name is resolved and its addresses checked each time (see
 * webhook-address.ts); a name that resolves to a link-local or metadata address dead-letters the
 * request: that is an attack or a misconfiguration, retrying would not mend either, and the
 * privacy admins are told at once rather than after hours of retries.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { parseRetryAfter } from '../http/retry-after';
import type { TokenSource } from './token-source';
import { ADDRESS_BLOCKED, guardedLookup } from './webhook-address';
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
  /** The resolver behind the address check: the system's unless a test gives its own table. */
  readonly resolve?: LookupFunction;
}

export class WebhookClient {
  private readonly lookup: LookupFunction;

  constructor(private readonly options: WebhookClientOptions) {
    this.lookup = guardedLookup(options.resolve);
  }

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
    let response: { status: number; retryAfter?: string };
    try {
      response = await this.request(headers, body);
    } catch (err) {
      const { name, code } = (err ?? {}) as { name?: string; code?: string };
      if (code === ADDRESS_BLOCKED) return { outcome: 'permanent', reason: 'blocked-address' };
      return { outcome: 'retry', reason: name === 'AbortError' || name === 'TimeoutError' ? 'timeout' : 'network' };
    }
    return classify(response.status, response.retryAfter);
  }

  /** The status and Retry-After of one POST; the response body is not needed and may hold anything. */
  private request(headers: Record<string, string>, body: string): Promise<{ status: number; retryAfter?: string }> {
    const url = new URL(this.options.url);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup: this.lookup,
          // A connection of its own each time: a kept-alive one would skip the lookup, and its check.
          agent: false,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        },
        (res) => {
          res.resume();
          res.on('error', () => undefined); // the status is all we wanted, and we have it
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
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
