/**
 * Unanswered questions, as the privacy team's insights see them and as the bot keeps them: without
 * who asked, within the last 30 days in insights, erased after 90. The bot runs on a clock the test
 * moves; everything else is real (HTTP, the connector, the file store).
 */
import { ALICE, BOB } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { driver } from '../requests/drive';
import { UNANSWERED_COLLECTION } from '../../src/questions/content-gaps';
import { groupSimilar } from '../../src/questions/similar';

const DAY = 86_400_000;
const TOKEN = 'retention-api-token-0123456789';

describe('unanswered questions', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  let now = Date.parse('2027-03-01T09:00:00Z');

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ NOTICE_API_TOKEN: TOKEN }, { clock: () => now });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  const insights = async () =>
    (await (await fetch(`${bot.url}/api/insights`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { from: string; unanswered: Array<{ question: string; count: number }> };

  it('are kept without who asked, shown for 30 days and erased after 90', async () => {
    await driver(bot, connector, { from: ALICE }).say('is my data used to train AI models?');
    await driver(bot, connector, { from: BOB }).say('will my messages train the AI model');
    // Answered questions are not gaps.
    await driver(bot, connector, { from: BOB }).say('how long do you keep my data');

    const stored = await bot.app.store.list<Record<string, unknown>>(UNANSWERED_COLLECTION);
    expect(stored).toHaveLength(2);
    for (const item of stored) expect(Object.keys(item.value).sort()).toEqual(['at', 'text']);
    expect(JSON.stringify(stored)).not.toMatch(/alice|bob|29:|aad-/i);

    expect((await insights()).unanswered).toEqual([{ question: expect.stringMatching(/train/), count: 2, examples: [expect.stringMatching(/train/)], lastAskedAt: new Date(now).toISOString() }]);

    now += 31 * DAY;
    const later = await insights();
    expect(later.from).toBe(new Date(now - 30 * DAY).toISOString());
    expect(later.unanswered).toEqual([]);
    expect(await bot.app.store.list(UNANSWERED_COLLECTION)).toHaveLength(2);

    now += 60 * DAY;
    await insights();
    expect(await bot.app.store.list(UNANSWERED_COLLECTION)).toHaveLength(0);
    expect(bot.logs.some((line) => line.includes('unanswered questions erased') && line.includes('"erased":2'))).toBe(true);
  });
});

describe('grouping by similarity', () => {
  it('puts questions that ask the same thing in other words together, and others apart', () => {
    const groups = groupSimilar(
      [
        'Who is the data protection officer?',
        'who is our data protection officer',
        'data protection officer contact details',
        'Can my manager read my chats?',
        'can managers read chats',
        'Is my data used to train AI?',
      ],
      (text) => text,
    );
    expect(groups.map((group) => group.members.length)).toEqual([3, 2, 1]);
    expect(groups[0].representative).toMatch(/data protection officer/i);
    expect(groups[1].members).toEqual(['Can my manager read my chats?', 'can managers read chats']);
  });
});
