/**
 * The privacy webhook never points at a link-local, metadata or WireServer address (issue 9): the
 * URL is checked in every spelling at start-up, and each delivery checks every address its name
 * resolves to, over real HTTP with the example receiver.
 */
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { loadConfig } from '../../src/config';
import { isAppError } from '../../src/errors';
import { message, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startBotProcess } from '../fakes/bot-process';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { actionData, driver, facts, findActions } from './drive';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function refusal(url: string): string | undefined {
  try {
    loadConfig({ PRIVACY_WEBHOOK_URL: url, PRIVACY_WEBHOOK_SECRET: SECRET }, '/srv/bot');
    return undefined;
  } catch (err) {
    if (isAppError(err, 'CONFIG_INVALID')) return err.message;
    throw err;
  }
}

describe('the webhook address at start-up', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[::169.254.169.254]/',
    'http://[::ffff:0:169.254.169.254]/',
    'http://[64:ff9b::169.254.169.254]/',
    'http://[2002:a9fe:a9fe::1]/',
    'http://[fe80::1]/',
    'http://[fd00:ec2::254]/',
    'http://168.63.129.16/machine',
    'http://[::ffff:168.63.129.16]/',
    'http://100.100.100.200/',
    'http://0.0.0.0:8080/',
    'http://2852039166/',
    'http://0xa9.0xfe.0xa9.0xfe/',
    'http://169.254.169.254./',
    'http://metadata.google.internal./computeMetadata/v1/',
    'http://METADATA.Google.Internal/',
    'http://metadata/',
  ])('refuses %s, naming the variable', (url) => {
    expect(refusal(url)).toMatch(/^PRIVACY_WEBHOOK_URL: must not be a link-local, metadata or Azure WireServer address/);
  });

  it.each([
    'https://hooks.contoso.example/privacy',
    'http://127.0.0.1:8080/',
    'https://[2001:db8::1]/',
    'https://prod-12.westeurope.logic.azure.com/workflows/x',
    'https://metadata.contoso.example/',
  ])('accepts %s', (url) => expect(refusal(url)).toBeUndefined());

  it('stops the bot process with one line naming PRIVACY_WEBHOOK_URL', async () => {
    const running = startBotProcess({ PRIVACY_WEBHOOK_URL: 'http://[::ffff:169.254.169.254]/latest', PRIVACY_WEBHOOK_SECRET: SECRET });
    expect(await running.exited).toBe(1);
    expect(running.output).toEqual([
      expect.stringMatching(
        /^Configuration error: PRIVACY_WEBHOOK_URL: must not be a link-local, metadata or Azure WireServer address, and this is a link-local address$/,
      ),
    ]);
  });
});

describe('the webhook address at delivery time', () => {
  const ADMIN: Person = { id: '29:ssrf-admin', aadObjectId: 'aad-ssrf-admin', name: 'Sam Admin' };
  const HOST = 'privacy-hooks.test';
  /** What the test's DNS answers for the webhook's name: changed between requests, as a rebinding attacker would. */
  let answer: string[] = ['127.0.0.1'];
  const lookups: string[] = [];
  const resolver: LookupFunction = (hostname, _options, callback) => {
    lookups.push(hostname);
    if (hostname !== HOST) return callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), '', 0);
    const addresses: LookupAddress[] = answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    return callback(null, addresses);
  };
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;

  beforeAll(async () => {
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    const port = new URL(receiver.url).port;
    bot = await bootBot(
      {
        PRIVACY_WEBHOOK_URL: `http://${HOST}:${port}/`,
        PRIVACY_WEBHOOK_SECRET: receiver.secret,
        PRIVACY_WEBHOOK_RETRY_BASE_MS: '100',
        PRIVACY_ADMIN_IDS: ADMIN.aadObjectId,
      },
      { webhookResolver: resolver },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([receiver.close(), connector.close()]);
  });

  async function fileExport(person: Person): Promise<string> {
    const chat = driver(bot, connector, { from: person });
    // An admin's alert about an earlier request may arrive meanwhile: the form is the card with a submit button.
    const form = (await chat.say('export my data')).find((card) => findActions(card).some((action) => action.verb === 'request.submit'));
    return facts((await chat.press('request.submit', { ...actionData(form, 'request.submit'), include: 'account', format: 'json' })).card).Reference;
  }
  const deadLettered = (id: string) =>
    until(
      () => bot.logs.some((line) => line.includes('request dead-lettered') && line.includes(id) && line.includes('blocked-address')),
      10_000,
      `${id} dead-lettered as blocked-address`,
    );

  it('delivers while the name resolves to an ordinary address, and dead-letters once it resolves to a metadata address', async () => {
    const first = await fileExport({ id: '29:dns1', aadObjectId: 'aad-dns1', name: 'D1' });
    await until(() => receiver.events.some((event) => event.data.id === first), 10_000, `${first} delivered`);
    expect(lookups).toContain(HOST);

    answer = ['169.254.169.254'];
    const rebound = await fileExport({ id: '29:dns2', aadObjectId: 'aad-dns2', name: 'D2' });
    await deadLettered(rebound);

    // One bad address among good ones is enough, in any spelling.
    answer = ['127.0.0.1', '::ffff:a9fe:a9fe'];
    const mixed = await fileExport({ id: '29:dns3', aadObjectId: 'aad-dns3', name: 'D3' });
    await deadLettered(mixed);
    expect(receiver.attempts.map((attempt) => attempt.id)).toEqual([first]);

    // The admins hear of both, and once the name is right again a replay delivers them.
    await connector.waitFor(() =>
      [rebound, mixed].every((id) =>
        connector.posted().some((call) => call.conversationId === `a:personal-${ADMIN.aadObjectId}` && JSON.stringify(call.body).includes(id)),
      ),
    );
    answer = ['127.0.0.1'];
    const before = connector.posted().length;
    await bot.post('/api/messages', message('replay failed requests', { serviceUrl: connector.url, from: ADMIN }));
    expect(String(connector.posted()[before].body.text)).toMatch(/Sent 2 failed request\(s\) back to the outbox/);
    await until(() => [rebound, mixed].every((id) => receiver.events.some((event) => event.data.id === id)), 10_000, 'replayed requests delivered');
  });
});
