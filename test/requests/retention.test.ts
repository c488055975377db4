/**
 * The bot's own retention, over real HTTP with a clock the test moves: REQUEST_RETENTION_DAYS after
 * a request is closed, its details, the requester's name, email and Teams ids and the privacy team's
 * message and link are gone from DATA_DIR; id, kind, dates and status stay, and open requests are
 * untouched.
 */
import type { Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { HousekeepingRounds } from '../fakes/housekeeping-rounds';
import { storedText } from '../fakes/stored-text';
import { rosterMember, startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { recordedAsDelivered, storedRequest } from './after-sending';
import { actionData, driver, facts, fileRequest, type Driver } from './drive';

const TOKEN = 'retention-token-0123456789';
const DAY_MS = 86_400_000;

describe('retention of requests', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;
  let chat: Driver;
  let offset = 0;
  const rounds = new HousekeepingRounds();

  beforeAll(async () => {
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    bot = await bootBot(
      { PRIVACY_WEBHOOK_URL: receiver.url, PRIVACY_WEBHOOK_SECRET: receiver.secret, PRIVACY_STATUS_TOKEN: TOKEN },
      { clock: () => Date.now() + offset, housekeepingEveryMs: 100, onHousekeepingRound: rounds.onRound },
    );
    chat = driver(bot, connector);
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([receiver.close(), connector.close()]);
  });

  const report = (id: string, body: unknown) => bot.post(`/api/requests/${id}/status`, body, { authorization: `Bearer ${TOKEN}` });

  it('erases what identifies the person 365 days after closing, keeps id, kind, dates and status, and leaves open requests alone', async () => {
    const completed: Person = { id: '29:keepcompleted', aadObjectId: 'aad-keepcompleted', name: 'Casey' };
    const withdrawn: Person = { id: '29:keepwithdrawn', aadObjectId: 'aad-keepwithdrawn', name: 'Wes' };
    const open: Person = { id: '29:keepopen', aadObjectId: 'aad-keepopen', name: 'Olive' };

    const completedId = facts(
      await fileRequest(chat, 'export my data', { include: 'account', format: 'json', notes: 'Include my badge photos' }, { from: completed }),
    ).Reference;
    const openId = facts(await fileRequest(chat, 'delete my data', { scope: 'specific', what: 'My old expense claims' }, { from: open })).Reference;
    const withdrawnId = facts(await fileRequest(chat, 'please correct my data', { wrong: 'Desk number', correct: 'Desk 4.12' }, { from: withdrawn })).Reference;
    for (const id of [completedId, openId, withdrawnId]) await recordedAsDelivered(bot.app.store, id);
    expect((await report(completedId, { status: 'completed', message: 'Your export is ready.', link: 'https://exports.contoso.example/d/casey' })).status).toBe(
      200,
    );
    const [list] = await chat.say('my requests', { from: withdrawn });
    await chat.press('request.withdraw.confirm', actionData(list, 'request.withdraw'), { from: withdrawn });
    await until(async () => (await storedRequest(bot.app.store, withdrawnId))!.withdrawal?.delivery === 'delivered', 10_000, 'withdrawal delivered');
    const before = (await storedRequest(bot.app.store, completedId))!;

    // A day short of a year after closing: nothing erased.
    offset = 364 * DAY_MS;
    await rounds.ranSinceNow('request-retention');
    expect((await storedRequest(bot.app.store, completedId))!.erasedAt).toBeUndefined();
    expect(storedText(bot.dataDir)).toContain(rosterMember(completed.id).email);

    offset = 365 * DAY_MS + 60_000;
    await until(
      async () =>
        (await storedRequest(bot.app.store, completedId))!.erasedAt !== undefined && (await storedRequest(bot.app.store, withdrawnId))!.erasedAt !== undefined,
      10_000,
      'both closed requests erased',
    );

    const erased = (await storedRequest(bot.app.store, completedId))!;
    expect(erased).toEqual({
      id: completedId,
      kind: 'export',
      status: 'delivered',
      submittedAt: before.submittedAt,
      dueBy: before.dueBy,
      deliveredAt: before.deliveredAt,
      requester: { aadObjectId: '', tenantId: before.requester.tenantId, name: '', email: '', teamsUserId: '' },
      details: {},
      source: { channelId: 'msteams', conversationId: '', serviceUrl: before.source.serviceUrl },
      progress: { status: 'completed', updatedAt: before.progress!.updatedAt, closedAt: before.progress!.closedAt, version: 1, toldVersion: 1 },
      erasedAt: expect.any(String),
    });
    expect((await storedRequest(bot.app.store, withdrawnId))!).toMatchObject({ kind: 'rectification', details: {}, progress: { status: 'withdrawn' } });

    // Nothing of the two people is left anywhere in the bot's storage; the open request keeps everything.
    const stored = storedText(bot.dataDir);
    for (const gone of [
      rosterMember(completed.id).email,
      rosterMember(completed.id).name,
      completed.aadObjectId,
      'Include my badge photos',
      'Your export is ready.',
      'exports.contoso.example',
      rosterMember(withdrawn.id).email,
      'Desk 4.12',
    ]) {
      expect([gone, stored.includes(gone)]).toEqual([gone, false]);
    }
    expect((await storedRequest(bot.app.store, openId))!).toMatchObject({
      requester: { email: rosterMember(open.id).email },
      details: { what: 'My old expense claims' },
    });
    expect(bot.logs.some((line) => line.includes('"chore":"request-retention"') && line.includes('"count":2'))).toBe(true);

    // The person still sees that they made it, and how it ended.
    const [theirs] = await chat.say('my requests', { from: completed });
    expect(facts(theirs)).toMatchObject({ Status: 'Completed' });
    // The privacy team may repeat the closing status, but nothing more is said to an erased request.
    expect((await report(completedId, { status: 'completed' })).status).toBe(200);
    expect((await report(completedId, { status: 'completed', message: 'One more thing' })).status).toBe(409);
  }, 60_000);
});
