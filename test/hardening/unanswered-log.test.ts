/**
 * What anyone can make the bot record (questions the content does not cover) costs it bounded work
 * and memory: insights over a full log of planted questions (MAX_UNANSWERED, as many as it ever
 * keeps) are computed in slices, so /healthz and turns keep being answered meanwhile, and read only
 * the newest MAX_GROUPED; the log stops growing at MAX_UNANSWERED; and
 * contact details typed into a question are stripped before it is kept. Real HTTP, the real file
 * store; the questions are planted on disk before the bot starts, as a flood would have left them.
 */
import { rmSync } from 'node:fs';
import { ALICE } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { plantRecords, unansweredQuestions } from '../fakes/planted-records';
import { countingRows } from '../fakes/counting-store';
import { until } from '../fakes/until';
import { driver } from '../requests/drive';
import { MAX_GROUPED } from '../../src/questions/insights';
import { MAX_UNANSWERED, UNANSWERED_COLLECTION, type UnansweredQuestion } from '../../src/questions/content-gaps';
import { FileStore } from '../../src/storage/file-store';
import { scratchDir } from '../fakes/scratch-dir';

const TOKEN = 'hardening-api-token-0123456789';

async function insights(bot: BootedBot): Promise<{ unanswered: Array<{ question: string; count: number }> }> {
  const response = await fetch(`${bot.url}/api/insights`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { unanswered: Array<{ question: string; count: number }> };
}

describe('a flood of unanswered questions, one short of a full log', () => {
  // The 5 NEWEST make it MAX_UNANSWERED - 1: the log has room for one more.
  const COUNT = MAX_UNANSWERED - 6;
  const COMMON = 'does the canteen keep my lunch orders';
  /** Copies of COMMON, spread evenly: few enough that those among the newest MAX_GROUPED are fewer than NEWEST's 5. */
  const COMMON_COPIES = 20;
  const NEWEST = 'who reads the visitor badge log';
  let connector: FakeConnector;
  let dataDir: string;
  let bot: BootedBot;
  let rows: ReturnType<typeof countingRows>['rows'];

  // One flood for every test here: planting and loading 10,000 records is most of this file's time.
  beforeAll(async () => {
    connector = await startFakeConnector();
    dataDir = scratchDir('privacy-bot-flood-');
    const now = Date.now();
    // COMMON is spread evenly over the 20 days, so the newest MAX_GROUPED hold a known share of its copies.
    plantRecords(dataDir, UNANSWERED_COLLECTION, unansweredQuestions(COUNT, { now, words: 30, common: COMMON, repeated: COMMON_COPIES }));
    // The newest of all, asked five times in the last hour: what a look must show first.
    plantRecords(dataDir, UNANSWERED_COLLECTION, unansweredQuestions(5, { now, days: 1 / 24, common: NEWEST, repeated: 5 }));
    const counting = countingRows(new FileStore(dataDir));
    rows = counting.rows;
    bot = await bootBot({ NOTICE_API_TOKEN: TOKEN, DATA_DIR: dataDir }, { store: counting.store });
  }, 60_000);
  afterAll(async () => {
    await bot.stop();
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are grouped in slices: /healthz keeps answering while they are computed, and the newest repeated question leads', async () => {
    // The first look loads the planted records from disk; the second is the one measured.
    await insights(bot);
    // Five looks at once (several admins, or one script): a look reads and groups only the newest
    // MAX_GROUPED, so one alone is over too soon to see much of what else it lets through.
    const fiveLooks = async () => {
      let computing = true;
      const answers = Promise.all(Array.from({ length: 5 }, () => insights(bot))).finally(() => (computing = false));
      let healthAnswers = 0;
      while (computing) {
        const health = await fetch(`${bot.url}/healthz`);
        if (health.status === 200 && computing) healthAnswers++;
      }
      return { body: (await answers)[0], healthAnswers };
    };
    // On a machine busy with other work a round can end before /healthz gets its turn: up to three
    // rounds. Without slices no round lets more than one answer through.
    let { body, healthAnswers } = await fiveLooks();
    for (let round = 2; round <= 3 && healthAnswers < 2; round++) ({ body, healthAnswers } = await fiveLooks());
    expect(body.unanswered[0]).toEqual(expect.objectContaining({ question: NEWEST, count: 5 }));
    // Only the newest MAX_GROUPED are grouped: the 5 NEWEST and the flood's last MAX_GROUPED - 5, which
    // hold the copies of COMMON (one every `every` records from the oldest) from the index below on.
    const firstGrouped = COUNT - (MAX_GROUPED - 5);
    const every = Math.floor(COUNT / COMMON_COPIES);
    expect(body.unanswered).toContainEqual(expect.objectContaining({ question: COMMON, count: COMMON_COPIES - Math.ceil(firstGrouped / every) }));
    // Grouped in one piece of work each (no slices), the event loop answered none of them; in slices, 3 or more.
    expect(healthAnswers).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('reads the newest MAX_GROUPED, however many the last 30 days hold', async () => {
    await insights(bot);
    rows.reset();
    const body = await insights(bot);
    expect(body.unanswered[0]).toEqual(expect.objectContaining({ question: NEWEST, count: 5 }));
    // A page reads one record more than it hands on, to know whether another follows.
    expect(rows.byCollection.get(UNANSWERED_COLLECTION) ?? 0).toBeLessThanOrEqual(MAX_GROUPED + 10);
  }, 60_000);

  const kept = async () => (await bot.app.store.list<UnansweredQuestion>(UNANSWERED_COLLECTION)).map((item) => item.value.text);

  // Last here: it fills the log.
  it('keeps questions without the email addresses and phone numbers typed into them, and drops them once full', async () => {
    const chat = driver(bot, connector, { from: ALICE });
    await chat.say('is my data used to train AI models? Write to jane.doe@example.com or call +44 20 7946 0958');
    // Whole words: a planted made-up word may hold 'train' by chance.
    const first = (await kept()).filter((text) => text.includes('train AI models'));
    expect(first).toHaveLength(1);
    expect(first[0]).not.toMatch(/jane|example\.com|7946|0958/);
    expect(first[0]).toMatch(/\[email\].*\[phone\]/);
    expect(await kept()).toHaveLength(MAX_UNANSWERED);

    // Full: the person still gets their reply, and the question is not kept.
    const [reply] = await chat.say('will my messages train the AI model');
    expect(JSON.stringify(reply)).toContain('The policy does not cover that');
    expect(await kept()).toHaveLength(MAX_UNANSWERED);
    expect((await kept()).some((text) => text.includes('messages train'))).toBe(false);
    expect(bot.logs.some((line) => line.includes('UNANSWERED_FULL'))).toBe(true);
  }, 60_000);
});

describe('unanswered questions kept before the newest-first keys', () => {
  let dataDir: string;
  let bot: BootedBot;
  const olderKey = (at: number, id: string) => `${String(at).padStart(15, '0')}.${id}`;

  beforeAll(async () => {
    dataDir = scratchDir('privacy-bot-older-');
    const now = Date.now();
    plantRecords(
      dataDir,
      UNANSWERED_COLLECTION,
      unansweredQuestions(300, { now, words: 6, common: 'is the parking camera footage kept', repeated: 3, key: olderKey }),
    );
    // Past the 90 days: erased, not moved.
    plantRecords(dataDir, UNANSWERED_COLLECTION, unansweredQuestions(2, { now: now - 100 * 86_400_000, days: 1, key: olderKey }));
    bot = await bootBot({ NOTICE_API_TOKEN: TOKEN, DATA_DIR: dataDir });
  }, 60_000);
  afterAll(async () => {
    await bot.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are moved to them at start-up and shown, and those past retention erased', async () => {
    const underOlderKeys = async () => (await bot.app.store.listRange(UNANSWERED_COLLECTION, { to: 'n', limit: 1 })).length;
    await until(async () => (await underOlderKeys()) === 0, 30_000, 'records under the older keys moved');
    const body = await insights(bot);
    expect(body.unanswered[0]).toEqual(expect.objectContaining({ question: 'is the parking camera footage kept', count: 3 }));
    await until(async () => (await bot.app.store.list(UNANSWERED_COLLECTION)).length === 300, 10_000, 'the expired two erased');
  }, 60_000);
});
