/**
 * Privacy requests end to end over real HTTP: the bot on a free port, a local Teams connector, and
 * the example receiver verifying every signature. What a requester sees, and what the privacy team
 * receives.
 */
import { ALICE, BOB, cardTexts, message, TENANT, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { rosterMember, startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { outboxDrained, storedRequest } from './after-sending';
import { actionData, driver, facts, fileRequest, type Driver } from './drive';
import { until } from '../fakes/until';

const CHANNEL_USER: Person = { id: '29:inchannel', aadObjectId: 'aad-inchannel', name: 'Chan' };
const ADMIN: Person = { id: '29:privacyadmin', aadObjectId: 'aad-admin', name: 'Priya Admin' };

describe('privacy requests', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;
  let alice: Driver;

  beforeAll(async () => {
    connector = await startFakeConnector();
    receiver = await startTestReceiver();
    bot = await bootBot({
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
      PRIVACY_WEBHOOK_RETRY_BASE_MS: '100',
      PRIVACY_WEBHOOK_RETRY_MAX_MS: '400',
      PRIVACY_WEBHOOK_MAX_ATTEMPTS: '6',
      PRIVACY_ADMIN_IDS: ADMIN.aadObjectId,
    });
    alice = driver(bot, connector);
  });
  afterAll(async () => {
    await bot.stop();
    await receiver.close();
    await connector.close();
  });
  afterEach(() => {
    receiver.gate = undefined;
  });

  /** The receiver's 200 comes before the bot writes the status: wait for the write, not the POST. */
  const recordedAsDelivered = (id: string) =>
    until(() => bot.logs.some((line) => line.includes('request delivered') && line.includes(id)), 10_000, `${id} recorded as delivered`);
  it('takes a deletion request with its confirmation step and delivers it once, signed, to the webhook', async () => {
    const [form] = await alice.say('I want my data deleted');
    expect(cardTexts(form)[0]).toBe('Delete your data');
    const review = await alice.press('request.review', { ...actionData(form, 'request.review'), scope: 'specific', what: 'My old chat history' });
    expect(cardTexts(review.card)[0]).toBe('Confirm your deletion request');
    expect(Object.values(facts(review.card))).toContain('My old chat history');

    // Without the tick in "I understand this cannot be undone", nothing is stored or sent.
    const unticked = await alice.press('request.submit', { ...actionData(review.card, 'request.submit'), confirm: 'false' });
    expect(cardTexts(unticked.card).join('\n')).toMatch(/tick "I understand this cannot be undone"/);

    const receipt = await alice.press('request.submit', { ...actionData(review.card, 'request.submit'), confirm: 'true' });
    expect(cardTexts(receipt.card)[0]).toBe('Request received');
    const id = facts(receipt.card).Reference;
    expect(id).toMatch(/^PR-[0-9A-Z]{8}$/);
    expect(facts(receipt.card)['Due by']).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);

    const [event] = (await receiver.waitForEvents(1)).filter((item) => item.data.id === id);
    expect(event.type).toBe('privacy.request.created');
    expect(event.data).toMatchObject({
      id,
      kind: 'deletion',
      details: { scope: 'specific', what: 'My old chat history' },
      requester: { aadObjectId: ALICE.aadObjectId, tenantId: TENANT, teamsUserId: ALICE.id, email: rosterMember(ALICE.id).email },
      source: { channelId: 'msteams', conversationId: `a:personal-${ALICE.id}` },
    });
    // One calendar month after receipt, as GDPR Art. 12(3) counts it.
    const submitted = new Date(String(event.data.submittedAt));
    const due = new Date(event.data.dueBy);
    expect(due.getUTCMonth()).toBe((submitted.getUTCMonth() + 1) % 12);
    expect(receiver.attempts.filter((attempt) => attempt.id === id)).toHaveLength(1);
  });

  it.each([
    ['export my data', { include: 'account,usage', format: 'csv' }, 'export'],
    ['opt me out of personalised ads', { scope: 'ads' }, 'optout'],
    ['my job title is wrong, please correct it', { wrong: 'Job title', correct: 'Senior engineer' }, 'rectification'],
    ['please restrict the processing of my data', { grounds: 'accuracy,legalClaims', what: 'My performance reviews' }, 'restriction'],
    [
      'I object to the processing of my location data',
      { processing: 'Location data in workplace analytics', reasons: 'I work from a shared home office' },
      'objection',
    ],
  ])('"%s" opens the right form and the request reaches the webhook', async (text, answers, kind) => {
    const person: Person = { id: `29:${kind}`, aadObjectId: `aad-${kind}`, name: 'Pat' };
    const receipt = await fileRequest(alice, text, answers, { from: person });
    const id = facts(receipt).Reference;
    await until(() => receiver.events.some((event) => event.data.id === id), 10_000, `${id} delivered`);
    const event = receiver.events.find((item) => item.data.id === id)!;
    expect(event.data.kind).toBe(kind);
    expect(event.data.details).toEqual(answers);
    expect(event.data.requester).toMatchObject({ aadObjectId: person.aadObjectId });
  });

  it('ignores requester fields forged into the card data', async () => {
    const mallory: Person = { id: '29:mallory', aadObjectId: 'aad-mallory', name: 'Mallory' };
    const [form] = await alice.say('export my data', { from: mallory });
    const forged = {
      ...actionData(form, 'request.submit'),
      include: 'account',
      format: 'json',
      requester: { aadObjectId: 'aad-ceo', email: 'ceo@contoso.example' },
      aadObjectId: 'aad-ceo',
      email: 'ceo@contoso.example',
      tenantId: 'tenant-other',
    };
    const receipt = await alice.press('request.submit', forged, { from: mallory });
    const id = facts(receipt.card).Reference;
    await until(() => receiver.events.some((event) => event.data.id === id));
    const event = receiver.events.find((item) => item.data.id === id)!;
    expect(event.data.requester).toEqual({
      aadObjectId: 'aad-mallory',
      tenantId: TENANT,
      name: rosterMember(mallory.id).name,
      email: rosterMember(mallory.id).email,
      teamsUserId: mallory.id,
    });
    expect(event.data.details).toEqual({ include: 'account', format: 'json' });
  });

  it('refuses a form whose id was issued to someone else, and offers a fresh form', async () => {
    const [aliceForm] = await alice.say('export my data', { from: { id: '29:owner', aadObjectId: 'aad-owner', name: 'Owner' } });
    const stolen: Record<string, unknown> = { ...actionData(aliceForm, 'request.submit'), include: 'account', format: 'json' };
    const attempt = await alice.press('request.submit', stolen, { from: BOB });
    expect(cardTexts(attempt.card).join('\n')).toMatch(/expired or was not issued to you/);
    expect(actionData(attempt.card, 'request.submit').requestId).not.toBe(stolen.requestId);
    // A request is stored before its receipt is shown: the refusal came, and nothing was stored or queued.
    expect(await storedRequest(bot.app.store, String(stolen.requestId))).toBeUndefined();
    await outboxDrained(bot.app.store);
    expect(receiver.attempts.some((item) => item.id === stolen.requestId)).toBe(false);
  });

  it('makes one request of a double submit, and points a second request of the same kind to the first', async () => {
    const person: Person = { id: '29:double', aadObjectId: 'aad-double', name: 'Dee' };
    const [form] = await alice.say('export my data', { from: person });
    const data: Record<string, unknown> = { ...actionData(form, 'request.submit'), include: 'account', format: 'json' };
    const [first, second] = await Promise.all([alice.press('request.submit', data, { from: person }), alice.press('request.submit', data, { from: person })]);
    expect(facts(first.card).Reference).toBe(data.requestId);
    expect(facts(second.card).Reference).toBe(data.requestId);
    await until(() => receiver.events.some((event) => event.data.id === data.requestId));
    await outboxDrained(bot.app.store);
    expect(receiver.attempts.filter((attempt) => attempt.id === data.requestId)).toHaveLength(1);

    const [again] = await alice.say('export my data', { from: person });
    expect(cardTexts(again)[0]).toBe('You already have an open request of this kind');
    expect(facts(again).Reference).toBe(data.requestId);
  });

  it('gives an invalid form back with the problems shown, and forwards nothing', async () => {
    const person: Person = { id: '29:invalid', aadObjectId: 'aad-invalid', name: 'Ivy' };
    const [form] = await alice.say('please correct my data', { from: person });
    const data = actionData(form, 'request.submit');
    const tooLong = 'x'.repeat(1001);
    const back = await alice.press('request.submit', { ...data, wrong: `bad\u0000\u0007 value${tooLong}`, correct: '   ' }, { from: person });
    const texts = cardTexts(back.card).join('\n');
    expect(texts).toMatch(/Please check the form/);
    expect(texts).toMatch(/Please fill in "What it should be"/);
    expect(texts).toMatch(/at most 1000 characters/);
    const forgedChoice = await alice.press(
      'request.submit',
      { ...actionData(await alice.say('export my data', { from: person }).then((c) => c[0]), 'request.submit'), include: 'everything-else', format: 'json' },
      { from: person },
    );
    expect(cardTexts(forgedChoice.card).join('\n')).toMatch(/choose from the options listed/);
    expect(await storedRequest(bot.app.store, String(data.requestId))).toBeUndefined();
    await outboxDrained(bot.app.store);
    expect(receiver.attempts.some((attempt) => attempt.id === data.requestId)).toBe(false);
    const [list] = await alice.say('my requests', { from: person });
    expect(cardTexts(list)).toContain('You have not made any privacy requests yet.');
  });

  it("lists only the person's own requests, with id, kind, status and due date", async () => {
    const carol: Person = { id: '29:carol', aadObjectId: 'aad-carol', name: 'Carol' };
    const receipt = await fileRequest(alice, 'stop personalised ads', { scope: 'ads,marketing' }, { from: carol });
    const id = facts(receipt).Reference;
    await recordedAsDelivered(id);
    const [list] = await alice.say('my requests', { from: carol });
    const texts = cardTexts(list);
    expect(texts).toContain(`${id}: Opt-out`);
    expect(texts.filter((text) => /^PR-/.test(text))).toHaveLength(1);
    expect(facts(list).Status).toBe('With the privacy team');
    const [bobs] = await alice.say('my requests', { from: BOB });
    expect(cardTexts(bobs).join('\n')).not.toContain(id);
  });

  it('keeps requests private: asked in a channel, the form goes to a personal chat', async () => {
    const before = connector.calls.length;
    const channel = { conversationType: 'channel' as const, conversationId: '19:general@thread.tacv2;messageid=17', teamId: '19:team@thread.tacv2' };
    await bot.post('/api/messages', message('delete my data', { serviceUrl: connector.url, mention: true, from: CHANNEL_USER, ...channel }));
    await connector.waitFor((calls) => calls.slice(before).filter((call) => call.method === 'POST' && /activities/.test(call.path)).length >= 2);
    const calls = connector.calls.slice(before);
    const created = calls.find((call) => call.method === 'POST' && /\/v3\/conversations\/?$/.test(call.path));
    expect(created?.body.members).toEqual([expect.objectContaining({ id: CHANNEL_USER.id })]);
    const posts = calls.filter((call) => call.method === 'POST' && /activities/.test(call.path));
    const inPersonal = posts.find((call) => call.conversationId === `a:personal-${CHANNEL_USER.id}`);
    expect(cardTexts((inPersonal?.body.attachments as Array<{ content: unknown }>)[0].content)[0]).toBe('Delete your data');
    const inThread = posts.find((call) => call.conversationId === channel.conversationId);
    expect(String(inThread?.body.text)).toMatch(/private message/);
    expect(inThread?.body.attachments ?? []).toEqual([]);
  });

  it('refuses guests with a clear answer and takes nothing', async () => {
    const previous = connector.respond;
    connector.respond = (call) =>
      call.method === 'GET' && call.path.includes('/members/') ? { status: 200, body: { ...rosterMember('29:guest'), userRole: 'guest' } } : undefined;
    try {
      const before = connector.posted().length;
      await bot.post(
        '/api/messages',
        message('delete my data', { serviceUrl: connector.url, from: { id: '29:guest', aadObjectId: 'aad-guest', name: 'Guest' } }),
      );
      await connector.waitFor(() => connector.posted().length > before);
      expect(String(connector.posted()[before].body.text)).toMatch(/only be made by members of this organisation/);
    } finally {
      connector.respond = previous;
    }
  });

  it('retries a receiver that is down and delivers once it is back', async () => {
    receiver.gate = ({ n }) => (n <= 3 ? { status: 503 } : undefined);
    const person: Person = { id: '29:retry', aadObjectId: 'aad-retry', name: 'Rey' };
    const id = facts(await fileRequest(alice, 'export my data', { include: 'usage', format: 'json' }, { from: person })).Reference;
    await until(() => receiver.events.some((event) => event.data.id === id));
    const tries = receiver.attempts.filter((attempt) => attempt.id === id);
    expect(tries.map((attempt) => attempt.status)).toEqual([503, 503, 503, 200]);
    expect(receiver.events.filter((event) => event.data.id === id)).toHaveLength(1);
  });

  it('honours 429 Retry-After before trying again', async () => {
    receiver.gate = ({ n }) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : undefined);
    const person: Person = { id: '29:throttled', aadObjectId: 'aad-throttled', name: 'Theo' };
    const id = facts(await fileRequest(alice, 'export my data', { include: 'usage', format: 'json' }, { from: person })).Reference;
    await until(() => receiver.events.some((event) => event.data.id === id));
    const [throttled, accepted] = receiver.attempts.filter((attempt) => attempt.id === id);
    expect(throttled.status).toBe(429);
    // The retry base here is 100 ms: only Retry-After explains a wait of a second.
    expect(accepted.at - throttled.at).toBeGreaterThanOrEqual(950);
  });

  it('dead-letters on a permanent 4xx: shown as failed, logged with its id, admins alerted, and replayable', async () => {
    receiver.gate = () => ({ status: 410 });
    const person: Person = { id: '29:deadletter', aadObjectId: 'aad-deadletter', name: 'Dana' };
    const before = connector.calls.length;
    const id = facts(await fileRequest(alice, 'export my data', { include: 'account', format: 'pdf' }, { from: person })).Reference;
    await until(() => bot.logs.some((line) => line.includes('request dead-lettered') && line.includes(id)));
    expect(receiver.attempts.filter((attempt) => attempt.id === id)).toHaveLength(1);
    const alert = await connector.waitFor((calls) =>
      calls.slice(before).some((call) => /\/v3\/conversations\/?$/.test(call.path) && JSON.stringify(call.body.members).includes(ADMIN.aadObjectId)),
    );
    expect(alert.length).toBeGreaterThan(before);
    const [list] = await alice.say('my requests', { from: person });
    expect(facts(list).Status).toMatch(/failed/i);

    // Someone who is not an admin cannot replay: the request stays failed.
    const beforeRefusal = connector.posted().length;
    await bot.post('/api/messages', message('replay failed requests', { serviceUrl: connector.url, from: BOB }));
    await connector.waitFor(() => connector.posted().length > beforeRefusal);
    expect(JSON.stringify(connector.posted().slice(beforeRefusal))).not.toMatch(/failed request\(s\) back/);

    receiver.gate = undefined;
    const beforeReplay = connector.posted().length;
    await bot.post('/api/messages', message('replay failed requests', { serviceUrl: connector.url, from: ADMIN }));
    await connector.waitFor(() => connector.posted().length > beforeReplay);
    expect(String(connector.posted()[beforeReplay].body.text)).toContain(id);
    await recordedAsDelivered(id);
    const [after] = await alice.say('my requests', { from: person });
    expect(facts(after).Status).toBe('With the privacy team');
  });

  it('follows the form with the policy section that answers the instruction, and adds nothing when the policy is unsure', async () => {
    const erin = { id: '29:erin', aadObjectId: 'aad-erin', name: 'Erin Example' };
    const cards = await alice.say('I want my data deleted', { from: erin });
    expect(cards.map((card) => cardTexts(card)[0])).toEqual(['Delete your data', 'Deletion']);
    // "change my email address" is near three entries alike: the form alone.
    const unsure = await alice.say('change my email address', { from: erin });
    expect(unsure.map((card) => cardTexts(card)[0])).toEqual(['Correct your data']);
  });

  it('offers to start a request under the answer to a question about a right', async () => {
    const [answer] = await alice.say('can I ask for my data to be deleted?');
    expect(actionData(answer, 'request.open')).toEqual({ kind: 'deletion' });
  });

  it('never writes emails, names or form text into the logs', () => {
    const logs = bot.logs.join('\n');
    expect(logs).toContain('request delivered');
    for (const secret of ['contoso.example', 'My old chat history', 'Senior engineer', 'Alice Example', 'Person ', 'ceo@']) expect(logs).not.toContain(secret);
  });
});
