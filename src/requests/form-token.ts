/**
 * Binds a request id to the person and kind it was issued for. The id is fixed when the form is
 * rendered (so a double click or a Teams retry makes one request), which means it travels in card
 * data that anyone can forge; the token proves the bot issued this id to this user for this kind.
 * The key lives in the store, so every instance of the bot checks every other's forms.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { unlessConflict, type Store } from '../storage/store';

const SETTINGS_COLLECTION = 'settings';
const KEY_NAME = 'formtokenkey';

export class FormTokens {
  private constructor(private readonly key: Buffer) {}

  /** Reads the shared key, creating it on first start; two instances starting at once agree on one. */
  static async load(store: Pick<Store, 'get' | 'put'>): Promise<FormTokens> {
    const existing = await store.get<{ key: string }>(SETTINGS_COLLECTION, KEY_NAME);
    if (existing) return new FormTokens(Buffer.from(existing.value.key, 'base64'));
    const created = await unlessConflict(store.put(SETTINGS_COLLECTION, KEY_NAME, { key: randomBytes(32).toString('base64') }, { ifAbsent: true }));
    // Lost the race: another instance's key is the one everybody uses.
    const key = created?.value.key ?? (await store.get<{ key: string }>(SETTINGS_COLLECTION, KEY_NAME))!.value.key;
    return new FormTokens(Buffer.from(key, 'base64'));
  }

  issue(requestId: string, userKey: string, kind: string): string {
    return createHmac('sha256', this.key).update(`${requestId}\n${userKey}\n${kind}`).digest('base64url');
  }

  verify(token: unknown, requestId: string, userKey: string, kind: string): boolean {
    if (typeof token !== 'string' || token.length > 100) return false;
    const expected = Buffer.from(this.issue(requestId, userKey, kind));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
