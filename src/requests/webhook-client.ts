/**
 * One signed POST to the privacy team's webhook. Redirects are not followed (a redirect could carry
 * personal data somewhere unvetted); the answer is judged by the shared outbound table, with one
 * webhook rule on top: 409 means the receiver already has this event id, which is delivered.
 * Every delivery opens its own connection through `guardedLookup`, so the name is resolved and its
 * addresses checked each time (see webhook-address.ts); a name that resolves to a link-local or
 * metadata address dead-letters the request: that is an attack or a misconfiguration, retrying
 * would not mend either, and the privacy admins are told at once rather than after hours of retries.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { judgeStatus, noResponse, OUTBOUND_TIMEOUT_MS, type OutboundResult } from '../outbound/outcome';
import type { TokenSource } from './token-source';
import { ADDRESS_BLOCKED, guardedLookup } from './webhook-address';
import { webhookSignature } from './webhook-signature';

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
    let response: { status: number; retryAfter?: string };
    try {
      response = await this.request(headers, body);
    } catch (err) {
      const { name, code } = (err ?? {}) as { name?: string; code?: string };
      if (code === ADDRESS_BLOCKED) return { ok: false, verdict: 'rejected', status: 0, reason: 'blocked-address' };
      return noResponse(name === 'AbortError' || name === 'TimeoutError' ? 'timeout' : 'network');
    }
    if (response.status === 409) return { ok: true, status: 409 };
    return judgeStatus(response.status, response.retryAfter);
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
          signal: AbortSignal.timeout(this.options.timeoutMs ?? OUTBOUND_TIMEOUT_MS),
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
