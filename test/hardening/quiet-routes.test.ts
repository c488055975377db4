/**
 * What a caller learns and holds: a body still arriving on a route that reads none is dropped with
 * its connection once the route has answered (not held for Node's 300 s request timeout), and an
 * invoke from a tenant outside ALLOWED_TENANT_IDS is answered exactly as a message from it is.
 * Real HTTP, the real bot.
 */
import http from 'node:http';
import { execute, message } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';

describe('routes without a JSON body, and other tenants', () => {
  let connector: FakeConnector;
  let bot: BootedBot;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ ALLOWED_TENANT_IDS: 'tenant-contoso', NOTICE_API_TOKEN: 'quiet-routes-token-0123456789' });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  it.each([
    ['GET', '/healthz', {}],
    ['GET', '/api/insights', { authorization: 'Bearer quiet-routes-token-0123456789' }],
    ['DELETE', '/api/notices/NT-0000000000000000', {}],
  ])('%s %s answers, then drops a body still trickling in', async (method, pathname, headers) => {
    const { port } = new URL(bot.url);
    let status = 0;
    let closed = false;
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method,
        headers: { ...headers, connection: 'keep-alive', 'content-type': 'application/json', 'content-length': '100000' },
        agent: false,
      },
      (res) => {
        status = res.statusCode ?? 0;
        res.resume();
      },
    );
    req.on('error', () => undefined);
    req.on('close', () => (closed = true));
    req.write('{"slow":');
    // A byte every half second: never idle long enough for an idle timeout to end it.
    const drip = setInterval(() => req.write(' '), 500);
    try {
      await until(() => status !== 0, 10_000, 'the answer');
      await until(() => closed, 10_000, 'the connection closed by the bot');
    } finally {
      clearInterval(drip);
      req.destroy();
    }
  });

  it('answers an invoke from another tenant as it answers a message from it: 200, nothing in it', async () => {
    const from = { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'Stranger' };
    const asMessage = await bot.post('/api/messages', message('help', { serviceUrl: connector.url, from, tenantId: 'tenant-elsewhere' }));
    const asInvoke = await bot.post('/api/messages', execute('question.list', {}, { serviceUrl: connector.url, from, tenantId: 'tenant-elsewhere' }));
    expect([asInvoke.status, asInvoke.text]).toEqual([asMessage.status, asMessage.text]);
    expect(asMessage.status).toBe(200);
    expect(bot.logs.filter((line) => line.includes('outside ALLOWED_TENANT_IDS')).length).toBe(2);
  });
});
