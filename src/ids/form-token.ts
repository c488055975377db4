/**
 * Binds a request id to the person and kind it was issued for, and to when it was issued. The id is
 * fixed when the form is rendered (so a double click or a Teams retry makes one request), which
 * means it travels in card data that anyone can forge; the token proves the bot issued this id to
 * this user for this kind, and since when. Forms expire: a card found in a chat months later is not
 * a fresh request. The key lives in the store, so every instance of the bot checks every other's forms.
 *
 * A token is `<issued, unix seconds in base 36>.<HMAC-SHA256 over id, user, kind and issued>`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { unlessConflict, type Store } from '../storage/store';

const SETTINGS_COLLECTION = 'settings';
const KEY_NAME = 'formtokenkey';
const DAY_MS = 86_400_000;
/** Clocks of several instances differ a little; a token from further ahead than this was not issued by one of them. */
const CLOCK_SKEW_MS = 5 * 60_000;
const TOKEN_FORMAT = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/;

/** valid: issued to this person for this id and kind, within the time allowed; expired: the same, but too old. */
export type FormCheck = 'valid' | 'expired' | 'invalid';

export interface FormTokenOptions {
  /** FORM_TOKEN_TTL_DAYS: how long a form shown to someone can still be sent. */
  readonly ttlDays: number;
  readonly now?: () => number;
}

export class FormTokens {
  private readonly now: () => number;

  private constructor(
    private readonly key: Buffer,
    readonly ttlDays: number,
    now?: () => number,
  ) {
    this.now = now ?? Date.now;
  }

  /** Reads the shared key, creating it on first start; two instances starting at once agree on one. */
  static async load(store: Pick<Store, 'get' | 'put'>, options: FormTokenOptions): Promise<FormTokens> {
    const existing = await store.get<{ key: string }>(SETTINGS_COLLECTION, KEY_NAME);
    if (existing) return new FormTokens(Buffer.from(existing.value.key, 'base64'), options.ttlDays, options.now);
    const created = await unlessConflict(store.put(SETTINGS_COLLECTION, KEY_NAME, { key: randomBytes(32).toString('base64') }, { ifAbsent: true }));
    // Lost the race: another instance's key is the one everybody uses.
    const key = created?.value.key ?? (await store.get<{ key: string }>(SETTINGS_COLLECTION, KEY_NAME))!.value.key;
    return new FormTokens(Buffer.from(key, 'base64'), options.ttlDays, options.now);
  }

  issue(requestId: string, userKey: string, kind: string, issuedAt: number = this.now()): string {
    const issued = Math.floor(issuedAt / 1000).toString(36);
    return `${issued}.${this.mac(requestId, userKey, kind, issued)}`;
  }

  check(token: unknown, requestId: string, userKey: string, kind: string): FormCheck {
    const parts = typeof token === 'string' ? TOKEN_FORMAT.exec(token) : null;
    if (!parts) return 'invalid';
    const [, issued, mac] = parts;
    const expected = Buffer.from(this.mac(requestId, userKey, kind, issued));
    if (!timingSafeEqual(Buffer.from(mac), expected)) return 'invalid';
    const age = this.now() - parseInt(issued, 36) * 1000;
    if (age < -CLOCK_SKEW_MS) return 'invalid';
    return age > this.ttlDays * DAY_MS ? 'expired' : 'valid';
  }

  private mac(requestId: string, userKey: string, kind: string, issued: string): string {
    return createHmac('sha256', this.key).update(`${requestId}\n${userKey}\n${kind}\n${issued}`).digest('base64url');
  }
}
