/**
 * The HTTP contract over real sockets: the restify server on a free port, the real CloudAdapter, and
 * a local HTTP server as the Teams connector that receives the bot's replies.
 */
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { ALICE, cardOf, cardTexts, execute, message } from '../fakes/activities';

describe('POST /api/messages and /healthz (local mode)', () => {
  let bot: BootedBot;
  let connector: FakeConnector;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ ALLOWED_TENANT_IDS: 'tenant-contoso, tenant-fabrikam' });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  const healthy = async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  };

  it('answers /healthz with ok once serving', healthy);

  it('answers a question with an answer card posted to the connector', async () => {
    const activity = message('what does the policy say about erasing my data?', { serviceUrl: connector.url });
    const response = await bot.post('/api/messages', activity);
    expect(response.status).toBe(200);
    const [reply] = await connector.waitFor((calls) => calls.length >= 1);
    expect(reply.method).toBe('POST');
    expect(reply.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply.body.replyToId).toBe(activity.id);
    const card = cardOf(reply.body);
    expect(cardTexts(card)[0]).toBe('Deletion');
    expect(cardTexts(card).some((text) => text.startsWith('Source: policy/'))).toBe(true);
  });

  it('in a channel, strips the @mention before searching and answers in the same thread', async () => {
    const conversationId = '19:general@thread.tacv2;messageid=1700000000000';
    const activity = message('How long is data retained?', {
      serviceUrl: connector.url,
      conversationType: 'channel',
      conversationId,
      teamId: '19:team-a@thread.tacv2',
      mention: true,
    });
    expect((await bot.post('/api/messages', activity)).status).toBe(200);
    const [reply] = await connector.waitFor((calls) => calls.length >= 1);
    expect(reply.conversationId).toBe(conversationId);
    expect(cardTexts(cardOf(reply.body))[0]).toMatch(/retention/i);
  });

  it('says plainly when the policy does not cover a question, and offers help', async () => {
    await bot.post('/api/messages', message('what is the best laptop for gaming', { serviceUrl: connector.url }));
    const [reply] = await connector.waitFor((calls) => calls.length >= 1);
    const texts = cardTexts(cardOf(reply.body));
    expect(texts[0]).toBe('The policy does not cover that');
    expect(texts).toContain('Ask me things like');
  });

  it('answers an Action.Execute invoke with a whole Adaptive Card invoke response', async () => {
    const entryId = bot.app.faq.entries.find((entry) => entry.title === 'Deletion')!.id;
    const response = await bot.post('/api/messages', execute('faq.feedback', { entryId, helpful: true }, { serviceUrl: connector.url }));
    expect(response.status).toBe(200);
    const body = response.body as { statusCode: number; type: string; value: Record<string, unknown> };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(body.value)).toContain('Thanks for the feedback.');
    const stored = await bot.app.store.list<{ entryId: string; helpful: boolean }>('feedback');
    expect(stored.map((item) => item.value)).toContainEqual(expect.objectContaining({ entryId, helpful: true }));
    expect(JSON.stringify(stored)).not.toMatch(/question|text/);
  });

  it('answers an unknown or forged verb with a 400 invoke response, not a crash', async () => {
    const response = await bot.post('/api/messages', execute('admin.dropEverything', { x: 1 }, { serviceUrl: connector.url }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    await healthy();
  });

  it.each([
    ['malformed JSON', '{"type": "message", '],
    ['an array', '[{"type":"message"}]'],
    ['an empty object', '{}'],
    ['no conversation', JSON.stringify({ type: 'message', serviceUrl: 'http://127.0.0.1:1/', text: 'hi' })],
    ['a string', '"hello"'],
  ])('rejects %s with 400 and keeps serving', async (_name, body) => {
    const response = await bot.post('/api/messages', body);
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/at \w+ \(|node_modules/);
    await healthy();
  });

  it('rejects a body over 256 KB with 413 and keeps serving', async () => {
    const activity = message('x'.repeat(300 * 1024), { serviceUrl: connector.url });
    const response = await bot.post('/api/messages', activity);
    expect(response.status).toBe(413);
    await healthy();
    expect(connector.calls).toHaveLength(0);
  });

  it('drops activities from tenants outside ALLOWED_TENANT_IDS without an answer', async () => {
    const response = await bot.post('/api/messages', message('how long do you keep my data', { serviceUrl: connector.url, tenantId: 'tenant-elsewhere' }));
    expect(response.status).toBe(200);
    // An allowed tenant's message right after proves the pipeline ran; the stranger got nothing.
    await bot.post('/api/messages', message('hello', { serviceUrl: connector.url, tenantId: 'TENANT-FABRIKAM' }));
    await connector.waitFor((calls) => calls.length >= 1);
    expect(connector.calls).toHaveLength(1);
    expect(bot.logs.some((line) => line.includes('outside ALLOWED_TENANT_IDS'))).toBe(true);
  });

  it('never writes message text, names or emails to the logs', async () => {
    const secretQuestion = 'my colleague jane.doe@contoso.example wants her records deleted quietly';
    await bot.post('/api/messages', message(secretQuestion, { serviceUrl: connector.url }));
    await connector.waitFor((calls) => calls.length >= 1);
    const logs = bot.logs.join('\n');
    expect(logs).not.toContain('jane.doe');
    expect(logs).not.toContain('records deleted');
    expect(logs).not.toContain(ALICE.name);
  });
});

describe('POST /api/messages with BOT_ID set', () => {
  let bot: BootedBot;
  beforeAll(async () => {
    bot = await bootBot({ BOT_ID: '00000000-0000-0000-0000-000000000001', BOT_PASSWORD: 'not-used-in-this-test' });
  });
  afterAll(() => bot.stop());

  const activity = () => message('hello', { serviceUrl: 'https://smba.trafficmanager.net/amer/' });

  it('answers 401 without a token', async () => {
    expect((await bot.post('/api/messages', activity())).status).toBe(401);
  });

  it('answers 401 for a forged token and keeps serving', async () => {
    const unsigned = [
      { alg: 'none', typ: 'JWT' },
      { iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-000000000001' },
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.');
    for (const token of ['garbage', `${unsigned}.`]) {
      const response = await bot.post('/api/messages', activity(), { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
    }
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('still answers 400 for a body that is not an activity', async () => {
    expect((await bot.post('/api/messages', '[]')).status).toBe(400);
  });
});
