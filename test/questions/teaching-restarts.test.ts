/**
 * What the privacy team taught survives restarts, and a teaching the store refused (here: the
 * taught records' folder is unusable when the team answers) is finished at the next start, while
 * the asker gets the answer at once either way. And a taught question shows as it was written,
 * Markdown and all, to the people it answers next. File store, one instance, real HTTP.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALICE, cardOf, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { driver, type Driver } from '../requests/drive';
import { LEARNED_COLLECTION } from '../../src/questions/learned';
import { askTheTeam, BOB, cardWords, inPrivacyChannel, PRIVACY_CHANNEL, sayHere, shows, ticketPosts } from './ask-drive';

const DAN: Person = { id: '29:restart-dan', aadObjectId: 'aad-restart-dan', name: 'Dan Example' };

describe('taught content across restarts, and as written', () => {
  let connector: FakeConnector;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'teaching-restart-'));
  const env = { DATA_DIR: dataDir, PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL };
  let bot: BootedBot | undefined;

  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await bot?.stop();
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const replyTitle = async (chat: Driver, question: string) => cardWords((await sayHere(chat, connector, question, { from: DAN }))[0])[0];

  it('teaches at the next start what the store refused, and keeps it through restarts', async () => {
    bot = await bootBot(env);
    let chat = driver(bot, connector);
    const question = 'does the canteen menu use my badge swipes';
    expect(await replyTitle(chat, question)).toBe('The policy does not cover that');
    const { id } = await askTheTeam(chat, connector, question);
    await until(() => ticketPosts(connector, id).length > 0, 15_000, 'the ticket');
    const entry = bot.app.faq.entries.find((item) => item.title === 'Data Sharing')!;

    // The taught records' folder is a file now: every write to it fails.
    rmSync(path.join(dataDir, LEARNED_COLLECTION), { recursive: true, force: true });
    writeFileSync(path.join(dataDir, LEARNED_COLLECTION), 'not a folder');
    const answered = await chat.press('question.answer', { questionId: id, answer: '', entryId: entry.id, teach: 'true' }, inPrivacyChannel(BOB));
    expect(cardWords(answered.card).join('\n')).toContain('Your answer is on its way');
    expect(cardWords(answered.card).join('\n')).not.toContain('The bot was taught');
    // The asker has the entry's card all the same.
    await until(
      () =>
        connector
          .posted()
          .some((call) => call.conversationId === `a:personal-${ALICE.id}` && shows(cardOf(call.body), `chose this answer for your question ${id}`)),
      15_000,
      "the chosen entry in the asker's chat",
    );
    expect(cardWords(connector.posted().find((call) => shows(cardOf(call.body), `chose this answer for your question ${id}`))!.body.attachments)[0]).toBe(
      'Data Sharing',
    );
    // `my questions` names the section the team answered with.
    const [mine] = await sayHere(chat, connector, 'my questions');
    expect(cardWords(mine)).toContain('Answered with the policy\'s section "Data Sharing".');
    expect(await replyTitle(chat, question)).toBe('The policy does not cover that');
    expect(bot.logs.some((line) => line.includes('question not taught yet'))).toBe(true);

    // The folder usable again, and a restart: taught before the first turn is answered.
    await bot.stop();
    rmSync(path.join(dataDir, LEARNED_COLLECTION), { force: true });
    bot = await bootBot(env);
    chat = driver(bot, connector);
    await until(() => bot!.logs.some((line) => line.includes('questions recovered')), 15_000, 'recovery at start-up');
    await until(async () => (await bot!.app.store.list(LEARNED_COLLECTION)).length === 1, 15_000, 'taught at start-up');
    expect(await replyTitle(chat, question)).toBe('Data Sharing');

    // And again: it lives in the store, not in the process.
    await bot.stop();
    bot = await bootBot(env);
    chat = driver(bot, connector);
    expect(await replyTitle(chat, question)).toBe('Data Sharing');
    expect(await bot.app.store.list(LEARNED_COLLECTION)).toHaveLength(1);
  }, 90_000);

  it('shows a taught question as written: Markdown an asker typed is never rendered for the next', async () => {
    bot ??= await bootBot(env);
    const chat = driver(bot, connector);
    const question = '[Verify here](https://evil.example) is my *payslip* shared with the gym?';
    expect(await replyTitle(chat, question)).toBe('The policy does not cover that');
    const { id } = await askTheTeam(chat, connector, question);
    await until(() => ticketPosts(connector, id).length > 0, 15_000, 'the ticket');
    await chat.press('question.answer', { questionId: id, answer: 'No, never.', entryId: '', teach: 'true' }, inPrivacyChannel(BOB));
    // The new entry's title is the question with its Markdown escaped: no link, no emphasis.
    const [card] = await sayHere(chat, connector, question, { from: DAN });
    expect(cardWords(card)[0]).toBe('\\[Verify here\\](https://evil.example) is my \\*payslip\\* shared with the gym?');
    expect(cardWords(card)).toContain('No, never.');
  }, 60_000);
});
