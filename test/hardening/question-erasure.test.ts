/**
 * Issue 19, case 9: a question the content could not answer goes to the unanswered log (kept 90
 * days), and from the not-covered reply to the privacy team. When retention erases the question to
 * the team, the log record it came from goes with it: its words are not kept on for the rest of the
 * 90 days. The log record is erased only for the person whose question made it: a button taken from
 * someone else's reply links nothing. Everything real: HTTP, the connector, the file store; the
 * bot's clock is moved, and the test waits on the housekeeping rounds.
 */
import type { Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { HousekeepingRounds } from '../fakes/housekeeping-rounds';
import { storedText } from '../fakes/stored-text';
import { until } from '../fakes/until';
import { actionData, driver, facts } from '../requests/drive';
import { UNANSWERED_COLLECTION, type UnansweredQuestion } from '../../src/questions/content-gaps';
import { QUESTIONS_COLLECTION } from '../../src/questions/question-service';
import type { Question } from '../../src/questions/types';
import { answersTo, BOB as TEAM_BOB, inPrivacyChannel, PRIVACY_CHANNEL, pressForMessages, sayHere, ticketPosts } from '../questions/ask-drive';

const DAY = 86_400_000;
const RETENTION_DAYS = 7;
const ERIN: Person = { id: '29:erin-erasure', aadObjectId: 'aad-erin-erasure', name: 'Erin Erasure' };
const OLIVE: Person = { id: '29:olive-erasure', aadObjectId: 'aad-olive-erasure', name: 'Olive Erasure' };

describe('an unanswered question that went to the privacy team', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  let offset = 0;
  const rounds = new HousekeepingRounds();

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot(
      { PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL, REQUEST_RETENTION_DAYS: String(RETENTION_DAYS) },
      { clock: () => Date.now() + offset, housekeepingEveryMs: 100, onHousekeepingRound: rounds.onRound },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  const chat = () => driver(bot, connector);
  const stored = async (id: string) => (await bot.app.store.get<Question>(QUESTIONS_COLLECTION, id))!.value;
  const logTexts = async () => (await bot.app.store.list<UnansweredQuestion>(UNANSWERED_COLLECTION)).map((item) => item.value.text);

  /** Says `question`, which the content does not cover (so the log now holds `words`); the not-covered reply, with its Ask button. */
  async function notCovered(question: string, words: string, from: Person) {
    const [reply] = await sayHere(chat(), connector, question, { from });
    expect(await logTexts()).toContainEqual(expect.stringContaining(words));
    return reply;
  }

  /** Presses the reply's Ask the privacy team as `from`, sends the form with `text`, and has the team answer. */
  async function askAndAnswer(reply: Record<string, unknown> | undefined, from: Person, text: string): Promise<string> {
    const { cards } = await pressForMessages(chat(), connector, 'question.open', actionData(reply, 'question.open'), { from });
    const sent = await chat().press('question.send', { ...actionData(cards[0], 'question.send'), question: text }, { from });
    const id = facts(sent.card).Reference;
    expect(id).toMatch(/^Q-[0-9A-Z]{8}$/);
    await until(() => ticketPosts(connector, id).length > 0, 10_000, 'the ticket posted');
    await chat().press('question.answer', { questionId: id, answer: 'The team looked into it and wrote back.' }, inPrivacyChannel(TEAM_BOB));
    await until(() => answersTo(connector, from, id).length > 0, 10_000, 'the answer delivered');
    return id;
  }

  it('leaves neither the question nor the unanswered log holding its words once retention erased it', async () => {
    // Typed first, with a phone number (stripped before the log keeps it); edited in the form before it is sent.
    const typed = 'Does the quarterbacking zeppelin roster leak my shift swaps? Call 0151 2345 6789';
    const edited = 'Does the quarterbacking zeppelin roster share my shift swaps with the agency?';
    const reply = await notCovered(typed, 'quarterbacking zeppelin', ERIN);
    expect(storedText(bot.dataDir)).toContain('quarterbacking zeppelin');
    expect(storedText(bot.dataDir)).not.toContain('2345 6789');
    const id = await askAndAnswer(reply, ERIN, edited);
    // Within the retention period both are kept: the question for the team, the log for insights.
    await rounds.ranSinceNow('question-retention');
    expect(await logTexts()).toContainEqual(expect.stringContaining('quarterbacking zeppelin'));
    expect((await stored(id)).text).toBe(edited);

    offset = RETENTION_DAYS * DAY + 60_000;
    await until(async () => (await stored(id)).erasedAt !== undefined, 10_000, 'the question erased');
    await rounds.ranSinceNow('question-retention');

    expect(await logTexts()).not.toContainEqual(expect.stringContaining('zeppelin'));
    expect(storedText(bot.dataDir)).not.toMatch(/quarterbacking|zeppelin|shift swaps/);
    expect(bot.logs.join('\n')).not.toMatch(/quarterbacking|zeppelin/);
  }, 60_000);

  it("erases no one else's record: a button taken from another person's reply links nothing", async () => {
    offset = 0;
    const reply = await notCovered('Does the marzipan sabbatical ledger list my hobbies?', 'marzipan sabbatical', ERIN);
    // Olive sends what Erin's button carries, as if she had pressed it in a shared chat.
    const id = await askAndAnswer(reply, OLIVE, 'Does the marzipan sabbatical ledger list my hobbies?');
    expect((await stored(id)).asker.aadObjectId).toBe(OLIVE.aadObjectId);

    offset = RETENTION_DAYS * DAY + 60_000;
    await until(async () => (await stored(id)).erasedAt !== undefined, 10_000, "Olive's question erased");
    await rounds.ranSinceNow('question-retention');

    // Olive's question is erased; Erin's unanswered question stays in the log for its 90 days.
    expect((await stored(id)).text).toBe('');
    expect(await logTexts()).toContainEqual(expect.stringContaining('marzipan sabbatical'));
  }, 60_000);
});
