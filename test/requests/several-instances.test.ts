/**
 * Two instances of the bot on one Azure Storage account (Azurite), each with its own store client and
 * housekeeping, sharing a clock the test moves: the privacy admins' digest goes out once a day, not
 * once per instance, and status reports arriving at both instances at once tell the requester of
 * each change once.
 */
import { cardOf, cardTexts, type Person } from '../fakes/activities';
import { startAzurite, type Azurite } from '../fakes/azurite';
import { bootBot, type BootedBot } from '../fakes/boot';
import { HousekeepingRounds } from '../fakes/housekeeping-rounds';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { NOTIFICATIONS_COLLECTION } from '../../src/notifications/notification-outbox';
import { recordedAsDelivered, storedRequest, updateCards } from './after-sending';
import { driver, facts, fileRequest, type Card } from './drive';

const TOKEN = 'instances-token-0123456789';
const ADMINS = ['aad-digest-admin1', 'aad-digest-admin2'];

describe('several instances: the daily digest and status changes', () => {
  let azurite: Azurite;
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let a: BootedBot;
  let b: BootedBot;
  /** Both instances read the same moved clock, as servers share real time. */
  let offset = 0;
  const roundsOf = { a: new HousekeepingRounds(), b: new HousekeepingRounds() };
  const at = (iso: string) => {
    offset = Date.parse(iso) - Date.now();
  };

  beforeAll(async () => {
    [azurite, connector, receiver] = await Promise.all([startAzurite(), startFakeConnector(), startTestReceiver()]);
    at('2030-03-01T06:00:00Z');
    const env = {
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
      PRIVACY_STATUS_TOKEN: TOKEN,
      PRIVACY_ADMIN_IDS: ADMINS.join(','),
    };
    const options = { clock: () => Date.now() + offset, housekeepingEveryMs: 100 };
    [a, b] = await Promise.all([
      bootBot(env, { ...options, onHousekeepingRound: roundsOf.a.onRound }),
      bootBot(env, { ...options, onHousekeepingRound: roundsOf.b.onRound }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([azurite.dispose(), connector.close(), receiver.close()]);
  });

  const report = (bot: BootedBot, id: string, body: unknown) => bot.post(`/api/requests/${id}/status`, body, { authorization: `Bearer ${TOKEN}` });
  const file = async (bot: BootedBot, person: Person, text: string, answers: Record<string, string>) => {
    const id = facts(await fileRequest(driver(bot, connector), text, answers, { from: person })).Reference;
    await recordedAsDelivered(a.app.store, id);
    return id;
  };
  const digests = (admin: string): Card[] =>
    connector
      .posted()
      .filter((call) => call.conversationId === `a:personal-${admin}`)
      .map((call) => cardOf(call.body))
      .filter((card): card is Card => card !== undefined && cardTexts(card)[0] === 'Privacy requests needing attention');
  const outboxEmpty = () => until(async () => (await a.app.store.list(NOTIFICATIONS_COLLECTION)).length === 0, 15_000, 'the notification outbox empty');
  /** A digest round on each instance that started after the clock last moved: both have looked. */
  const severalRounds = () => Promise.all([roundsOf.a.ranSinceNow('request-digest'), roundsOf.b.ranSinceNow('request-digest')]);

  it('tells the requester of each change once when reports reach both instances at once', async () => {
    const person: Person = { id: '29:twice', aadObjectId: 'aad-twice', name: 'Tw' };
    const id = await file(a, person, 'export my data', { include: 'account', format: 'json' });

    // The same report at both instances: one change, one card.
    const same = await Promise.all([report(a, id, { status: 'in_progress' }), report(b, id, { status: 'in_progress' })]);
    expect(same.map((answer) => answer.status)).toEqual([200, 200]);
    await until(() => updateCards(connector, id).length === 1, 15_000, 'one card');
    await outboxEmpty();
    expect((await storedRequest(a.app.store, id))!.progress).toMatchObject({ status: 'in_progress', version: 1, toldVersion: 1 });

    // Two different reports at once: both changes, each told once.
    const different = await Promise.all([
      report(a, id, { status: 'needs_info', message: 'Which account?' }),
      report(b, id, { status: 'extended', dueBy: '2030-04-20T00:00:00Z' }),
    ]);
    expect(different.map((answer) => answer.status)).toEqual([200, 200]);
    await until(() => updateCards(connector, id).length === 3, 15_000, 'three cards');
    await outboxEmpty();
    expect(updateCards(connector, id)).toHaveLength(3);
    expect((await storedRequest(a.app.store, id))!.progress).toMatchObject({ version: 3, toldVersion: 3 });
  }, 60_000);

  it('sends each privacy admin one digest a day, whichever instance gets there first', async () => {
    at('2030-03-01T06:00:00Z');
    const p = (n: number): Person => ({ id: `29:digest${n}`, aadObjectId: `aad-digest${n}`, name: `D${n}` });
    const openId = await file(a, p(1), 'export my data', { include: 'account', format: 'json' });
    const progressingId = await file(b, p(2), 'delete my data', { scope: 'everything' });
    const closedId = await file(a, p(3), 'opt me out of personalised ads', { scope: 'ads' });
    expect((await report(b, progressingId, { status: 'in_progress' })).status).toBe(200);
    expect((await report(a, closedId, { status: 'completed' })).status).toBe(200);
    // Their cards are posted to the same connector the next form comes through: let them go first.
    await outboxEmpty();
    at('2030-03-10T06:00:00Z');
    const laterId = await file(b, p(4), 'please correct my data', { wrong: 'Office', correct: 'Building 2' });
    await outboxEmpty();
    // Before 07:00 UTC nothing is sent.
    await severalRounds();
    expect(ADMINS.map((admin) => digests(admin).length)).toEqual([0, 0]);

    // Six days before two requests fall due.
    at('2030-03-26T08:00:00Z');
    await until(() => ADMINS.every((admin) => digests(admin).length === 1), 15_000, 'the first digest');
    await severalRounds();
    await outboxEmpty();
    expect(ADMINS.map((admin) => digests(admin).length)).toEqual([1, 1]);
    const first = cardTexts(digests(ADMINS[0])[0]);
    expect(first).toEqual([
      'Privacy requests needing attention',
      '0 overdue, 2 due within 7 days, as of 26 March 2030.',
      'Due within 7 days (2)',
      `${openId}: Copy of my data`,
      'Due 1 April 2030: With the privacy team',
      `${progressingId}: Deletion of my data`,
      'Due 1 April 2030: In progress',
    ]);
    expect(first.join('\n')).not.toContain(closedId);
    expect(first.join('\n')).not.toContain(laterId);

    // A later day: the two are overdue and the third due soon. Later that day, nothing more.
    at('2030-04-05T08:00:00Z');
    await until(() => ADMINS.every((admin) => digests(admin).length === 2), 15_000, 'the second digest');
    at('2030-04-05T15:00:00Z');
    await severalRounds();
    await outboxEmpty();
    expect(ADMINS.map((admin) => digests(admin).length)).toEqual([2, 2]);
    const second = cardTexts(digests(ADMINS[1])[1]);
    expect(second.slice(1, 3)).toEqual(['2 overdue, 1 due within 7 days, as of 5 April 2030.', 'Overdue (2)']);
    expect(second).toContain(`${laterId}: Correction of my data`);
    expect(second).toContain('Due within 7 days (1)');
  }, 90_000);
});
