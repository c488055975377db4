/**
 * A local stand-in for the Bot Framework's token issuer, so tests can send authenticated activities
 * to a bot with BOT_ID set: an OpenID metadata document and signing keys (endorsed for msteams, as
 * the real ones are) that the real botbuilder validation fetches and checks, and RS256 tokens signed
 * with those keys. Also App Service's managed-identity endpoint, which hands the bot (as a
 * UserAssignedMsi bot, like the Bicep deployment) tokens for its replies to the connector.
 */
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const IDENTITY_HEADER = 'local-bot-identity-header';

export interface FakeBotFrameworkAuth {
  /** For AppOptions.botFrameworkKeys. */
  readonly openIdMetadataUrl: string;
  /** For IDENTITY_ENDPOINT (with IDENTITY_HEADER): the managed identity's token endpoint. */
  readonly identityEndpoint: string;
  /** A token as the Bot Framework would send with an activity for this bot and service URL. */
  token(appId: string, serviceUrl: string): string;
  close(): Promise<void>;
}

export async function startFakeBotFrameworkAuth(): Promise<FakeBotFrameworkAuth> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = publicKey.export({ format: 'jwk' });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/v1/.well-known/openidconfiguration') {
      return json(200, { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (url.pathname === '/v1/keys') return json(200, { keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
    if (url.pathname === '/msi/token' && req.headers['x-identity-header'] === IDENTITY_HEADER) {
      const now = Math.floor(Date.now() / 1000);
      return json(200, { access_token: `bot-token-${now}`, expires_on: String(now + 3600), resource: url.searchParams.get('resource'), token_type: 'Bearer' });
    }
    return json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    identityEndpoint: `${base}/msi/token`,
    token(appId, serviceUrl) {
      const now = Math.floor(Date.now() / 1000);
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part({ iss: BOT_FRAMEWORK_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600 })}`;
      return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
