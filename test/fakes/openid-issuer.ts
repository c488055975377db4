/**
 * A local stand-in for Entra as the console sees it: OpenID metadata (with Entra's `{tenantid}`
 * issuer placeholder) and a JWKS, served over HTTP, and access tokens signed with `jose` as Teams
 * SSO would hand them to the console page. Tokens can be spoilt one claim at a time, or signed
 * with a key the metadata does not list.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

export interface TokenClaims extends JWTPayload {
  readonly oid?: string;
  readonly tid?: string;
  readonly name?: string;
}

export interface FakeOpenIdIssuer {
  readonly metadataUrl: string;
  /** The issuer for a tenant, as Entra writes it in v2 tokens. */
  issuer(tenantId: string): string;
  /** A token for `claims` (aud, oid, tid, name; exp one hour ahead unless given); `foreignKey` signs with a key not in the JWKS. */
  token(claims: TokenClaims, options?: { foreignKey?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeOpenIdIssuer(): Promise<FakeOpenIdIssuer> {
  const [listed, foreign] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
  const kid = 'console-test-key';
  const jwk = { ...(await exportJWK(listed.publicKey)), kid, use: 'sig', alg: 'RS256' };
  let base = '';
  const server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/common/v2.0/.well-known/openid-configuration')
      return json(200, { issuer: `${base}/{tenantid}/v2.0`, jwks_uri: `${base}/common/discovery/v2.0/keys` });
    if (req.url === '/common/discovery/v2.0/keys') return json(200, { keys: [jwk] });
    return json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (claims: TokenClaims, key: KeyLike) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ver: '2.0', scp: 'access_as_user', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(claims.exp ?? now + 3600)
      .setIssuer(claims.iss ?? `${base}/${claims.tid}/v2.0`)
      .sign(key);
  };
  return {
    metadataUrl: `${base}/common/v2.0/.well-known/openid-configuration`,
    issuer: (tenantId) => `${base}/${tenantId}/v2.0`,
    token: (claims, options = {}) => sign(claims, options.foreignKey ? foreign.privateKey : listed.privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
