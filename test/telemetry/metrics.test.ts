/**
 * The outcomes an operator charts that a smooth journey never shows, as the services record them
 * (read through the app's `metrics` option, no exporter): webhook retries and dead letters, Teams
 * throttling a notice post, a person refused for sending too much, a withdrawal as a status change;
 * and /readyz following the store.
 */
import { message, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { RecordedMetrics } from '../fakes/recorded-metrics';
import { until } from '../fakes/until';
import { install, NOTICE_TOKEN, noticeApi, teamId } from '../notices/notice-api';
import { actionData, driver, facts, fileRequest } from '../requests/drive';
import { FileStore } from '../../src/storage/file-store';
import type { Store } from '../../src/storage/store';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('metrics the services record', () => {
  let connector: FakeConnector;
  let webhook: TestReceiver;
  let bot: BootedBot;
  const metrics = new RecordedMetrics();
  let storeDown = false;

  beforeAll(async () => {
    [connector, webhook] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    const files = new FileStore(mkdtempSync(path.join(os.tmpdir(), 'metrics-store-')));
    // The real file store, whose ping a test can make fail as an unreachable storage account would.
    const store = new Proxy(files, {
      get: (target, property, receiver) =>
        property === 'ping' ? () => (storeDown ? Promise.reject(new Error('unreachable')) : target.ping()) : Reflect.get(target, property, receiver),
    }) as Store;
    bot = await bootBot(
      {
        PRIVACY_WEBHOOK_URL: webhook.url,
        PRIVACY_WEBHOOK_SECRET: webhook.secret,
        PRIVACY_WEBHOOK_RETRY_BASE_MS: '20',
        PRIVACY_WEBHOOK_RETRY_MAX_MS: '40',
        NOTICE_API_TOKEN: NOTICE_TOKEN,
        NOTICE_MAX_RPS: '50',
      },
      { metrics, store },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([connector.close(), webhook.close()]);
  });

  it('counts a delivery retried after a 503, and one dead-lettered after a 400', async () => {
    let attempts = 0;
    webhook.gate = () => (++attempts === 1 ? { status: 503 } : undefined);
    const retried: Person = { id: '29:metrics-retried', aadObjectId: 'aad-metrics-retried', name: 'R' };
    await fileRequest(driver(bot, connector, { from: retried }), 'please correct my data', { wrong: 'Desk', correct: 'Desk 2' }, { from: retried });
    await webhook.waitForEvents(1);
    await until(() => metrics.deliveries.includes('delivered'));
    expect(metrics.deliveries).toEqual(['retry', 'delivered']);

    webhook.gate = () => ({ status: 400 });
    const refused: Person = { id: '29:metrics-refused', aadObjectId: 'aad-metrics-refused', name: 'D' };
    await fileRequest(driver(bot, connector, { from: refused }), 'please correct my data', { wrong: 'Desk', correct: 'Desk 3' }, { from: refused });
    await until(() => metrics.deliveries.length === 3);
    expect(metrics.deliveries).toEqual(['retry', 'delivered', 'dead_letter']);
    webhook.gate = undefined;
    expect(metrics.turns.filter((outcome) => outcome === 'request_form')).toHaveLength(2);
  });

  it('counts a withdrawal as a status change', async () => {
    const person: Person = { id: '29:metrics-withdraws', aadObjectId: 'aad-metrics-withdraws', name: 'W' };
    const chat = driver(bot, connector, { from: person });
    const id = facts(await fileRequest(chat, 'please correct my data', { wrong: 'Desk', correct: 'Desk 4' }, { from: person })).Reference;
    const [list] = await chat.say('my requests');
    const confirm = await chat.press('request.withdraw', actionData(list, 'request.withdraw'));
    const done = await chat.press('request.withdraw.confirm', actionData(confirm.card, 'request.withdraw.confirm'));
    expect(JSON.stringify(done.card)).toContain(id);
    expect(metrics.statusChanges).toEqual(['withdrawn']);
  });

  it('counts a notice post Teams throttled with 429, and the post that followed', async () => {
    const team = teamId('metrics', 1);
    await install(bot.post, connector, team);
    let throttled = false;
    connector.respond = (call) => {
      if (call.method !== 'POST' || call.conversationId !== team || throttled) return undefined;
      throttled = true;
      // Without Retry-After: with one, the Bot Framework client retries by itself and the bot sees only the success.
      return { status: 429 };
    };
    const api = noticeApi(() => bot.url);
    const sent = await api.call('POST', '/api/notices', { title: 'Throttled notice', text: 'Text.' });
    const { id } = (await sent.json()) as { id: string };
    await api.waitFor(id, 'done');
    connector.respond = undefined;
    expect(metrics.noticeCalls.map(({ call, status }) => `${call} ${status}`)).toEqual(['post 429', expect.stringMatching(/^post 20\d$/)]);
  });

  it('counts the messages of a person over their limit as refused turns', async () => {
    const person: Person = { id: '29:metrics-chatty', aadObjectId: 'aad-metrics-chatty', name: 'C' };
    const before = metrics.turns.length;
    // The limit is a burst of 30 messages: the 31st is refused.
    for (let n = 0; n < 31; n++) expect((await bot.post('/api/messages', message('hello', { serviceUrl: connector.url, from: person }))).status).toBe(200);
    expect(metrics.turns.slice(before).filter((outcome) => outcome === 'refused')).toHaveLength(1);
  });

  it('answers /readyz 200 while the store answers and 503 while it does not', async () => {
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    storeDown = true;
    try {
      const down = await fetch(`${bot.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', reason: 'storage unreachable' });
    } finally {
      storeDown = false;
    }
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
  });
});
