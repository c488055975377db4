/**
 * Standard Webhooks signatures on calls *to* the bot: the privacy team's system may sign its status
 * reports with PRIVACY_WEBHOOK_SECRET instead of sending PRIVACY_STATUS_TOKEN. Checked on the raw
 * body, in constant time, against every configured secret (key rotation); a timestamp more than five
 * minutes from now is refused, and so is a `webhook-id` already used, which the store remembers for
 * as long as its timestamp would still pass, on every instance.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { unlessConflict, type Store } from '../storage/store';

export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;
export const SEEN_WEBHOOK_IDS_COLLECTION = 'statuswebhookids';

export interface SignatureHeaders {
  readonly id?: string;
  readonly timestamp?: string;
  readonly signature?: string;
}

export type SignatureVerdict =
  | { readonly ok: true; readonly id: string; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function verifySignature(secrets: readonly string[], headers: SignatureHeaders, rawBody: Buffer, nowMs: number): SignatureVerdict {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing' };
  if (id.length > 256 || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  const seconds = Number(timestamp);
  if (Math.abs(nowMs / 1000 - seconds) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), rawBody]);
  const offered = signature
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .map((part) => Buffer.from(part.slice(3), 'base64'));
  for (const secret of secrets) {
    const expected = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))
      .update(signed)
      .digest();
    if (offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected))) return { ok: true, id, timestamp: seconds };
  }
  return { ok: false, reason: 'mismatch' };
}

interface SeenId {
  /** Epoch ms after which the id's timestamp is refused anyway, so it need not be remembered. */
  readonly expiresAt: number;
}

/** The `webhook-id`s of accepted signed calls, durably, for their tolerance window. */
export class SeenWebhookIds {
  constructor(
    private readonly store: Pick<Store, 'put' | 'delete' | 'list'>,
    private readonly now: () => number,
  ) {}

  /** Records the id; false when it was used already (a replay). */
  async remember(id: string, timestamp: number): Promise<boolean> {
    const seen: SeenId = { expiresAt: (timestamp + SIGNATURE_TOLERANCE_SECONDS) * 1000 };
    return (await unlessConflict(this.store.put(SEEN_WEBHOOK_IDS_COLLECTION, keyOf(id), seen, { ifAbsent: true }))) !== undefined;
  }

  /** The call failed on our side: let the sender's retry use the same id. */
  async forget(id: string): Promise<void> {
    await this.store.delete(SEEN_WEBHOOK_IDS_COLLECTION, keyOf(id));
  }

  async forgetExpired(): Promise<number> {
    const now = this.now();
    let forgotten = 0;
    for (const item of await this.store.list<SeenId>(SEEN_WEBHOOK_IDS_COLLECTION)) {
      if (item.value.expiresAt < now && (await unlessConflict(this.store.delete(SEEN_WEBHOOK_IDS_COLLECTION, item.key, { etag: item.etag })))) forgotten++;
    }
    return forgotten;
  }
}

/** Ids are the sender's text: hashed, they are valid keys in every store and hold nothing of theirs. */
function keyOf(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}
