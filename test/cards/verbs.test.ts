/**
 * The card verb catalog (src/cards/verbs.ts) is the whole set: every verb a template names is in it,
 * and the bot as built registers a handler for every verb in it. TypeScript checks the verbs code
 * names; this checks the template JSON and the wiring, which it cannot see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_VERBS, isCardVerb } from '../../src/cards/verbs';
import { isAppError } from '../../src/errors';
import { CardActionRouter } from '../../src/teams/card-actions';
import { bootBot } from '../fakes/boot';

const templates = path.resolve(__dirname, '../../src/cards/templates');

/** Every literal `verb` in a card: an action's own, or the one Action.Submit data carries. Bound ones (`${verb}`) come from typed code. */
function literalVerbs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) literalVerbs(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'verb' && typeof value === 'string' && !value.includes('${')) found.push(value);
      else literalVerbs(value, found);
    }
  }
  return found;
}

describe('card verbs', () => {
  it('every verb a template names is in the catalog', () => {
    const named = readdirSync(templates)
      .filter((file) => file.endsWith('.json'))
      .flatMap((file) => literalVerbs(JSON.parse(readFileSync(path.join(templates, file), 'utf8'))).map((verb) => `${file}: ${verb}`));
    // The walk reaches both forms: an Execute action's verb and a Submit action's data.verb.
    expect(named).toEqual(expect.arrayContaining(['notice.json: notice.ack', 'faq-did-you-mean.json: faq.open']));
    expect(named.filter((entry) => !isCardVerb(entry.split(': ')[1]))).toEqual([]);
  });

  it('are unique and shaped <feature>.<action>', () => {
    expect(new Set(CARD_VERBS).size).toBe(CARD_VERBS.length);
    for (const verb of CARD_VERBS) expect(verb).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('a router missing a catalog verb is refused', () => {
    const router = new CardActionRouter();
    router.register('faq.ask', async () => ({}));
    let refused: unknown;
    try {
      router.requireEveryVerb();
    } catch (err) {
      refused = err;
    }
    expect(isAppError(refused, 'INTERNAL')).toBe(true);
    expect((refused as Error).message).toContain('notice.ack');
    expect((refused as Error).message).not.toContain('faq.ask');
  });

  it('the bot as built handles every catalog verb (it starts)', async () => {
    const bot = await bootBot();
    try {
      const health = await fetch(`${bot.url}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await bot.stop();
    }
  }, 30_000);
});
