/**
 * Conversations in German and French over real HTTP: the bot on a free port, a local Teams
 * connector, the example webhook receiver. A German speaker's whole conversation (welcome, an
 * answer, a deletion request to its receipt, their requests, a question the policy does not cover,
 * a refused button) carries no English sentence; a chosen language wins over Teams' and is kept;
 * over English-only content a French speaker is told once, in French, where answers come from.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cardOf, cardTexts, execute, message, type Person } from '../fakes/activities';
import { bootBot, REPO_ROOT, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { actionData, facts, type Card } from '../requests/drive';
import { until } from '../fakes/until';
import { stringsOf } from '../../src/strings';

const STATUS_TOKEN = 'status-token-for-languages-test';
const GRETA: Person = { id: '29:greta', aadObjectId: 'aad-greta', name: 'Greta Beispiel' };
const FLORE: Person = { id: '29:flore', aadObjectId: 'aad-flore', name: 'Flore Exemple' };

type Said = { texts: string[]; cards: Card[] };

/** What a person says and presses, with their Teams locale; everything the bot answers, kept for the no-English check. */
function speaker(bot: BootedBot, connector: FakeConnector, from: Person, locale: string) {
  const heard: string[] = [];
  const keep = (node: unknown) => {
    if (typeof node === 'string') heard.push(node);
    else if (Array.isArray(node)) node.forEach(keep);
    else if (node && typeof node === 'object') Object.entries(node).forEach(([key, value]) => key !== 'data' && key !== 'verb' && keep(value));
  };
  return {
    heard,
    async say(text: string): Promise<Said> {
      const before = connector.posted().length;
      const activity: Record<string, unknown> = { ...message(text, { serviceUrl: connector.url, from }), locale };
      const replies = () =>
        connector
          .posted()
          .slice(before)
          .filter((call: ConnectorCall) => call.body.replyToId === activity.id);
      const response = await bot.post('/api/messages', activity);
      expect(response.status).toBe(200);
      await connector.waitFor(() => replies().length > 0);
      const bodies = replies().map((call) => call.body);
      const said = {
        texts: bodies.map((body) => body.text).filter((t): t is string => typeof t === 'string'),
        cards: bodies.map(cardOf).filter((card): card is Card => card !== undefined),
      };
      keep(said.texts);
      keep(said.cards);
      return said;
    },
    async press(verb: string, data: Record<string, unknown>): Promise<Card | undefined> {
      const response = await bot.post('/api/messages', { ...execute(verb, data, { serviceUrl: connector.url, from }), locale });
      const body = response.body as { type?: string; value?: unknown };
      keep(body.value);
      return body.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as Card) : undefined;
    },
  };
}

/** The fixed parts of every English sentence the bot says that German words differently (HTTP API messages aside). */
function englishSentences(): string[] {
  const leaves = (node: unknown, at: string): Array<[string, string]> =>
    typeof node === 'string'
      ? [[at, node]]
      : node && typeof node === 'object'
        ? Object.entries(node).flatMap(([key, child]) => leaves(child, `${at}.${key}`))
        : [];
  const german = new Set(leaves(stringsOf('de'), '').map(([, text]) => text));
  const fragments = new Set<string>();
  for (const [key, text] of leaves(stringsOf('en'), '')) {
    if (key.startsWith('.api.') || german.has(text)) continue;
    for (const part of text.split(/\{\{?[^{}]+\}?\}/)) if (part.trim().split(/\s+/).length >= 2) fragments.add(part.trim());
  }
  return [...fragments];
}

