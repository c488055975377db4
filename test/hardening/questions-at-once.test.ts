/**
 * "Five questions waiting" holds when one person sends many ask forms at once: a conditional write
 * per slot, not a listing then a write. Real HTTP, the real bot, the fake Teams connector.
 */
import { ALICE } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { actionData, driver, facts } from '../requests/drive';
import { QUESTIONS_COLLECTION, MAX_WAITING_QUESTIONS } from '../../src/questions/question-service';
import { cardWords, PRIVACY_CHANNEL, pressForMessages, sayHere, ticketPosts } from '../questions/ask-drive';

describe('questions sent at once by one person', () => {
  let connector: FakeConnector;
  let bot: BootedBot;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  it(`make at most ${MAX_WAITING_QUESTIONS} tickets; the others are told why`, async () => {
    const chat = driver(bot, connector, { from: ALICE });
    const [reply] = await sayHere(chat, connector, 'what about my fishing licence');
    const forms = [];
    for (let i = 0; i < 20; i++)
      forms.push(actionData((await pressForMessages(chat, connector, 'question.open', actionData(reply, 'question.open'))).cards[0], 'question.send'));
    expect(new Set(forms.map((form) => form.questionId)).size).toBe(20);

    const answers = await Promise.all(
      forms.map((form, i) => chat.press('question.send', { ...form, question: `question number ${i} about my fishing licence` })),
    );
    const receipts = answers.filter((answer) => /^Q-/.test(facts(answer.card).Reference ?? ''));
    const refused = answers.filter((answer) =>
      cardWords(answer.card).some((text) => text.includes(`You already have ${MAX_WAITING_QUESTIONS} questions waiting`)),
    );
    expect(receipts).toHaveLength(MAX_WAITING_QUESTIONS);
    expect(refused).toHaveLength(20 - MAX_WAITING_QUESTIONS);

    await until(() => ticketPosts(connector).length >= MAX_WAITING_QUESTIONS, 10_000, 'the tickets');
    expect(await bot.app.store.list(QUESTIONS_COLLECTION)).toHaveLength(MAX_WAITING_QUESTIONS);
    expect(ticketPosts(connector)).toHaveLength(MAX_WAITING_QUESTIONS);
  }, 60_000);
});
