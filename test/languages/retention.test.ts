/**
 * A person's remembered language is kept while they use the bot, over real HTTP: the bot on a free
 * port with its clock moved on, a local Teams connector. Someone not seen for REQUEST_RETENTION_DAYS
 * loses the record (their choice with it: the bot follows their Teams language again); someone who
 * kept talking keeps theirs.
 */
import { cardOf, cardTexts, execute, message, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { stringsOf } from '../../src/strings';

const DAY_MS = 86_400_000;
const FLORE: Person = { id: '29:flore-r', aadObjectId: 'aad-flore-r', name: 'Flore Retention' };
const GABY: Person = { id: '29:gaby-r', aadObjectId: 'aad-gaby-r', name: 'Gaby Retention' };

describe("a person's language record", () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  let offset = 0;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ REQUEST_RETENTION_DAYS: '365' }, { clock: () => Date.now() + offset, housekeepingEveryMs: 100 });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
  });

  /** The help card's title for a person whose Teams speaks German: the language the bot answers them in. */
  const helpTitle = async (from: Person): Promise<string> => {
    const before = connector.posted().length;
    const activity: Record<string, unknown> = { ...message('hilfe', { serviceUrl: connector.url, from }), locale: 'de-DE' };
    expect((await bot.post('/api/messages', activity)).status).toBe(200);
    await connector.waitFor(() =>
      connector
        .posted()
        .slice(before)
        .some((call) => call.body.replyToId === activity.id),
    );
    return cardTexts(
      cardOf(
        connector
          .posted()
          .slice(before)
          .find((call) => call.body.replyToId === activity.id)!.body,
      ),
    )[0];
  };
  const chooseFrench = async (from: Person) => {
    expect(
      (await bot.post('/api/messages', { ...execute('language.choose', { language: 'fr' }, { serviceUrl: connector.url, from }), locale: 'de-DE' })).status,
    ).toBe(200);
  };
  const sweeps = () => bot.logs.filter((line) => line.includes('"chore":"language-retention"')).length;

  it('is deleted once the person has not been seen for the retention period, and kept while they keep talking', async () => {
    const frenchTitle = stringsOf('fr').common.botName;
    await chooseFrench(FLORE);
    await chooseFrench(GABY);
    expect(await helpTitle(FLORE)).toBe(frenchTitle);
    expect(await helpTitle(GABY)).toBe(frenchTitle);

    // Gaby comes back after 200 days; nobody hears from Flore again.
    offset = 200 * DAY_MS;
    expect(await helpTitle(GABY)).toBe(frenchTitle);
    offset = 370 * DAY_MS;
    await until(() => sweeps() > 0, 10_000, 'a language sweep deleted a record');

    expect(await helpTitle(FLORE)).toBe(stringsOf('de').common.botName);
    expect(await helpTitle(GABY)).toBe(frenchTitle);
    // The log says how many, never whose.
    for (const line of bot.logs) for (const id of [FLORE.id, FLORE.aadObjectId, GABY.id, GABY.aadObjectId]) expect(line).not.toContain(id);
  });
});
