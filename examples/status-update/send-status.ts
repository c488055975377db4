/**
 * Tells the privacy assistant how a request is going, as the privacy team's system would: one POST
 * to /api/requests/{id}/status, authorised with PRIVACY_STATUS_TOKEN or signed the Standard
 * Webhooks way with PRIVACY_WEBHOOK_SECRET. The requester gets a card in their Teams chat.
 *
 * Run it:
 *   BOT_URL=https://bot.example.com PRIVACY_STATUS_TOKEN=... \
 *     node dist/examples/status-update/send-status.js PR-7K2M9Q4D completed "Your export is ready." https://files.example.com/export
 *   (or STATUS_SECRET=whsec_... instead of PRIVACY_STATUS_TOKEN, to sign the call)
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface StatusUpdate {
  readonly status: 'in_progress' | 'needs_info' | 'extended' | 'completed' | 'rejected';
  /** Shown to the requester, up to 2,000 characters. */
  readonly message?: string;
  /** https only: where an export can be fetched, a form to fill in... */
  readonly link?: string;
  /** Required with `extended`: the new due date, ISO 8601. */
  readonly dueBy?: string;
}

export type Credentials = { readonly token: string } | { readonly secret: string };

/**
 * Standard Webhooks headers for `body`: an HMAC-SHA256 over `{id}.{timestamp}.{body}` with the
 * base64-decoded key after `whsec_`. Each call needs a new id: the bot refuses one it has seen.
 */
export function signatureHeaders(
  secret: string,
  body: string,
  id: string = `msg_${randomUUID()}`,
  timestamp: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
}

export async function sendStatus(
  botUrl: string,
  requestId: string,
  update: StatusUpdate,
  credentials: Credentials,
): Promise<{ status: number; body: unknown }> {
  // The id in the body too: a signature covers the body, not the URL, and the bot checks they agree.
  const body = JSON.stringify({ id: requestId, ...update });
  const auth = 'token' in credentials ? { authorization: `Bearer ${credentials.token}` } : signatureHeaders(credentials.secret, body);
  const response = await fetch(new URL(`/api/requests/${encodeURIComponent(requestId)}/status`, botUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

if (require.main === module) {
  const [requestId, status, message, link, dueBy] = process.argv.slice(2);
  const botUrl = process.env.BOT_URL ?? 'http://127.0.0.1:3978';
  const token = process.env.PRIVACY_STATUS_TOKEN;
  const secret = process.env.STATUS_SECRET;
  if (!requestId || !status || (!token && !secret)) {
    console.error('usage: [BOT_URL=...] PRIVACY_STATUS_TOKEN=... | STATUS_SECRET=whsec_... send-status.js PR-XXXXXXXX <status> [message] [https link] [dueBy]');
    process.exit(1);
  }
  const update = { status, ...(message ? { message } : {}), ...(link ? { link } : {}), ...(dueBy ? { dueBy } : {}) } as StatusUpdate;
  sendStatus(botUrl, requestId, update, token ? { token } : { secret: secret! }).then(
    ({ status: code, body }) => {
      console.log(code, JSON.stringify(body));
      process.exit(code === 200 ? 0 : 1);
    },
    (err: unknown) => {
      console.error(`could not reach ${botUrl}: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
