/**
 * The console's sign-in over real HTTP, with BOT_ID set: Teams SSO tokens from a local OpenID issuer
 * (metadata and keys served over HTTP, tokens signed with jose), checked by the real server. A bad
 * signature, audience, issuer, expiry or tenant is 401; a signed-in person with no role is 403;
 * privacy admins and the privacy team's members (from the Teams roster, through the fake connector)
 * get their roles; changes from another site are refused; tokens and ids never reach the logs.
 */
import { botAdded } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { IDENTITY_HEADER, startFakeBotFrameworkAuth, type FakeBotFrameworkAuth } from '../fakes/bot-framework-auth';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startFakeOpenIdIssuer, type FakeOpenIdIssuer, type TokenClaims } from '../fakes/openid-issuer';
import { until } from '../fakes/until';
import { consoleApi } from './console-drive';

const APP_ID = '7d3c4b2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const PRIVACY_CHANNEL = '19:privacyteam@thread.tacv2';
const ADMIN = 'a0a0a0a0-0000-4000-8000-00000000ad00';
const MEMBER = 'b0b0b0b0-0000-4000-8000-0000000be000';
const STRANGER = 'c0c0c0c0-0000-4000-8000-0000000c0000';

describe('the console behind Teams SSO', () => {
  let issuer: FakeOpenIdIssuer;
  let auth: FakeBotFrameworkAuth;
  let connector: FakeConnector;
  let bot: BootedBot;
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };
  const audience = () => `api://${new URL(bot.url).host}/${APP_ID}`;
  const tokenFor = (oid: string, claims: TokenClaims = {}, options?: { foreignKey?: boolean }) =>
    issuer.token({ aud: audience(), oid, tid: TENANT, name: `Person ${oid.slice(0, 4)}`, ...claims }, options);
  const as = (token: () => Promise<string>) => consoleApi(() => bot.url, token);

  beforeAll(async () => {
    [issuer, auth, connector] = await Promise.all([startFakeOpenIdIssuer(), startFakeBotFrameworkAuth(), startFakeConnector()]);
    process.env.IDENTITY_ENDPOINT = auth.identityEndpoint;
    process.env.IDENTITY_HEADER = IDENTITY_HEADER;
    bot = await bootBot(
      {
        BOT_ID: APP_ID,
        BOT_TYPE: 'UserAssignedMsi',
        BOT_TENANT_ID: TENANT,
        PRIVACY_ADMIN_IDS: ADMIN,
        PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL,
        CONSOLE_OPENID_METADATA_URL: issuer.metadataUrl,
        // Ignored while BOT_ID is set: nobody is signed in without a token.
        CONSOLE_DEV_USER: ADMIN,
      },
      { botFrameworkKeys: { openIdMetadataUrl: auth.openIdMetadataUrl } },
    );
    // Teams answers 404 for someone who is not on the privacy team's roster.
    connector.respond = (call) =>
      call.method === 'GET' && call.path.endsWith(`/members/${STRANGER}`) ? { status: 404, body: { error: { code: 'NotFound' } } } : undefined;
    // The bot is installed in the privacy team's team, which tells it where that tenant's Teams is.
    const added = botAdded({
      serviceUrl: connector.url,
      conversationType: 'channel',
      conversationId: PRIVACY_CHANNEL,
      teamId: PRIVACY_CHANNEL,
      tenantId: TENANT,
    });
    expect((await bot.post('/api/messages', added, { authorization: `Bearer ${auth.token(APP_ID, connector.url)}` })).status).toBe(200);
  });
  afterAll(async () => {
    await bot?.stop();
    await Promise.all([issuer?.close(), auth?.close(), connector?.close()]);
    for (const [name, value] of [
      ['IDENTITY_ENDPOINT', saved.endpoint],
      ['IDENTITY_HEADER', saved.header],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('serves the page with a policy that allows only its own script and framing by Teams and Microsoft 365', async () => {
    const response = await fetch(`${bot.url}/console`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toMatch(/frame-ancestors https:\/\/teams\.microsoft\.com [^;]*https:\/\/\*\.microsoft365\.com/);
    const page = await response.text();
    expect(page).toContain('data-mode="teams"');
    expect(page).not.toMatch(/<script>|<script [^>]*>[^<]/); // no inline script
  });

  it.each<[string, () => Promise<string>]>([
    ['no token', async () => ''],
    ['a key the metadata does not list', () => tokenFor(ADMIN, {}, { foreignKey: true })],
    ['another audience', () => tokenFor(ADMIN, { aud: 'api://example.com/00000000-0000-0000-0000-000000000bad' })],
    ['another issuer', () => tokenFor(ADMIN, { iss: 'https://sts.example.com/not-entra/' })],
    ['an expired token', () => tokenFor(ADMIN, { exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['another tenant', () => tokenFor(ADMIN, { tid: OTHER_TENANT, iss: issuer.issuer(OTHER_TENANT) })],
  ])('answers 401 to %s, for reading and for changes', async (_name, token) => {
    const api = as(token);
    expect((await api.get('me')).status).toBe(401);
    const change = await api.post('requests/PR-ABCDEFGH/status', { status: 'completed' });
    expect(change.status).toBe(401);
    expect(change.body).toMatchObject({ error: 'Unauthorized' });
  });

  it('signs a privacy admin in with the Application ID URI or the app id as audience', async () => {
    const me = await as(() => tokenFor(ADMIN)).get('me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'admin', local: false, can: { changeRequests: true, changeNotices: true } });
    expect((await as(() => tokenFor(ADMIN, { aud: APP_ID })).get('me')).body).toMatchObject({ role: 'admin' });
  });

  it('gives a member of the privacy team (from the Teams roster) questions and reading, not changes', async () => {
    const api = as(() => tokenFor(MEMBER));
    const me = await api.get('me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'team', can: { changeRequests: false, changeNotices: false } });
    expect(connector.calls.some((call) => call.method === 'GET' && call.conversationId === PRIVACY_CHANNEL && call.path.endsWith(`/members/${MEMBER}`))).toBe(
      true,
    );
    expect((await api.get('requests')).status).toBe(200);
    expect((await api.get('insights')).status).toBe(200);
    const change = await api.post('requests/PR-ABCDEFGH/status', { status: 'completed' });
    expect(change.status).toBe(403);
    expect((await api.post('notices', { title: 'T', text: 'x' })).status).toBe(403);
    // What the bot learned is theirs to read, not to forget or accept: refused before the service is asked.
    expect((await api.get('learned')).status).toBe(200);
    expect(me.body).toMatchObject({ can: { forget: false } });
    expect((await api.del('learned/L-ABCDEFGH')).status).toBe(403);
    expect((await api.post('suggestions/0123456789abcdef01234567/accept')).status).toBe(403);
    expect((await api.post('suggestions/0123456789abcdef01234567/dismiss')).status).toBe(403);
    // Questions are theirs to work: through the guard to the service, which knows no such question.
    expect((await api.post('questions/Q-ABCDEFGH/assign')).status).toBe(404);
  });

  it('answers 403 to a signed-in person with no role', async () => {
    const answer = await as(() => tokenFor(STRANGER)).get('requests');
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: 'Forbidden', message: 'The console is for privacy admins and the privacy team.' });
  });

  it('refuses changes that do not come from the console page itself', async () => {
    const api = as(() => tokenFor(ADMIN));
    const url = `${bot.url}/console/api/requests/PR-ABCDEFGH/replay`;
    const token = await tokenFor(ADMIN);
    const withoutHeader = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(withoutHeader.status).toBe(403);
    expect((await api.post('requests/PR-ABCDEFGH/replay', undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api.post('requests/PR-ABCDEFGH/replay', undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // The same call from the page: through to the service, which knows no such request.
    expect((await api.post('requests/PR-ABCDEFGH/replay', undefined, { origin: bot.url, 'sec-fetch-site': 'same-origin' })).status).toBe(404);
  });

  it('keeps tokens, object ids and names out of the logs', async () => {
    await until(() => bot.logs.some((line) => line.includes('console call refused')), 5000, 'a refusal logged');
    const token = await tokenFor(ADMIN);
    const logs = bot.logs.join('\n');
    expect(logs).not.toContain(token.split('.')[1]);
    for (const id of [ADMIN, MEMBER, STRANGER]) expect(logs).not.toContain(id);
    expect(logs).not.toContain('Person ');
  });
});
