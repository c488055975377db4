/**
 * A minimal receiver for the privacy assistant's webhook: verifies each delivery, acknowledges it,
 * and hands each event to `onEvent` once, however often it is delivered. Deliveries are at least
 * once, so the `webhook-id` (the request id) is the deduplication key.
 *
 * Run it:  RECEIVER_SECRET=whsec_... PORT=8080 node dist/examples/receiver/receiver.js
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliveryVerifier } from './verify';

export interface PrivacyRequestEvent {
  readonly type: string;
  readonly timestamp: string;
  readonly data: { readonly id: string; readonly kind: string; readonly dueBy: string; readonly [field: string]: unknown };
}

/** Which ids were handled already. In production keep this in a database, keyed by id. */
export interface SeenIds {
  has(id: string): boolean | Promise<boolean>;
  add(id: string): void | Promise<void>;
}

export interface ReceiverOptions {
  readonly secrets: readonly string[];
  readonly onEvent: (event: PrivacyRequestEvent) => void | Promise<void>;
  readonly seen?: SeenIds;
  /** The sender signs at most 256 KB of request; anything bigger is not from it. */
  readonly maxBodyBytes?: number;
}

export function receiverHandler(options: ReceiverOptions): http.RequestListener {
  const verifyDelivery = deliveryVerifier(options.secrets);
  const seen = options.seen ?? new Set<string>();
  const maxBody = options.maxBodyBytes ?? 256 * 1024;
  return (req, res) => {
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST') return reply(405, { error: 'POST only' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    req.on('end', () => {
      void (async () => {
        if (size > maxBody) return reply(413, { error: 'too large' });
        const raw = Buffer.concat(chunks);
        const verdict = verifyDelivery(req.headers as Record<string, string>, raw);
        // 400 tells the sender not to retry: a bad signature will not get better.
        if (!verdict.ok) return reply(400, { error: verdict.reason });
        if (await seen.has(verdict.id)) return reply(200, { id: verdict.id, duplicate: true });
        let event: PrivacyRequestEvent;
        try {
          event = JSON.parse(raw.toString('utf8')) as PrivacyRequestEvent;
        } catch {
          return reply(400, { error: 'body is not JSON' });
        }
        try {
          await options.onEvent(event);
        } catch {
          // Not recorded as seen: a 500 makes the sender retry, so the event is not lost.
          return reply(500, { error: 'could not store the request' });
        }
        await seen.add(verdict.id);
        reply(200, { id: verdict.id });
      })();
    });
  };
}

export async function startReceiver(
  options: ReceiverOptions & { readonly port?: number; readonly host?: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(receiverHandler(options));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  const secrets = (process.env.RECEIVER_SECRET ?? '').split(' ').filter(Boolean);
  if (secrets.length === 0) {
    console.error("Set RECEIVER_SECRET to the bot's PRIVACY_WEBHOOK_SECRET (whsec_...).");
    process.exit(1);
  }
  void startReceiver({
    secrets,
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '127.0.0.1',
    // Print the id and kind only: the rest is personal data and belongs in your case system.
    onEvent: (event) => console.log(`${event.timestamp} ${event.data.id} ${event.data.kind} due ${event.data.dueBy}`),
  }).then(({ url }) => console.log(`receiver listening on ${url}`));
}
