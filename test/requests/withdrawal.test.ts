/**
 * Withdrawing a request from `my requests`, over real HTTP: the confirmation, the signed
 * `privacy.request.withdrawn` event verified by the example receiver, and every refusal (someone
 * else's request, a closed one) changing nothing and sending nothing.
 */
import { cardActionTitles, cardTexts, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { recordedAsDelivered, storedRequest } from './after-sending';
import { actionData, driver, facts, fileRequest, type Driver } from './drive';

const TOKEN = 'withdrawal-token-0123456789';

describe('withdrawing a request', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;
  let chat: Driver;
  let people = 0;

  beforeAll(async () => {
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    bot = await bootBot({
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
      PRIVACY_WEBHOOK_RETRY_BASE_MS: '100',
      PRIVACY_WEBHOOK_RETRY_MAX_MS: '400',
      PRIVACY_STATUS_TOKEN: TOKEN,
    });
    chat = driver(bot, connector);
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([receiver.close(), connector.close()]);
  });
  afterEach(() => {
    receiver.gate = undefined;
  });

  const someone = (): Person => ({ id: `29:withdraw${++people}`, aadObjectId: `aad-withdraw${people}`, name: `W${people}` });
  const file = async (person: Person) => facts(await fileRequest(chat, 'export my data', { include: 'account', format: 'json' }, { from: person })).Reference;
  const withdrawnEvents = (id: string) => receiver.events.filter((event) => event.type === 'privacy.request.withdrawn' && event.data.id === id);
  /** The receiver records an attempt when its answer has gone out, just after handing the event over. */
  const acceptedAttempts = (id: string) => receiver.attempts.filter((attempt) => attempt.id === id && attempt.status === 200);
  const withdrawalAccepted = (id: string) => until(() => acceptedAttempts(`${id}.withdrawn`).length > 0, 15_000, `${id}.withdrawn accepted`);

  it('offers Withdraw on an open request, asks first, and sends the privacy team a signed withdrawn event', async () => {
    const person = someone();
    const id = await file(person);
    await recordedAsDelivered(bot.app.store, id);

    const [list] = await chat.say('my requests', { from: person });
    expect(cardActionTitles(list)).toContain('Withdraw');
    const asked = await chat.press('request.withdraw', actionData(list, 'request.withdraw'), { from: person });
    expect(cardTexts(asked.card)[0]).toBe(`Withdraw request ${id}?`);
    expect(cardActionTitles(asked.card)).toEqual(['Withdraw request', 'Keep it']);

    // Keeping it changes nothing.
    const kept = await chat.press('request.withdraw.keep', actionData(asked.card, 'request.withdraw.keep'), { from: person });
    expect(cardTexts(kept.card)).toEqual(['Nothing changed', `Request ${id} stays open.`]);
    expect((await storedRequest(bot.app.store, id))!.progress).toBeUndefined();

    const done = await chat.press('request.withdraw.confirm', actionData(asked.card, 'request.withdraw.confirm'), { from: person });
    expect(cardTexts(done.card)[0]).toBe('Request withdrawn');
    expect(facts(done.card).Status).toBe('Withdrawn');

    // The example receiver verified the signature before handing the event over.
    await withdrawalAccepted(id);
    const [event] = withdrawnEvents(id);
    expect(event.data).toEqual({ id, kind: 'export', submittedAt: expect.any(String), dueBy: expect.any(String), withdrawnAt: expect.any(String) });
    // Its own webhook-id: a receiver deduplicating on it still takes both events.
    expect(acceptedAttempts(`${id}.withdrawn`)).toHaveLength(1);
    await until(async () => (await storedRequest(bot.app.store, id))!.withdrawal?.delivery === 'delivered', 5_000, 'recorded as delivered');

    const [after] = await chat.say('my requests', { from: person });
    expect(facts(after).Status).toBe('Withdrawn');
    expect(cardActionTitles(after)).not.toContain('Withdraw');

    // Closed now: withdrawing again, or the team reporting progress, is refused.
    const again = await chat.press('request.withdraw.confirm', { requestId: id }, { from: person });
    expect(cardTexts(again.card)).toEqual(['That request is already closed', `Request ${id} is withdrawn, so there is nothing to withdraw.`]);
    const report = await bot.post(`/api/requests/${id}/status`, { status: 'completed' }, { authorization: `Bearer ${TOKEN}` });
    expect(report.status).toBe(409);
    expect(withdrawnEvents(id)).toHaveLength(1);
  });

  it("refuses to withdraw someone else's request: nothing changes and nothing is sent", async () => {
    const owner = someone();
    const intruder = someone();
    const id = await file(owner);
    await recordedAsDelivered(bot.app.store, id);
    const before = await storedRequest(bot.app.store, id);

    for (const verb of ['request.withdraw', 'request.withdraw.confirm']) {
      const attempt = await chat.press(verb, { requestId: id }, { from: intruder });
      expect(cardTexts(attempt.card)).toEqual(['That request cannot be withdrawn', 'It is not one of your requests. Type "my requests" to see yours.']);
    }
    // Card data naming the owner does not make it theirs: who acts comes from the activity.
    const forged = await chat.press('request.withdraw.confirm', { requestId: id, aadObjectId: owner.aadObjectId, from: owner }, { from: intruder });
    expect(cardTexts(forged.card)[0]).toBe('That request cannot be withdrawn');

    expect(await storedRequest(bot.app.store, id)).toEqual(before);
    expect(receiver.attempts.filter((attempt) => attempt.id === `${id}.withdrawn`)).toEqual([]);
    const [ownersList] = await chat.say('my requests', { from: owner });
    expect(facts(ownersList).Status).toBe('With the privacy team');
  });

  it('refuses to withdraw a request the privacy team has closed', async () => {
    const person = someone();
    const id = await file(person);
    await recordedAsDelivered(bot.app.store, id);
    expect((await bot.post(`/api/requests/${id}/status`, { status: 'completed' }, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);

    const attempt = await chat.press('request.withdraw.confirm', { requestId: id }, { from: person });
    expect(cardTexts(attempt.card)).toEqual(['That request is already closed', `Request ${id} is completed, so there is nothing to withdraw.`]);
    expect((await storedRequest(bot.app.store, id))!.progress).toMatchObject({ status: 'completed', version: 1 });
    expect(receiver.attempts.filter((attempt) => attempt.id === `${id}.withdrawn`)).toEqual([]);
  });

  it('sends the withdrawal only after the request itself, when the receiver was down', async () => {
    const person = someone();
    receiver.gate = ({ n }) => (n <= 3 ? { status: 503 } : undefined);
    const id = await file(person);
    const [list] = await chat.say('my requests', { from: person });
    const done = await chat.press('request.withdraw.confirm', actionData(list, 'request.withdraw'), { from: person });
    expect(cardTexts(done.card)[0]).toBe('Request withdrawn');
    await withdrawalAccepted(id);
    expect(withdrawnEvents(id)).toHaveLength(1);
    const accepted = receiver.attempts.filter((attempt) => attempt.status === 200 && (attempt.id === id || attempt.id === `${id}.withdrawn`));
    expect(accepted.map((attempt) => attempt.id)).toEqual([id, `${id}.withdrawn`]);
  });
});
