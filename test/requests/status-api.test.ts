/**
 * POST /api/requests/{id}/status over real HTTP: the bot on a free port, a local Teams connector and
 * the example receiver. Each status reaches the requester's personal chat once, through Teams
 * throttling and a restart; every forged, stale, replayed or malformed call is refused, changes
 * nothing and tells nobody.
 */
import { rmSync } from 'node:fs';
import { cardActionTitles, cardTexts, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { sendStatus, signatureHeaders, type StatusUpdate } from '../../examples/status-update/send-status';
import { NOTIFICATIONS_COLLECTION } from '../../src/notifications/notification-outbox';
import { REQUESTS_COLLECTION } from '../../src/requests/request-service';
import type { PrivacyRequest } from '../../src/requests/types';
import { FileStore } from '../../src/storage/file-store';
import { recordedAsDelivered, storedRequest, updateCards } from './after-sending';
import { driver, facts, fileRequest } from './drive';

const TOKEN = 'status-token-0123456789abcdef';
const OTHER_SECRET = 'whsec_' + Buffer.alloc(32, 9).toString('base64');

describe('the request status API', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;
  let people = 0;
  /** Logs of the bot before the restart test replaced it. */
  const earlierLogs: string[] = [];

  const env = () => ({
    PRIVACY_WEBHOOK_URL: receiver.url,
    PRIVACY_WEBHOOK_SECRET: receiver.secret,
    PRIVACY_WEBHOOK_RETRY_BASE_MS: '100',
    PRIVACY_WEBHOOK_RETRY_MAX_MS: '400',
    PRIVACY_STATUS_TOKEN: TOKEN,
  });

  beforeAll(async () => {
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    // The restart test boots a second bot on the same data.
    bot = await bootBot(env(), { keepDataDir: true });
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([receiver.close(), connector.close()]);
    rmSync(bot.dataDir, { recursive: true, force: true });
  });
  afterEach(() => {
    connector.respond = undefined;
  });

  /** A new person files an export request, and the privacy team has it. */
  async function delivered(): Promise<{ id: string; person: Person }> {
    const person: Person = { id: `29:status${++people}`, aadObjectId: `aad-status${people}`, name: `S${people}` };
    const receipt = await fileRequest(driver(bot, connector), 'export my data', { include: 'account', format: 'json' }, { from: person });
    const id = facts(receipt).Reference;
    await recordedAsDelivered(bot.app.store, id);
    return { id, person };
  }

  const post = (id: string, update: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
    bot.post(`/api/requests/${id}/status`, update, headers);

  /** No card queued beyond the `told` versions and none posted beyond them: what "nobody notified" means. */
  async function expectNobodyTold(id: string, told: number): Promise<void> {
    const queued = await bot.app.store.list<{ payload: { id: string; data: { requestId?: string } } }>(NOTIFICATIONS_COLLECTION);
    // A notification's id ends with the version it tells of.
    expect(queued.filter((item) => item.value.payload.data.requestId === id && Number(item.value.payload.id.split('.').pop()) > told)).toEqual([]);
    expect(updateCards(connector, id)).toHaveLength(told);
  }

  it('tells the requester of each status once, with reference, status, message and link, and my requests follows', async () => {
    const { id, person } = await delivered();
    const submitted = (await storedRequest(bot.app.store, id))!;
    const extendedTo = new Date(Date.parse(submitted.dueBy) + 30 * 86_400_000).toISOString();
    const steps: Array<[StatusUpdate, string]> = [
      [{ status: 'in_progress' }, 'Your privacy request is in progress'],
      [{ status: 'needs_info', message: 'Which mailbox do you mean: work or shared?' }, 'The privacy team needs more information'],
      [{ status: 'extended', dueBy: extendedTo, message: 'Your mailbox is large: we need another month.' }, 'Your privacy request will take longer'],
      [{ status: 'completed', message: 'Your export is ready for 14 days.', link: 'https://exports.contoso.example/d/1' }, 'Your privacy request is complete'],
    ];
    for (const [n, [update, title]] of steps.entries()) {
      // Bearer and signed calls alike.
      const answer = n % 2 === 0 ? await sendStatus(bot.url, id, update, { token: TOKEN }) : await sendStatus(bot.url, id, update, { secret: receiver.secret });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ id, status: update.status, dueBy: update.dueBy ?? (n < 2 ? submitted.dueBy : extendedTo), updatedAt: expect.any(String) });
      await until(() => updateCards(connector, id).length === n + 1, 10_000, `card ${n + 1} for ${id}`);
      const card = updateCards(connector, id)[n];
      expect(cardTexts(card)[0]).toBe(title);
      if (update.message) expect(cardTexts(card)).toContain(update.message);
      expect(facts(card)).toMatchObject({ Reference: id, Request: 'Copy of my data' });
    }
    const completed = updateCards(connector, id)[3];
    expect(facts(completed).Status).toBe('Completed');
    expect(JSON.stringify(completed.actions)).toContain('"url":"https://exports.contoso.example/d/1"');
    // Each card went to the requester's own chat, opened for their Teams id.
    for (const call of connector.posted().filter((item) => JSON.stringify(item.body).includes(`"value":"${id}"`))) {
      expect(call.conversationId).toBe(`a:personal-${person.id}`);
    }

    const [list] = await driver(bot, connector).say('my requests', { from: person });
    expect(cardTexts(list)).toContain(`${id}: Copy of my data`);
    expect(facts(list)).toMatchObject({ Status: 'Completed', 'Due by': expect.stringMatching(/\d{4}$/), 'Last update': expect.stringMatching(/\d{4}$/) });
    expect(facts(list)['Due by']).toBe(new Date(extendedTo).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
    // Closed: no Withdraw.
    expect(cardActionTitles(list)).not.toContain('Withdraw');

    // The same status and message again: 200, nothing changed, nobody told.
    const version = (await storedRequest(bot.app.store, id))!.progress!.version;
    const again = await sendStatus(bot.url, id, steps[3][0], { token: TOKEN });
    expect(again.status).toBe(200);
    expect((await storedRequest(bot.app.store, id))!.progress!.version).toBe(version);
    await expectNobodyTold(id, 4);

    // A different status after a closed one: 409, nothing changed.
    const reopened = await post(id, { status: 'in_progress' });
    expect(reopened.status).toBe(409);
    expect(reopened.body).toEqual({ error: 'Conflict', message: `Request ${id} is closed (completed): its status cannot change any more.` });
    expect((await storedRequest(bot.app.store, id))!.progress).toMatchObject({ status: 'completed', version });
    await expectNobodyTold(id, 4);
  });

  it('refuses calls without valid credentials, stale or replayed signatures, and tells nobody', async () => {
    const { id } = await delivered();
    const update = { id, status: 'in_progress', message: 'We started.' };
    const body = JSON.stringify(update);
    const now = Math.floor(Date.now() / 1000);
    const refusals: Array<[string, Record<string, string>, RegExp]> = [
      ['no credentials', {}, /bearer token or Standard Webhooks signature/],
      ['a wrong bearer token', { authorization: `Bearer ${TOKEN}x` }, /bearer token or Standard Webhooks signature/],
      ['a signature made with another secret', signatureHeaders(OTHER_SECRET, body), /bearer token or Standard Webhooks signature/],
      [
        'a signature over another body',
        signatureHeaders(receiver.secret, JSON.stringify({ status: 'completed' })),
        /bearer token or Standard Webhooks signature/,
      ],
      ['a signature six minutes old', signatureHeaders(receiver.secret, body, 'msg_old', now - 360), /more than five minutes/],
      ['a signature six minutes ahead', signatureHeaders(receiver.secret, body, 'msg_ahead', now + 360), /more than five minutes/],
    ];
    for (const [what, headers, message] of refusals) {
      const answer = await post(id, body, headers);
      expect([what, answer.status]).toEqual([what, 401]);
      expect((answer.body as { message: string }).message).toMatch(message);
    }
    expect((await storedRequest(bot.app.store, id))!.progress).toBeUndefined();
    await expectNobodyTold(id, 0);

    // A signed call is accepted once; the same webhook-id again is a replay, whatever it carries.
    const headers = signatureHeaders(receiver.secret, body, 'msg_once');
    expect((await post(id, body, headers)).status).toBe(200);
    await until(() => updateCards(connector, id).length === 1, 10_000, 'the accepted call told');
    const replay = await post(id, body, headers);
    expect(replay.status).toBe(401);
    expect((replay.body as { message: string }).message).toMatch(/webhook-id was already used/);
    const completed = JSON.stringify({ id, status: 'completed' });
    const reused = await post(id, completed, signatureHeaders(receiver.secret, completed, 'msg_once'));
    expect(reused.status).toBe(401);
    expect((await storedRequest(bot.app.store, id))!.progress).toMatchObject({ status: 'in_progress', version: 1 });
    await expectNobodyTold(id, 1);
    expect(bot.logs.join('\n')).not.toContain('We started.');
  });

  it('refuses a signed call whose body does not name the request of its URL, and changes nothing', async () => {
    const { id } = await delivered();
    const { id: other } = await delivered();
    const forOther = JSON.stringify({ id: other, status: 'rejected', message: 'Not for you.' });
    const withoutId = JSON.stringify({ status: 'rejected' });
    for (const body of [forOther, withoutId]) {
      const answer = await post(id, body, signatureHeaders(receiver.secret, body));
      expect(answer.status).toBe(400);
      expect((answer.body as { problems: string[] }).problems).toEqual([
        'A signed call must carry id in its body, equal to the id in the path: the signature then covers which request it is for.',
      ]);
    }
    expect((await storedRequest(bot.app.store, id))!.progress).toBeUndefined();
    await expectNobodyTold(id, 0);
    // The same signed body, at the URL it names, is accepted.
    expect((await post(other, forOther, signatureHeaders(receiver.secret, forOther))).status).toBe(200);
  });

  it('refuses a message linking anywhere but https: or mailto: with 400, and changes nothing', async () => {
    const { id } = await delivered();
    const refused = await post(id, { status: 'needs_info', message: 'Please [confirm here](javascript:alert(1)).' });
    expect(refused.status).toBe(400);
    expect((refused.body as { problems: string[] }).problems).toEqual(['message may only link to https: or mailto: addresses.']);
    expect((await storedRequest(bot.app.store, id))!.progress).toBeUndefined();
    await expectNobodyTold(id, 0);
    expect((await post(id, { status: 'needs_info', message: 'Please [write to us](mailto:privacy@contoso.example).' })).status).toBe(200);
  });

  it('answers 404, 400 with every problem, 413 and 415, and changes nothing', async () => {
    const { id } = await delivered();
    expect((await post('PR-ZZZZZZZZ', { status: 'completed' })).status).toBe(404);
    expect((await post('not-an-id', { status: 'completed' })).status).toBe(404);

    const everything = await post(id, { status: 'done', message: 'x'.repeat(2001), link: 'http://exports.contoso.example/d/1', dueBy: 'next week' });
    expect(everything.status).toBe(400);
    expect(everything.body).toEqual({
      error: 'BadRequest',
      message: 'The status was not accepted: see problems.',
      problems: [
        'status must be one of in_progress, needs_info, extended, completed, rejected.',
        'message can be at most 2,000 characters (it has 2001).',
        'link must be an https:// address without a user name or password.',
        'dueBy must be an ISO 8601 date, or date and time with a time zone, such as 2027-01-24T00:00:00Z.',
      ],
    });
    const cases: Array<[unknown, RegExp]> = [
      [{ status: 'completed', link: 'javascript:alert(1)' }, /link must be an https/],
      [{ status: 'completed', link: 'https://user:pw@exports.contoso.example/' }, /link must be an https/],
      [{ status: 'extended' }, /dueBy is required with status extended/],
      [{ status: 'extended', dueBy: '2020-01-01T00:00:00Z' }, /dueBy must be later than the current due date/],
      [{ status: 'extended', dueBy: '2999-01-01T00:00:00Z' }, /at most two months after the first due date/],
      [{ status: 'completed', dueBy: '2999-01-01' }, /dueBy is only accepted with status extended/],
      [{ status: 'completed', message: 42 }, /message must be text/],
      [{ status: 'completed', id: 'PR-00000000' }, /id in the body must be the id in the path/],
      [['completed'], /must be a JSON object/],
    ];
    for (const [update, problem] of cases) {
      const answer = await post(id, update);
      expect([JSON.stringify(update), answer.status]).toEqual([JSON.stringify(update), 400]);
      expect((answer.body as { problems: string[] }).problems).toEqual([expect.stringMatching(problem)]);
    }
    expect((await post(id, '{"status": "comp')).status).toBe(400);

    const huge = await post(id, { status: 'completed', message: 'x'.repeat(100 * 1024) });
    expect(huge.status).toBe(413);
    const asText = await post(id, JSON.stringify({ status: 'completed' }), { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' });
    expect(asText.status).toBe(415);

    expect((await storedRequest(bot.app.store, id))!.progress).toBeUndefined();
    await expectNobodyTold(id, 0);
  });

  it('gets the card through Teams throttling, once', async () => {
    const { id, person } = await delivered();
    const throttled: number[] = [];
    // Opening the requester's chat is throttled for longer than the SDK's own retries (four tries):
    // the card goes back to the outbox. A 0 s Retry-After keeps the SDK's tries quick; the outbox's
    // honouring of a longer one is in notifications/notification-outbox.test.ts.
    connector.respond = (call) => {
      const opensTheirChat = call.method === 'POST' && /\/v3\/conversations\/?$/.test(call.path) && JSON.stringify(call.body.members).includes(person.id);
      if (opensTheirChat && throttled.length < 4) {
        throttled.push(Date.now());
        return { status: 429, headers: { 'retry-after': '0' } };
      }
      return undefined;
    };
    expect((await post(id, { status: 'rejected', message: 'We hold no data about you.' })).status).toBe(200);
    await until(() => updateCards(connector, id).length === 1, 20_000, 'the card through throttling');
    expect(throttled).toHaveLength(4);
    await until(async () => (await bot.app.store.list(NOTIFICATIONS_COLLECTION)).length === 0, 5_000, 'the outbox empty');
    expect(updateCards(connector, id)).toHaveLength(1);
    expect(cardTexts(updateCards(connector, id)[0])).toContain('We hold no data about you.');
  }, 40_000);

  it('tells the requester after a restart: a card Teams had not taken, and a change written just before a crash', async () => {
    const { id, person } = await delivered();
    const second = await delivered();
    const dataDir = bot.dataDir;
    // Teams refuses the requester's chat for now: the card waits in the outbox. (Retry-After: 0, or
    // the SDK's own backoff between its four tries takes 7 s before the outbox sees the refusal.)
    connector.respond = (call) =>
      call.method === 'POST' && /\/v3\/conversations\/?$/.test(call.path) && JSON.stringify(call.body.members).includes(person.id)
        ? { status: 503, headers: { 'retry-after': '0' } }
        : undefined;
    expect((await post(id, { status: 'in_progress' })).status).toBe(200);
    await until(() => bot.logs.some((line) => line.includes('notification will be retried') && line.includes(id)), 15_000, 'a failed attempt');
    await bot.stop();
    earlierLogs.push(...bot.logs);

    // A change whose write landed but whose card was never queued, as a crash between the two would leave it.
    const files = new FileStore(dataDir);
    const item = (await files.list<PrivacyRequest>(REQUESTS_COLLECTION)).find((entry) => entry.value.id === second.id)!;
    const at = new Date().toISOString();
    await files.put(REQUESTS_COLLECTION, item.key, {
      ...item.value,
      progress: { status: 'needs_info', message: 'Please confirm your address.', updatedAt: at, version: 1, toldVersion: 0 },
    });
    await files.close();

    connector.respond = undefined;
    bot = await bootBot({ ...env(), DATA_DIR: dataDir });
    await until(() => updateCards(connector, id).length === 1 && updateCards(connector, second.id).length === 1, 20_000, 'both cards after the restart');
    expect(cardTexts(updateCards(connector, second.id)[0])).toContain('Please confirm your address.');
    await until(async () => (await storedRequest(bot.app.store, second.id))!.progress!.toldVersion === 1, 5_000, 'recorded as told');
    await until(async () => (await bot.app.store.list(NOTIFICATIONS_COLLECTION)).length === 0, 15_000, 'the outbox empty');
    expect(updateCards(connector, id)).toHaveLength(1);
    expect(updateCards(connector, second.id)).toHaveLength(1);
  }, 60_000);

  it('is not there at all while neither PRIVACY_STATUS_TOKEN nor PRIVACY_WEBHOOK_SECRET is set', async () => {
    const bare = await bootBot({});
    try {
      const answer = await bare.post('/api/requests/PR-7K2M9Q4D/status', { status: 'completed' }, { authorization: `Bearer ${TOKEN}` });
      expect(answer.status).toBe(404);
    } finally {
      await bare.stop();
    }
  });

  it('keeps messages, links and tokens out of the logs', () => {
    const logs = [...earlierLogs, ...bot.logs].join('\n');
    expect(logs).toContain('status call answered');
    for (const secret of ['Which mailbox', 'exports.contoso.example', TOKEN, 'Please confirm your address']) expect(logs).not.toContain(secret);
  });
});
