/**
 * The limits on requests over real HTTP (issue 9): one request of a kind per person however many
 * submits arrive at once, on the file store and on Azure Table Storage (Azurite); a dead-lettered
 * request does not block a new one; forms expire after FORM_TOKEN_TTL_DAYS.
 */
import { cardTexts, TENANT, type Person } from '../fakes/activities';
import { startAzurite, type Azurite } from '../fakes/azurite';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { FormTokens } from '../../src/ids/form-token';
import { userKey } from '../../src/ids/person-key';
import { REQUESTS_COLLECTION } from '../../src/requests/request-service';
import type { PrivacyRequest } from '../../src/requests/types';
import { actionData, driver, facts, findActions, type Card } from './drive';

const DAY_MS = 86_400_000;

describe.each([
  ['the file store', false],
  ['Azure Table Storage (Azurite)', true],
])('one request of a kind per person, on %s', (_store, onAzure) => {
  let azurite: Azurite | undefined;
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;

  beforeAll(async () => {
    [connector, receiver, azurite] = await Promise.all([startFakeConnector(), startTestReceiver(), onAzure ? startAzurite() : undefined]);
    bot = await bootBot({
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
      PRIVACY_WEBHOOK_RETRY_BASE_MS: '100',
      PRIVACY_WEBHOOK_RETRY_MAX_MS: '200',
      ...(azurite ? { STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString } : {}),
    });
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([receiver.close(), connector.close(), azurite?.dispose()]);
  });
  afterEach(() => {
    receiver.gate = undefined;
  });

  const storedFor = async (person: Person) =>
    (await bot.app.store.list<PrivacyRequest>(REQUESTS_COLLECTION, { prefix: `${userKey({ tenantId: TENANT, aadObjectId: person.aadObjectId })}.` })).map(
      (item) => item.value,
    );

  it('makes one request of twenty export forms submitted at the same moment', async () => {
    const person: Person = { id: '29:twenty', aadObjectId: 'aad-twenty', name: 'Tess' };
    const chat = driver(bot, connector, { from: person });
    const forms: Card[] = [];
    for (let i = 0; i < 20; i++) forms.push((await chat.say('export my data'))[0]);
    const submits: Array<Record<string, unknown>> = forms.map((form) => ({ ...actionData(form, 'request.submit'), include: 'account', format: 'json' }));
    expect(new Set(submits.map((data) => data.requestId)).size).toBe(20);

    const answers = await Promise.all(submits.map((data) => chat.press('request.submit', data)));
    const titles = answers.map((answer) => cardTexts(answer.card)[0]);
    expect(titles.filter((title) => title === 'Request received')).toHaveLength(1);
    expect(titles.filter((title) => title === 'You already have an open request of this kind')).toHaveLength(19);
    const id = facts(answers[titles.indexOf('Request received')].card).Reference;
    // Every refusal names the one request that was made.
    expect(new Set(answers.map((answer) => facts(answer.card).Reference))).toEqual(new Set([id]));

    expect((await storedFor(person)).map((request) => request.id)).toEqual([id]);
    await receiver.waitForEvents(1);
    await until(() => receiver.events.some((event) => event.data.id === id), 10_000, `${id} delivered`);
    const delivered = receiver.events.filter((event) => (event.data.requester as { aadObjectId: string }).aadObjectId === person.aadObjectId);
    expect(delivered.map((event) => event.data.id)).toEqual([id]);
  });

  it('lets a new request of a kind through once the earlier one was dead-lettered', async () => {
    const person: Person = { id: '29:refused', aadObjectId: 'aad-refused', name: 'Ray' };
    const chat = driver(bot, connector, { from: person });
    receiver.gate = () => ({ status: 410 });
    const [form] = await chat.say('export my data');
    const first = facts((await chat.press('request.submit', { ...actionData(form, 'request.submit'), include: 'usage', format: 'csv' })).card).Reference;
    await until(() => bot.logs.some((line) => line.includes('request dead-lettered') && line.includes(first)), 10_000, `${first} dead-lettered`);
    receiver.gate = undefined;

    const [again] = await chat.say('export my data');
    expect(cardTexts(again)[0]).toBe('Get a copy of your data');
    const receipt = await chat.press('request.submit', { ...actionData(again, 'request.submit'), include: 'usage', format: 'csv' });
    expect(cardTexts(receipt.card)[0]).toBe('Request received');
    const second = facts(receipt.card).Reference;
    expect(second).not.toBe(first);
    // The receiver's 200 comes before the bot records it: wait for the record.
    await until(() => bot.logs.some((line) => line.includes('request delivered') && line.includes(second)), 10_000, `${second} recorded as delivered`);
    expect((await storedFor(person)).map((request) => [request.id, request.status]).sort()).toEqual(
      [
        [first, 'failed'],
        [second, 'delivered'],
      ].sort(),
    );
  });
});