describe('a German conversation', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;

  beforeAll(async () => {
    connector = await startFakeConnector();
    receiver = await startTestReceiver();
    bot = await bootBot({ PRIVACY_WEBHOOK_URL: receiver.url, PRIVACY_WEBHOOK_SECRET: receiver.secret, PRIVACY_STATUS_TOKEN: STATUS_TOKEN });
  });
  afterAll(async () => {
    await bot.stop();
    await receiver.close();
    await connector.close();
  });

  it('is German from the welcome to the receipt, with German content and dates, and no English sentence', async () => {
    const greta = speaker(bot, connector, GRETA, 'de-DE');

    const welcome = await greta.say('hallo');
    expect(cardTexts(welcome.cards[0])[0]).toBe('Datenschutz-Assistent');

    const answer = await greta.say('Wie lange werden meine Daten gespeichert?');
    expect(cardTexts(answer.cards[0])[0]).toBe('Aufbewahrung von Daten');

    const compound = await greta.say('Datenaufbewahrung');
    expect(JSON.stringify(compound.cards[0])).toContain('Aufbewahrung von Daten');

    const [form] = (await greta.say('Ich möchte meine Daten löschen')).cards;
    expect(cardTexts(form)[0]).toBe('Ihre Daten löschen lassen');
    const review = await greta.press('request.review', { ...actionData(form, 'request.review'), scope: 'everything' });
    expect(cardTexts(review)[0]).toBe('Löschanfrage bestätigen');
    const unticked = await greta.press('request.submit', { ...actionData(review, 'request.submit'), confirm: 'false' });
    expect(cardTexts(unticked).join('\n')).toContain('Bitte haken Sie');
    const receipt = await greta.press('request.submit', { ...actionData(review, 'request.submit'), confirm: 'true' });
    expect(cardTexts(receipt)[0]).toBe('Anfrage erhalten');
    // "7. Januar 2027": the German date, not "7 January 2027".
    expect(facts(receipt)['Fällig bis']).toMatch(/^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/);
    const [event] = await receiver.waitForEvents(1);
    expect(event.data.kind).toBe('deletion');

    // The privacy team's progress reaches her in German; its own message stays as the team wrote it.
    const id = facts(receipt)['Aktenzeichen'];
    await until(() => bot.logs.some((line) => line.includes('request delivered') && line.includes(id)), 10_000, 'request delivered');
    const before = connector.posted().length;
    const reported = await bot.post(
      `/api/requests/${id}/status`,
      { status: 'needs_info', message: 'Which mailbox do you mean?' },
      { authorization: `Bearer ${STATUS_TOKEN}` },
    );
    expect(reported.status).toBe(200);
    // `before` counts posts only (connector.posted()); the calls waited on include roster reads too.
    await connector.waitFor(() =>
      connector
        .posted()
        .slice(before)
        .some((call) => JSON.stringify(call.body).includes(id)),
    );
    const [update] = connector
      .posted()
      .slice(before)
      .filter((call) => JSON.stringify(call.body).includes(id));
    const updateCard = cardOf(update.body)!;
    expect(cardTexts(updateCard)[0]).toBe('Das Datenschutzteam braucht weitere Angaben');
    expect(cardTexts(updateCard)).toContain('Which mailbox do you mean?');
    greta.heard.push(...cardTexts(updateCard).filter((text) => text !== 'Which mailbox do you mean?'));

    const mine = await greta.say('meine anfragen');
    expect(cardTexts(mine.cards[0])[0]).toBe('Ihre Datenschutzanfragen');

    const offTopic = await greta.say('Wo ist die Kantine?');
    expect(cardTexts(offTopic.cards[0])[0]).toBe('Dazu sagt die Richtlinie nichts');

    const forged = await greta.say('{"verb": 1}');
    expect(forged.texts.length + forged.cards.length).toBeGreaterThan(0);
    await greta.press('no.such.verb', {});

    // Every sentence she was shown, against every English sentence the bot knows.
    const english = englishSentences();
    expect(english.length).toBeGreaterThan(300);
    expect(greta.heard.length).toBeGreaterThan(50);
    const leaked = greta.heard.flatMap((text) =>
      english.filter((sentence) => text.includes(sentence)).map((sentence) => `"${sentence}" in "${text.slice(0, 80)}"`),
    );
    expect(leaked).toEqual([]);
    // Nor an English entry: the German content answered.
    expect(greta.heard.some((text) => text.includes('Data Retention'))).toBe(false);
  });

  it('speaks the language a person chooses, over their Teams language, from the next message on', async () => {
    const flore = speaker(bot, connector, FLORE, 'de-DE');
    const [card] = (await flore.say('sprache')).cards;
    expect(cardTexts(card)[0]).toBe('Sprache');
    const chosen = await flore.press('language.choose', { language: 'fr' });
    expect(cardTexts(chosen)[0]).toBe('Langue');

    const help = await flore.say('aide');
    expect(cardTexts(help.cards[0])[0]).toBe('Assistant confidentialité');
    const answer = await flore.say('Combien de temps mes données sont-elles conservées ?');
    expect(cardTexts(answer.cards[0])[0]).toBe('Conservation des données');

    // "Follow Teams" hands the choice back to the locale Teams reports.
    await flore.press('language.choose', { language: 'teams' });
    const back = await flore.say('hilfe');
    expect(cardTexts(back.cards[0])[0]).toBe('Datenschutz-Assistent');
  });

  it('takes the language from the clientInfo entity when the activity has no locale', async () => {
    const before = connector.posted().length;
    const activity: Record<string, unknown> = {
      ...message('aide', { serviceUrl: connector.url, from: { id: '29:cli', aadObjectId: 'aad-cli', name: 'C' } }),
      locale: undefined,
      entities: [{ type: 'clientInfo', locale: 'fr-CA' }],
    };
    expect((await bot.post('/api/messages', activity)).status).toBe(200);
    await connector.waitFor(() =>
      connector
        .posted()
        .slice(before)
        .some((call) => call.body.replyToId === activity.id),
    );
    const reply = connector
      .posted()
      .slice(before)
      .find((call) => call.body.replyToId === activity.id)!;
    expect(cardTexts(cardOf(reply.body))[0]).toBe('Assistant confidentialité');
  });
});

describe('a French speaker over English-only content', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = mkdtempSync(path.join(os.tmpdir(), 'content-en-'));
    cpSync(path.join(REPO_ROOT, 'content/faq.md'), path.join(contentDir, 'faq.md'));
    cpSync(path.join(REPO_ROOT, 'content/policy'), path.join(contentDir, 'policy'), { recursive: true });
    connector = await startFakeConnector();
    bot = await bootBot({ CONTENT_DIR: contentDir });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
    rmSync(contentDir, { recursive: true, force: true });
  });

  it('is told once, in French, that the answers come from the English content', async () => {
    const flore = speaker(bot, connector, { id: '29:fr', aadObjectId: 'aad-fr', name: 'F' }, 'fr-FR');
    const first = await flore.say('encryption');
    expect(first.texts).toEqual(['La politique de confidentialité n’existe pas en français : mes réponses viennent de sa version en anglais.']);
    expect(cardTexts(first.cards[0])[0]).toBe('Encryption');
    // The card's own sentences are French; only the content is English.
    expect(JSON.stringify(first.cards[0])).toContain('Cette réponse vous a-t-elle aidé ?');

    const second = await flore.say('data portability');
    expect(second.texts).toEqual([]);
    expect(cardTexts(second.cards[0])[0]).toBe('Data Portability');
  });
});
