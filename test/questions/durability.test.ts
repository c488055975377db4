/**
 * A question reaches the privacy channel once, and its answer reaches the asker once, whatever
 * happens in between: Teams throttling the channel post, the card update or the asker's chat, and
 * the bot restarted between every step (file store; Azure storage and two instances are in
 * multi-instance.test.ts).
 */
import { rmSync } from 'node:fs';
import { ALICE, cardOf } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { driver, type Driver } from '../requests/drive';
import { NOTIFICATIONS_COLLECTION } from '../../src/notifications/notification-outbox';
import { TICKET_WORK_COLLECTION } from '../../src/questions/question-service';
import { answersTo, askTheTeam, BOB, cardWords, inPrivacyChannel, PRIVACY_CHANNEL, shows, ticketPosts, ticketUpdates } from './ask-drive';
import { scratchDir } from '../fakes/scratch-dir';

/** Teams throttling the calls `which` picks; 0 s Retry-After keeps the SDK's own quick retries quick. */
const throttle =
  (which: (call: ConnectorCall) => boolean, retryAfter = '0') =>
  (call: ConnectorCall) =>
    which(call) ? { status: 429, headers: { 'retry-after': retryAfter } } : undefined;
const channelPost = (call: ConnectorCall) => call.method === 'POST' && call.conversationId === PRIVACY_CHANNEL;
const channelUpdate = (call: ConnectorCall) => call.method === 'PUT' && call.conversationId === PRIVACY_CHANNEL;
const opensChatWith = (userId: string) => (call: ConnectorCall) =>
  call.method === 'POST' && /\/v3\/conversations\/?$/.test(call.path) && JSON.stringify(call.body.members).includes(userId);

