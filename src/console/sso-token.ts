/**
 * Validates the Teams SSO token the console page sends (an Entra access token for the app's API) with
 * `jose`: the signature against the keys named by the OpenID metadata, the issuer, the audience, the
 * expiry and the tenant. Nothing of the token is trusted before `jwtVerify` has checked it: the
 * unverified claims only choose which exact issuer and audience jose is then told to require.
 */
import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../errors';
import { strings } from '../strings';

/** What the console knows of a person once their token is valid. */
export interface SignedInPerson {
  readonly aadObjectId: string;
  readonly tenantId: string;
  /** From the token's `name` claim: shown in the audit trail, never logged. */
  readonly name: string;
}

export interface SsoTokenOptions {
  /** BOT_ID: the app the token must be for. */
  readonly appId: string;
  /** Tenants allowed (ALLOWED_TENANT_IDS, or BOT_TENANT_ID for a single-tenant bot); empty: any. */
  readonly allowedTenantIds: readonly string[];
  readonly openIdMetadataUrl: string;
  /** Seconds of clock skew tolerated on exp and nbf. */
  readonly clockToleranceSeconds?: number;
}

interface OpenIdMetadata {
  readonly issuer: string;
  readonly jwks_uri: string;
}

/** Tokens longer than this are not tokens: refused before decoding. */
const MAX_TOKEN_CHARS = 8192;
/** Metadata is read again after this, so a key rollover or a moved issuer is picked up. */
const METADATA_TTL_MS = 24 * 60 * 60_000;

export class SsoTokenValidator {
  private metadata?: { readonly value: OpenIdMetadata; readonly keys: ReturnType<typeof createRemoteJWKSet>; readonly at: number };

  constructor(private readonly options: SsoTokenOptions) {}

  /** The person the token names; throws UNAUTHORIZED for any token that is not valid for this app. */
  async validate(token: string): Promise<SignedInPerson> {
    if (token.length === 0 || token.length > MAX_TOKEN_CHARS) throw invalid('shape');
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw invalid('shape');
    }
    const tenantId = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
    // Entra tenant ids are GUIDs; anything outside this bound never reaches the issuer string.
    if (!/^[0-9a-z-]{1,64}$/.test(tenantId)) throw invalid('tenant');
    if (this.options.allowedTenantIds.length > 0 && !this.options.allowedTenantIds.includes(tenantId)) throw invalid('tenant');
    const { value: metadata, keys } = await this.loadMetadata();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        // Entra's multi-tenant metadata names the issuer with a {tenantid} placeholder.
        issuer: metadata.issuer.replace('{tenantid}', tenantId),
        audience: this.audienceOf(unverified.aud),
        algorithms: ['RS256'],
        clockTolerance: this.options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iss', 'aud', 'oid', 'tid'],
      }));
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) throw invalid(err.code);
      throw err;
    }
    const aadObjectId = String(payload.oid).toLowerCase();
    return { aadObjectId, tenantId, name: typeof payload.name === 'string' ? payload.name : '' };
  }

  /**
   * The audience to require: the app's id, or its Application ID URI `api://{host}/{app id}`. Entra
   * lets only this app's registration carry its id in a URI, so any host in front of it is ours.
   */
  private audienceOf(claimed: JWTPayload['aud']): string {
    const appId = this.options.appId.toLowerCase();
    const candidates = Array.isArray(claimed) ? claimed : [claimed];
    const match = candidates.find(
      (aud): aud is string => typeof aud === 'string' && (aud.toLowerCase() === appId || new RegExp(`^api://[^/\\s]+/${escape(appId)}$`, 'i').test(aud)),
    );
    // No acceptable audience: require the app id itself, which jose then refuses with its own error.
    return match ?? this.options.appId;
  }

  private async loadMetadata() {
    if (this.metadata && Date.now() - this.metadata.at < METADATA_TTL_MS) return this.metadata;
    let value: OpenIdMetadata;
    try {
      const response = await fetch(this.options.openIdMetadataUrl, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`status ${response.status}`);
      value = (await response.json()) as OpenIdMetadata;
      if (typeof value.issuer !== 'string' || typeof value.jwks_uri !== 'string') throw new Error('incomplete metadata');
    } catch (err) {
      if (this.metadata) return this.metadata; // keep the keys we have until Entra answers again
      throw new AppError('TIMEOUT', 'OpenID metadata unreachable', { reason: (err as Error).message.slice(0, 40) });
    }
    this.metadata = { value, keys: createRemoteJWKSet(new URL(value.jwks_uri), { timeoutDuration: 10_000 }), at: Date.now() };
    return this.metadata;
  }
}

function invalid(reason: string): AppError {
  return new AppError('UNAUTHORIZED', strings.console.api.tokenInvalid, { reason });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
