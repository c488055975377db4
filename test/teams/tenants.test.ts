/**
 * A single-tenant bot serves its own organisation only (issue 9). With BOT_ID set every activity
 * carries a Bot Framework token: here they are signed by a local issuer whose keys the real
 * botbuilder validation fetches and checks, and the bot replies as its managed identity, as the
 * Bicep deployment runs it (BOT_TYPE=UserAssignedMsi, BOT_TENANT_ID set, ALLOWED_TENANT_IDS empty).
 */
import { installationUpdate, message, TENANT, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { IDENTITY_HEADER, startFakeBotFrameworkAuth, type FakeBotFrameworkAuth } from '../fakes/bot-framework-auth';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';

const APP_ID = '00000000-0000-0000-0000-00000000b07a';
const TOKEN = 'notice-token-tenants-1234';
const STRANGER: Person = { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'Stranger' };

describe('a single-tenant bot with ALLOWED_TENANT_IDS empty', () => {
  let auth: FakeBotFrameworkAuth;
  let connector: FakeConnector;
  let bot: BootedBot;
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    [auth, connector] = await Promise.all([startFakeBotFrameworkAuth(), startFakeConnector()]);
    process.env.IDENTITY_ENDPOINT = auth.identityEndpoint;
    process.env.IDENTITY_HEADER = IDENTITY_HEADER;
    bot = await bootBot(
      { BOT_ID: APP_ID, BOT_TYPE: 'UserAssignedMsi', BOT_TENANT_ID: TENANT, NOTICE_API_TOKEN: TOKEN, ALLOWED_TENANT_IDS: '' },
      { botFrameworkKeys: { openIdMetadataUrl: auth.openIdMetadataUrl } },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([auth.close(), connector.close()]);
    process.env.IDENTITY_ENDPOINT = saved.endpoint;
    process.env.IDENTITY_HEADER = saved.header;
    if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
    if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
  });

  const signed = (activity: Record<string, unknown>) => bot.post('/api/messages', activity, { authorization: `Bearer ${auth.token(APP_ID, connector.url)}` });
  const inTeam = (teamId: string, tenantId: string) => ({
    serviceUrl: connector.url,
    conversationType: 'channel' as const,
    conversationId: teamId,
    teamId,
    tenantId,
  });

  it('answers its own tenant over an authenticated turn, replying as its managed identity', async () => {
    const before = connector.posted().length;
    expect((await signed(message('how long do you keep my data', { serviceUrl: connector.url }))).status).toBe(200);
    await connector.waitFor(() => connector.posted().length > before);
    expect(connector.posted()[before].headers.authorization).toMatch(/^Bearer bot-token-/);
  });

  it('keeps taking authenticated turns after a body it cannot read', async () => {
    const garbage = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: 'this is not gzip',
    });
    expect(garbage.status).toBe(415);
    const before = connector.posted().length;
    expect((await signed(message('who can see my personal data', { serviceUrl: connector.url }))).status).toBe(200);
    await connector.waitFor(() => connector.posted().length > before);
  });

  it('still answers 401 to an activity without a token or with one it did not sign', async () => {
    expect((await bot.post('/api/messages', message('hello', { serviceUrl: connector.url }))).status).toBe(401);
    const forged = auth.token(APP_ID, 'https://elsewhere.example/');
    expect((await bot.post('/api/messages', message('hello', { serviceUrl: connector.url }), { authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  it("gives another tenant's people no answer, no request form, no installation and none of the organisation's notices", async () => {
    const before = connector.calls.length;
    for (const text of ['how long do you keep my data', 'export my data', 'my requests']) {
      expect((await signed(message(text, { serviceUrl: connector.url, from: STRANGER, tenantId: 'tenant-elsewhere' }))).status).toBe(200);
    }
    expect((await signed(installationUpdate('add', inTeam('19:theirs@thread.tacv2', 'tenant-elsewhere')))).status).toBe(200);
    expect((await signed(installationUpdate('add', inTeam('19:ours@thread.tacv2', TENANT)))).status).toBe(200);
    // Our own team's welcome proves the turns ran; the stranger's got nothing at all.
    await connector.waitFor(() => connector.calls.slice(before).some((call) => call.conversationId === '19:ours@thread.tacv2'));
    expect(connector.calls.slice(before).filter((call) => call.conversationId !== '19:ours@thread.tacv2')).toEqual([]);
    expect(bot.logs.filter((line) => line.includes('outside ALLOWED_TENANT_IDS')).length).toBeGreaterThanOrEqual(4);

    const created = await fetch(`${bot.url}/api/notices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Only for us', text: 'Text' }),
    });
    expect(((await created.json()) as { targets: number }).targets).toBe(1);
    await until(
      () => connector.posted().some((call) => call.conversationId === '19:ours@thread.tacv2' && JSON.stringify(call.body).includes('Only for us')),
      10_000,
      'the notice in our team',
    );
    expect(connector.posted().filter((call) => call.conversationId === '19:theirs@thread.tacv2')).toEqual([]);
  });
});
