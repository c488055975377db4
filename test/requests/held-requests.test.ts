/**
 * Requests that cannot reach the privacy team's system for now: the receipt says the request is kept
 * (never that the team has it), the privacy admins are told once, and what waits goes out as soon as
 * the receiver can be reached: at the restart that sets PRIVACY_WEBHOOK_URL, and within a probe of a
 * receiver coming back, however long the backoff had grown. Over real HTTP: the bot, a local Teams
 * connector and the example receiver.
 */
import { rmSync } from 'node:fs';
import { cardOf, cardTexts, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { driver, facts, fileRequest, type Driver } from './drive';
import { scratchDir } from '../fakes/scratch-dir';

const ADMIN: Person = { id: '29:privacyadmin', aadObjectId: 'aad-admin', name: 'Priya Admin' };
const ANN: Person = { id: '29:ann', aadObjectId: 'aad-ann', name: 'Ann Example' };
const BEN: Person = { id: '29:ben', aadObjectId: 'aad-ben', name: 'Ben Example' };
const CAT: Person = { id: '29:cat', aadObjectId: 'aad-cat', name: 'Cat Example' };
const HELD_TITLE = 'Privacy requests are waiting';
const KEPT = /recorded and kept safe.*passed on to them as soon as they can/;

const heldAlerts = (connector: FakeConnector) => connector.posted().filter((call: ConnectorCall) => cardTexts(cardOf(call.body))[0] === HELD_TITLE);
const exportRequest = (who: Driver, from: Person) => fileRequest(who, 'export my data', { include: 'account', format: 'pdf' }, { from });

describe('requests held while nothing can reach the privacy team', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;

  beforeAll(async () => {
    connector = await startFakeConnector();
    receiver = await startTestReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await connector.close();
  });
  afterEach(() => {
    receiver.gate = undefined;
  });

  it('with no webhook: keeps them, says so, tells the admins once, and sends them at the restart that sets the webhook', async () => {
    const dataDir = scratchDir('held-');
    const before = connector.posted().length;
    let bot: BootedBot = await bootBot({ DATA_DIR: dataDir, PRIVACY_ADMIN_IDS: ADMIN.aadObjectId });
    let ids: string[] = [];
    try {
      const who = driver(bot, connector);
      const first = await exportRequest(who, ANN);
      const second = await exportRequest(who, BEN);
      ids = [facts(first).Reference, facts(second).Reference];
      for (const receipt of [first, second]) {
        expect(cardTexts(receipt).join('\n')).toMatch(KEPT);
        expect(cardTexts(receipt).join('\n')).not.toMatch(/has your request/);
      }
      // Both were taken by the outbox (and put back for later) before the alerts are counted.
      await until(
        async () => (await bot.app.store.list<{ attempts: number }>('requestoutbox')).filter((item) => item.value.attempts > 0).length === 2,
        10_000,
        'both requests tried',
      );
      await until(async () => (await bot.app.store.list('notifyoutbox')).length === 0 && heldAlerts(connector).length > 0, 10_000, 'the admins told');
      const alerts = connector
        .posted()
        .slice(before)
        .filter((call) => cardTexts(cardOf(call.body))[0] === HELD_TITLE);
      expect(alerts).toHaveLength(1);
      expect(cardTexts(cardOf(alerts[0].body)).join('\n')).toMatch(/PRIVACY_WEBHOOK_URL is not set/);
      const [list] = await who.say('my requests', { from: ANN });
      expect(facts(list).Status).toBe('Received, being passed to the privacy team');
    } finally {
      await bot.stop();
    }

    // The backoff of a request that waited for the webhook is an hour: only the restart explains a delivery now.
    bot = await bootBot({
      DATA_DIR: dataDir,
      PRIVACY_ADMIN_IDS: ADMIN.aadObjectId,
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
    });
    try {
      await until(() => ids.every((id) => receiver.events.some((event) => event.data.id === id)), 60_000, 'both held requests delivered');
      await until(() => bot.logs.filter((line) => line.includes('request delivered')).length === 2, 10_000, 'both recorded as delivered');
      const [list] = await driver(bot, connector).say('my requests', { from: ANN });
      expect(facts(list).Status).toBe('With the privacy team');
      const receipt = await exportRequest(driver(bot, connector), CAT);
      expect(cardTexts(receipt).join('\n')).not.toMatch(KEPT);
    } finally {
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with the receiver down: says the request is kept, tells the admins once, and sends everything within a probe of its return', async () => {
    const before = connector.posted().length;
    receiver.gate = () => ({ status: 503 });
    // A backoff of ten minutes from the first failure: a delivery within this test's deadlines is the probe's doing.
    const bot = await bootBot(
      {
        PRIVACY_ADMIN_IDS: ADMIN.aadObjectId,
        PRIVACY_WEBHOOK_URL: receiver.url,
        PRIVACY_WEBHOOK_SECRET: receiver.secret,
        PRIVACY_WEBHOOK_RETRY_BASE_MS: '600000',
      },
      { webhookProbeEveryMs: 200 },
    );
    try {
      const who = driver(bot, connector);
      const firstId = facts(await exportRequest(who, ANN)).Reference;
      await until(
        () => receiver.attempts.filter((attempt) => attempt.id === firstId).length >= 3,
        20_000,
        'the first request probed while the receiver is down',
      );
      const held = await exportRequest(who, BEN);
      expect(cardTexts(held).join('\n')).toMatch(KEPT);
      const heldId = facts(held).Reference;
      await until(() => receiver.attempts.some((attempt) => attempt.id === heldId), 10_000, 'the second request tried');
      await until(
        () =>
          connector
            .posted()
            .slice(before)
            .some((call) => cardTexts(cardOf(call.body))[0] === HELD_TITLE),
        10_000,
        () =>
          `the admins told ${bot.logs
            .filter((l) => !l.includes('housekeeping'))
            .slice(-15)
            .join('\n')}`,
      );

      receiver.gate = undefined;
      await until(
        () => [firstId, heldId].every((id) => receiver.events.some((event) => event.data.id === id)),
        20_000,
        'both delivered once the receiver answers',
      );
      await until(() => bot.logs.filter((line) => line.includes('request delivered')).length === 2, 10_000, 'both recorded as delivered');
      const alerts = connector
        .posted()
        .slice(before)
        .filter((call) => cardTexts(cardOf(call.body))[0] === HELD_TITLE);
      expect(alerts).toHaveLength(1);
      expect(cardTexts(cardOf(alerts[0].body)).join('\n')).toMatch(/has not been answering since/);
      // Probes are not failed attempts: the request that was probed many times was never dead-lettered.
      expect(bot.logs.some((line) => line.includes('dead-lettered'))).toBe(false);
    } finally {
      await bot.stop();
    }
  });
});