describe('request forms expire (FORM_TOKEN_TTL_DAYS)', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;
  let tokens: FormTokens;
  const person: Person = { id: '29:expiry', aadObjectId: 'aad-expiry', name: 'Eve' };
  const owner = userKey({ tenantId: TENANT, aadObjectId: person.aadObjectId });

  beforeAll(async () => {
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    bot = await bootBot({ PRIVACY_WEBHOOK_URL: receiver.url, PRIVACY_WEBHOOK_SECRET: receiver.secret, FORM_TOKEN_TTL_DAYS: '7' });
    // The bot's own key, from its store: a token as the bot would have issued it days ago.
    tokens = await FormTokens.load(bot.app.store, { ttlDays: 7 });
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([receiver.close(), connector.close()]);
  });

  /** The form's submit data, with its token reissued as of `daysAgo`. */
  async function formIssued(daysAgo: number, kind = 'export', text = 'export my data') {
    const [form] = await driver(bot, connector, { from: person }).say(text);
    const data = actionData(form, kind === 'deletion' ? 'request.review' : 'request.submit');
    return { ...data, formToken: tokens.issue(String(data.requestId), owner, kind, Date.now() - daysAgo * DAY_MS) };
  }

  it('answers a form sent after seven days with "this form has expired", sends nothing, and offers a fresh start', async () => {
    const chat = driver(bot, connector, { from: person });
    const old = await formIssued(8);
    const answer = await chat.press('request.submit', { ...old, include: 'account', format: 'json' });
    expect(cardTexts(answer.card)).toEqual(['This form has expired', expect.stringMatching(/can be sent for 7 days after I show them.*Nothing was sent/)]);
    expect(findActions(answer.card).map((action) => [action.verb, action.data])).toEqual([['request.open', { kind: 'export' }]]);
    expect(await bot.app.store.list(REQUESTS_COLLECTION)).toEqual([]);

    // The deletion confirmation step checks the age too.
    const oldDeletion = await formIssued(8, 'deletion', 'delete my data');
    expect(cardTexts((await chat.press('request.review', { ...oldDeletion, scope: 'everything' })).card)[0]).toBe('This form has expired');

    // Its button opens a fresh form, which goes through.
    const before = connector.posted().length;
    await chat.press('request.open', { kind: 'export' });
    await connector.waitFor(() => connector.posted().length > before);
    const fresh = connector.posted()[before].body.attachments as Array<{ content: Card }>;
    const receipt = await chat.press('request.submit', { ...actionData(fresh[0].content, 'request.submit'), include: 'account', format: 'json' });
    expect(cardTexts(receipt.card)[0]).toBe('Request received');
    await until(() => receiver.events.length === 1, 10_000, 'the fresh request delivered');
    expect(receiver.attempts.map((attempt) => attempt.id)).toEqual([facts(receipt.card).Reference]);
  });

  it('takes a form sent within seven days, and refuses a token whose date was changed', async () => {
    const chat = driver(bot, connector, { from: { ...person, id: '29:expiry2', aadObjectId: 'aad-expiry2' } });
    const [form] = await chat.say('opt me out of personalised ads');
    const data = actionData(form, 'request.submit');
    const sixDaysOld = tokens.issue(String(data.requestId), userKey({ tenantId: TENANT, aadObjectId: 'aad-expiry2' }), 'optout', Date.now() - 6 * DAY_MS);
    // Moving the date forward breaks the signature: the form is not the bot's any more.
    const [, mac] = sixDaysOld.split('.');
    const redated = await chat.press('request.submit', { ...data, formToken: `${Math.floor(Date.now() / 1000).toString(36)}.${mac}`, scope: 'ads' });
    expect(cardTexts(redated.card).join('\n')).toMatch(/expired or was not issued to you/);
    const taken = await chat.press('request.submit', { ...data, formToken: sixDaysOld, scope: 'ads' });
    expect(cardTexts(taken.card)[0]).toBe('Request received');
  });
});
