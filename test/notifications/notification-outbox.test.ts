/**
 * Personal notifications (here: a privacy admin's dead-letter alert) reach the person once, through
 * Teams throttling, over real HTTP: the bot, a local Teams connector and the example receiver.
 */
import { cardTexts } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { actionData, driver, facts } from '../requests/drive';

const ADMIN_AAD = 'aad-notified-admin';

describe('personal notifications', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;

  beforeAll(async () => {
    connector = await startFakeConnector();
    receiver = await startTestReceiver();
    bot = await bootBot({ PRIVACY_WEBHOOK_URL: receiver.url, PRIVACY_WEBHOOK_SECRET: receiver.secret, PRIVACY_ADMIN_IDS: ADMIN_AAD });
  });
  afterAll(async () => {
    await bot.stop();
    await receiver.close();
    await connector.close();
  });

  it('retries an alert Teams throttles, honouring Retry-After, and delivers it once', async () => {
    receiver.gate = () => ({ status: 410 });
    const throttledAt: number[] = [];
    // Teams answers 429 to opening the admin's chat as many times as the Bot Framework SDK tries by
    // itself (four), so the notification goes back to the queue. The SDK's own tries are quick
    // (Retry-After 0); the last refusal, the one the queue sees, asks for 3 s: longer than the
    // queue's own first backoff (at most 2.4 s), so the delay it logs shows it was honoured.
    connector.respond = (call) => {
      const opensAdminChat = call.method === 'POST' && /\/v3\/conversations\/?$/.test(call.path) && JSON.stringify(call.body.members).includes(ADMIN_AAD);
      if (opensAdminChat && throttledAt.length < 4) {
        throttledAt.push(Date.now());
        return { status: 429, headers: { 'retry-after': throttledAt.length === 4 ? '3' : '0' } };
      }
      return undefined;
    };
    const alice = driver(bot, connector);
    const [form] = await alice.say('export my data');
    const { card: receipt } = await alice.press('request.submit', { ...actionData(form, 'request.submit'), include: 'account', format: 'json' });
    const id = facts(receipt).Reference;

    const toAdmin = () => connector.posted().filter((call) => call.conversationId === `a:personal-${ADMIN_AAD}`);
    await until(() => toAdmin().length > 0, 15_000, 'the alert reached the admin');
    const alert = toAdmin()[0].body.attachments as Array<{ content: unknown }>;
    expect(cardTexts(alert[0].content).join(' ')).toContain(id);
    expect(throttledAt).toHaveLength(4);
    const retried = bot.logs.find((line) => line.includes('notification will be retried'));
    expect(retried).toContain('http-429');
    expect(JSON.parse(retried!).retryInMs).toBeGreaterThanOrEqual(3000);
    // The log names the notification and its kind, never the request's content or the admin's name.
    expect(retried).toContain('request.deadLetter');

    // Nothing more arrives for it: one alert, not one per attempt.
    await until(() => bot.logs.some((line) => line.includes('notification sent')), 5_000, 'the alert recorded as sent');
    expect(toAdmin()).toHaveLength(1);
  }, 30_000);
});
