/**
 * Every route answers errors in the one documented format ({"error": ..., "message": ...}), unknown
 * routes included, and HEAD on a route the bot serves (the Agents Playground probes with it) is an
 * answer rather than a logged error. Over real HTTP, on the real restify server.
 */
import { bootBot, type BootedBot } from '../fakes/boot';

describe('routes: HEAD and errors in the documented format', () => {
  let bot: BootedBot;

  beforeAll(async () => {
    bot = await bootBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('answers HEAD /api/messages with 200 and logs no warning', async () => {
    const before = bot.logs.length;
    const head = await fetch(`${bot.url}/api/messages`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    // The same process answers the next request: its log lines come after any the HEAD caused.
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const lines = bot.logs.slice(before).map((line) => JSON.parse(line) as { level: number });
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
  });

  it('answers HEAD on /healthz like GET, without a body', async () => {
    const head = await fetch(`${bot.url}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers an unknown route with 404 in the error format', async () => {
    const response = await fetch(`${bot.url}/no/such/route`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ error: 'NotFound', message: 'Not found.' });
  });

  it('answers a method the route lacks with 405 in the error format, naming the allowed ones', async () => {
    const response = await fetch(`${bot.url}/api/messages`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toMatch(/POST/);
    expect(await response.json()).toEqual({ error: 'MethodNotAllowed', message: 'This method is not allowed here.' });
  });

  it('never echoes the requested path back', async () => {
    const response = await fetch(`${bot.url}/%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/script/);
  });
});
