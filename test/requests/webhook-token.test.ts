/**
 * PRIVACY_WEBHOOK_SCOPE: each delivery carries an Entra bearer token from @azure/identity. The real
 * DefaultAzureCredential runs here; App Service's managed-identity endpoint (IDENTITY_ENDPOINT and
 * IDENTITY_HEADER) is a local server that hands out tokens and counts how often it is asked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { actionData, driver, facts } from './drive';

const SCOPE = 'api://privacy-intake/.default';
const IDENTITY_HEADER = 'local-identity-secret';

describe('bearer tokens for the privacy webhook', () => {
  let tokenServer: http.Server;
  const tokenRequests: Array<{ resource: string | null; header: string | undefined }> = [];
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    tokenServer = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      tokenRequests.push({ resource: url.searchParams.get('resource'), header: req.headers['x-identity-header'] as string | undefined });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          access_token: `token-${tokenRequests.length}`,
          expires_on: String(Math.floor(Date.now() / 1000) + 3600),
          resource: url.searchParams.get('resource'),
          token_type: 'Bearer',
        }),
      );
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/msi/token`;
    process.env.IDENTITY_HEADER = IDENTITY_HEADER;
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    bot = await bootBot({
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
      PRIVACY_WEBHOOK_SCOPE: SCOPE,
      PRIVACY_WEBHOOK_RETRY_BASE_MS: '100',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([connector.close(), receiver.close(), new Promise((resolve) => tokenServer.close(resolve))]);
    process.env.IDENTITY_ENDPOINT = saved.endpoint;
    process.env.IDENTITY_HEADER = saved.header;
    if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
    if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
  });

  async function file(n: number): Promise<string> {
    const person: Person = { id: `29:token${n}`, aadObjectId: `aad-token${n}`, name: `T${n}` };
    const chat = driver(bot, connector, { from: person });
    const [form] = await chat.say('export my data');
    return facts((await chat.press('request.submit', { ...actionData(form, 'request.submit'), include: 'account', format: 'json' })).card).Reference;
  }

  it('sends the token with every delivery, fetched once and cached, alongside the signature', async () => {
    const ids = [await file(1), await file(2), await file(3)];
    await receiver.waitForEvents(3);
    for (const id of ids) expect(receiver.attempts.find((attempt) => attempt.id === id)?.authorization).toBe('Bearer token-1');
    expect(tokenRequests).toHaveLength(1);
    // The managed-identity endpoint is asked for the scope's resource, with its secret header.
    expect(tokenRequests[0]).toEqual({ resource: 'api://privacy-intake', header: IDENTITY_HEADER });
  });

  // Managed identity keeps its tokens in a process-wide cache with no bypass, so the retry after a
  // 401 may carry the same token: what is checked is that there is exactly one retry, with a token.
  it('after a 401, asks the credential again and retries once', async () => {
    receiver.gate = ({ n }) => (n === 1 ? { status: 401 } : undefined);
    const id = await file(4);
    await until(() => receiver.events.some((event) => event.data.id === id), 10_000, `${id} delivered`);
    receiver.gate = undefined;
    const attempts = receiver.attempts.filter((attempt) => attempt.id === id);
    expect(attempts.map((attempt) => attempt.status)).toEqual([401, 200]);
    for (const attempt of attempts) expect(attempt.authorization).toMatch(/^Bearer token-\d+$/);
  });

  it('dead-letters when the fresh token is refused too', async () => {
    receiver.gate = () => ({ status: 403 });
    const id = await file(5);
    await until(() => bot.logs.some((line) => line.includes('request dead-lettered') && line.includes(id)), 10_000, `${id} dead-lettered`);
    receiver.gate = undefined;
    expect(receiver.attempts.filter((attempt) => attempt.id === id).map((attempt) => attempt.status)).toEqual([403, 403]);
    expect(bot.logs.join('\n')).not.toContain('token-');
  });
});