describe('questions through throttling and restarts', () => {
  let connector: FakeConnector;

  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterEach(() => {
    connector.respond = undefined;
  });
  afterAll(async () => {
    await connector.close();
  });

  it('posts the ticket once and delivers the answer once with a restart between each step', async () => {
    const dataDir = scratchDir('questions-restart-');
    const env = { DATA_DIR: dataDir, PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL };
    let bot: BootedBot = await bootBot(env);
    let chat: Driver = driver(bot, connector);
    const restart = async () => {
      await bot.stop();
      bot = await bootBot(env);
      chat = driver(bot, connector);
      await until(() => bot.logs.some((line) => line.includes('questions recovered')), 10_000, 'recovery at start-up');
    };
    const logged = (message: string) => until(() => bot.logs.some((line) => line.includes(message)), 15_000, message);

    try {
      // Asked while Teams refuses the channel post: after a restart it is posted, once.
      connector.respond = throttle(channelPost);
      const { id } = await askTheTeam(chat, connector, 'is my data used to train AI?');
      await logged('ticket will be retried');
      await restart();
      connector.respond = undefined;
      await until(() => ticketPosts(connector, id).length > 0, 15_000, 'the ticket posted after the restart');

      // Assigned while Teams refuses the card's update: after a restart, the card shows it.
      await restart();
      connector.respond = throttle(channelUpdate);
      const assigned = await chat.press('question.assign', { questionId: id }, inPrivacyChannel(BOB));
      expect(cardWords(assigned.card)).toContain('Status: Assigned to you');
      await logged('ticket will be retried');
      await restart();
      connector.respond = undefined;
      await until(() => ticketUpdates(connector, id).some((call) => shows(cardOf(call.body), 'Assigned to')), 15_000, 'the card updated after the restart');

      // Answered while Teams refuses to open the asker's chat: after a restart, the answer arrives.
      await restart();
      connector.respond = throttle(opensChatWith(ALICE.id));
      const answered = await chat.press('question.answer', { questionId: id, answer: 'No, it is not.' }, inPrivacyChannel(BOB));
      expect(shows(answered.card, 'Your answer is on its way')).toBe(true);
      await logged('notification will be retried');
      await restart();
      connector.respond = undefined;
      await until(() => answersTo(connector, ALICE, id).length > 0, 15_000, 'the answer after the restart');

      // Closed after another restart; one more restart finds nothing left to do.
      await restart();
      const closed = await chat.press('question.close', { questionId: id }, inPrivacyChannel(BOB));
      expect(cardWords(closed.card).some((line) => line.startsWith('Status: Closed by '))).toBe(true);
      await until(() => ticketUpdates(connector, id).some((call) => shows(cardOf(call.body), 'Closed by')), 15_000, 'the card closed');
      await restart();
      await until(
        async () => (await bot.app.store.list(TICKET_WORK_COLLECTION)).length === 0 && (await bot.app.store.list(NOTIFICATIONS_COLLECTION)).length === 0,
        10_000,
        'no work left',
      );
      expect(bot.logs.find((line) => line.includes('questions recovered'))).toContain('"posts":0');

      expect(ticketPosts(connector, id)).toHaveLength(1);
      expect(answersTo(connector, ALICE, id)).toHaveLength(1);
    } finally {
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('tells each privacy admin, by reference only, of a ticket Teams refuses for good (the bot is not in that team)', async () => {
    const admins = ['aad-admin-one', 'aad-admin-two'];
    const bot = await bootBot({ PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL, PRIVACY_ADMIN_IDS: admins.join(',') });
    try {
      connector.respond = (call) =>
        channelPost(call)
          ? { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } }
          : undefined;
      const question = 'is my data used to train AI?';
      const { id } = await askTheTeam(driver(bot, connector), connector, question);
      const alertsTo = (admin: string) =>
        connector
          .posted()
          .filter((call) => call.conversationId?.includes(admin))
          .map((call) => cardOf(call.body))
          .filter((card) => card !== undefined && shows(card, 'A question did not reach the privacy channel'));
      await until(() => admins.every((admin) => alertsTo(admin).length > 0), 15_000, 'both admins alerted');
      for (const admin of admins) {
        const [alert] = alertsTo(admin);
        expect(shows(alert!, id)).toBe(true);
        expect(shows(alert!, 'http-403')).toBe(true);
        expect(JSON.stringify(alert)).not.toContain(question);
        expect(JSON.stringify(alert)).not.toContain(ALICE.name);
      }
      expect(ticketPosts(connector, id)).toHaveLength(0);
      expect(bot.logs.some((line) => line.includes('ticket could not be posted') && line.includes(id))).toBe(true);
    } finally {
      await bot.stop();
    }
  }, 60_000);

  it('retries a channel post Teams answers with 429, honouring Retry-After, and posts it once', async () => {
    const bot = await bootBot({ PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL });
    try {
      // As many 429s as the Bot Framework SDK tries by itself (four), so the ticket goes back to the
      // queue. The SDK's own tries are quick (Retry-After 0); the last refusal, the one the queue
      // sees, asks for 2 s: longer than the queue's own first backoff (at most 1.2 s), so the
      // delay it logs shows it was honoured.
      let refused = 0;
      connector.respond = (call) => {
        if (!channelPost(call) || ++refused > 4) return undefined;
        return { status: 429, headers: { 'retry-after': refused === 4 ? '2' : '0' } };
      };
      const { id } = await askTheTeam(driver(bot, connector), connector, 'can my manager read my chats');
      await until(() => ticketPosts(connector, id).length > 0, 20_000, 'the ticket posted');
      expect(refused).toBeGreaterThan(4);
      const retried = bot.logs.find((line) => line.includes('ticket will be retried'));
      expect(retried).toContain('http-429');
      expect(JSON.parse(retried!).retryInMs).toBeGreaterThanOrEqual(2000);
      await until(async () => (await bot.app.store.list(TICKET_WORK_COLLECTION)).length === 0, 10_000, 'the ticket work done');
      expect(ticketPosts(connector, id)).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  }, 60_000);
});
