/**
 * STORAGE=azure with AZURE_STORAGE_ACCOUNT_URL: no keys, the bot signs in with DefaultAzureCredential.
 * The real credential chain runs in a real bot process; App Service's managed-identity endpoint
 * (IDENTITY_ENDPOINT, IDENTITY_HEADER) is a local server, and Azurite serves https and checks the
 * bearer tokens' issuer, audience and lifetime, as Azure Storage does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Person } from '../fakes/activities';
import { startAzurite, type Azurite } from '../fakes/azurite';
import { overHttp, servingPort, startBotProcess, type BotProcess } from '../fakes/bot-process';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { actionData, driver, facts } from '../requests/drive';

const IDENTITY_HEADER = 'local-identity-header';

/** An Entra-shaped access token: Azurite reads its claims and does not check the signature. */
function accessToken(resource: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: resource, iss: 'https://sts.windows.net/00000000-0000-0000-0000-000000000001/', iat: now, nbf: now - 60, exp: now + 3600, oid: 'bot-identity' })}.c2lnbmF0dXJl`;
}

describe('Azure storage through @azure/identity (account URL, no keys)', () => {
  let azurite: Azurite;
  let connector: FakeConnector;
  let tokenServer: http.Server;
  let cert: string;
  const tokenRequests: Array<{ resource: string | null; header: unknown }> = [];
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tls-'));
    cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    tokenServer = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const resource = url.searchParams.get('resource');
      tokenRequests.push({ resource, header: req.headers['x-identity-header'] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ access_token: accessToken(resource ?? ''), expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource, token_type: 'Bearer' }),
      );
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    [azurite, connector] = await Promise.all([startAzurite({ tls: { cert, key } }), startFakeConnector()]);
  });
  afterAll(async () => {
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await Promise.all([azurite.dispose(), connector.close(), new Promise((resolve) => tokenServer.close(resolve))]);
  });

  it('keeps requests in Azure Table Storage with a managed-identity token, and names the account, never a key', async () => {
    bot = startBotProcess({
      STORAGE: 'azure',
      AZURE_STORAGE_ACCOUNT_URL: azurite.tableUrl,
      IDENTITY_ENDPOINT: `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/msi/token`,
      IDENTITY_HEADER,
      // The emulator's self-signed certificate, trusted for this process only.
      NODE_EXTRA_CA_CERTS: cert,
      CONTENT_DIR: 'content',
    });
    const port = await servingPort(bot);
    const serving = bot.output.find((line) => line.includes('privacy assistant serving'))!;
    expect(serving).toContain('azure table storage (account devstoreaccount1)');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const person: Person = { id: '29:identity', aadObjectId: 'aad-identity', name: 'Ida' };
    const chat = driver(overHttp(port), connector, { from: person });
    const [form] = await chat.say('export my data');
    const id = facts((await chat.press('request.submit', { ...actionData(form, 'request.submit'), include: 'account', format: 'json' })).card).Reference;
    expect(id).toMatch(/^PR-/);
    const [list] = await chat.say('my requests');
    expect(JSON.stringify(list)).toContain(id);

    expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
    expect(tokenRequests.every((request) => request.resource === 'https://storage.azure.com' && request.header === IDENTITY_HEADER)).toBe(true);
    // Cached: a handful of token fetches at most, not one per storage call.
    expect(tokenRequests.length).toBeLessThan(3);
    expect(bot.output.join('\n')).not.toMatch(/eyJ|AccountKey/);
  });
});
