/**
 * The only reader of process.env. Every variable of the contract is parsed here once into a frozen,
 * typed object; a bad value throws CONFIG_INVALID with one line naming the variable.
 */
import path from 'node:path';
import { AppError } from './errors';
import { forbiddenHost } from './requests/webhook-address';

export type BotType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMsi';
export type StorageKind = 'file' | 'azure';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly nodeEnv: string;
  readonly bot: {
    readonly id: string;
    readonly password: string;
    readonly type: BotType;
    readonly tenantId: string;
    /** Empty BOT_ID: no token checks. Never allowed in production. */
    readonly localMode: boolean;
  };
  readonly allowedTenantIds: readonly string[];
  readonly contentDir: string;
  /** The language of the files directly in contentDir (a tag); subfolders named by a tag hold other languages. */
  readonly contentLanguage: string;
  readonly dataDir: string;
  readonly storage: {
    readonly kind: StorageKind;
    readonly connectionString: string;
    readonly accountUrl: string;
  };
  readonly webhook: {
    readonly url: string;
    /** Raw `whsec_` secrets, space separated in the variable: several during key rotation. */
    readonly secrets: readonly string[];
    readonly scope: string;
    readonly retryBaseMs: number;
    readonly retryMaxMs: number;
    readonly maxAttempts: number;
  };
  /** Undefined: one calendar month after receipt. */
  readonly requestDueDays: number | undefined;
  /** After a request is sent: the status API, the admins' reminders, and the bot's own retention. */
  readonly requests: {
    /** Bearer token for POST /api/requests/{id}/status; empty: only Standard Webhooks signatures. */
    readonly statusToken: string;
    readonly reminderDays: number;
    readonly retentionDays: number;
  };
  /** Entra object ids, lower-cased: they send notices and get alerts and reminders. */
  readonly privacyAdminIds: readonly string[];
  /** Days a request form can be sent after it is shown; older forms get "this form has expired". */
  readonly formTokenTtlDays: number;
  readonly notices: {
    /** Calls to Teams per second for notices (posts, updates, deletes); with Azure storage, for all instances together. */
    readonly maxRps: number;
    readonly apiToken: string;
    /** Days after a notice goes out that its acknowledgements are erased; 0 keeps them until the notice is purged. */
    readonly acknowledgementRetentionDays: number;
  };
  /** The privacy team's channel (conversation id) where questions arrive; empty: nobody is offered to ask. */
  readonly privacyTeamChannel: string;
  /** The privacy team's console (GET /console). */
  readonly console: {
    /** Local mode only: the Entra object id the console signs everyone in as (lower-cased). */
    readonly devUser: string;
    /** Where the keys and issuer of Teams SSO tokens are described (OpenID Connect metadata). */
    readonly openIdMetadataUrl: string;
  };
  readonly logLevel: LogLevel;
  readonly telemetry: TelemetryConfig;
}

/** Where traces and metrics go; both empty: nowhere. The OTLP exporters read the other OTEL_* variables themselves. */
export interface TelemetryConfig {
  readonly azureMonitorConnectionString: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT, or a per-signal endpoint: set, the OTLP exporters are started. */
  readonly otlpEndpoint: string;
  readonly otlpProtocol: 'http/json' | 'http/protobuf';
  readonly metricExportIntervalMs: number;
  /** OTEL_TRACES_SAMPLER is set: the SDK builds that sampler. Unset: a few traces a second (rate-limited-sampler.ts). */
  readonly samplerFromEnv: boolean;
}

/** The Microsoft 365 Agents Playground's signed-in user: the console's default person in local mode. */
export const PLAYGROUND_USER = '00000000-0000-0000-0000-0000000000020';
const ENTRA_OPENID_METADATA = 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';

type Env = Record<string, string | undefined>;

function fail(name: string, problem: string): never {
  throw new AppError('CONFIG_INVALID', `${name}: ${problem}`, { variable: name });
}

/** Empty and unset mean the same: Teams Toolkit env files carry empty lines for unset values. */
function read(env: Env, name: string): string {
  return (env[name] ?? '').trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw)) fail(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) fail(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function list(env: Env, name: string, separator: RegExp = /[,\s]+/): string[] {
  return read(env, name)
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === '') return fallback;
  const match = allowed.find((value) => value.toLowerCase() === raw.toLowerCase());
  if (!match) fail(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return match;
}

function url(env: Env, name: string): string {
  const raw = read(env, name);
  if (raw === '') return '';
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    fail(name, 'is not a valid URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') fail(name, 'must be an http(s) URL');
  return parsed.toString();
}

function webhookSecrets(env: Env): string[] {
  const secrets = list(env, 'PRIVACY_WEBHOOK_SECRET', /\s+/);
  for (const secret of secrets) {
    if (!secret.startsWith('whsec_')) fail('PRIVACY_WEBHOOK_SECRET', 'each secret must start with whsec_');
    const key = secret.slice('whsec_'.length);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key) || Buffer.from(key, 'base64').length < 16) {
      fail('PRIVACY_WEBHOOK_SECRET', 'the part after whsec_ must be base64 of at least 16 bytes');
    }
  }
  return secrets;
}

/**
 * ALLOWED_TENANT_IDS when set. Left empty, a single-tenant bot (SingleTenant, UserAssignedMsi)
 * serves only its own tenant, BOT_TENANT_ID: any other organisation's people could otherwise file
 * requests and have their teams sent this organisation's notices. Multi-tenant and local bots serve
 * any tenant while the list is empty, as before.
 */
function allowedTenants(env: Env, localMode: boolean, botType: BotType, botTenantId: string): string[] {
  const listed = list(env, 'ALLOWED_TENANT_IDS').map((id) => id.toLowerCase());
  if (listed.length > 0 || localMode || botType === 'MultiTenant') return listed;
  return [botTenantId.toLowerCase()];
}

function telemetry(env: Env): TelemetryConfig {
  const disabled = read(env, 'OTEL_SDK_DISABLED').toLowerCase() === 'true';
  const azureMonitorConnectionString = disabled ? '' : read(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (azureMonitorConnectionString && !/InstrumentationKey=[^;]+/i.test(azureMonitorConnectionString)) {
    fail('APPLICATIONINSIGHTS_CONNECTION_STRING', 'must be an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...)');
  }
  const endpoints = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'].map((name) => url(env, name));
  // The OTLP specification's default protocol; gRPC is not bundled.
  const protocol = read(env, 'OTEL_EXPORTER_OTLP_PROTOCOL') || 'http/protobuf';
  if (protocol !== 'http/json' && protocol !== 'http/protobuf') fail('OTEL_EXPORTER_OTLP_PROTOCOL', `must be http/protobuf or http/json, got "${protocol}"`);
  return {
    azureMonitorConnectionString,
    otlpEndpoint: disabled ? '' : (endpoints.find(Boolean) ?? ''),
    otlpProtocol: protocol,
    metricExportIntervalMs: integer(env, 'OTEL_METRIC_EXPORT_INTERVAL', 60_000, 100, 86_400_000),
    samplerFromEnv: read(env, 'OTEL_TRACES_SAMPLER') !== '',
  };
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnv = read(env, 'NODE_ENV') || 'development';
  const botId = read(env, 'BOT_ID');
  const localMode = botId === '';
  if (localMode && nodeEnv === 'production') {
    fail('BOT_ID', 'is empty, which is local mode (no token checks); refused with NODE_ENV=production');
  }
  const botType = oneOf(env, 'BOT_TYPE', ['MultiTenant', 'SingleTenant', 'UserAssignedMsi'] as const, 'MultiTenant');
  const botTenantId = read(env, 'BOT_TENANT_ID');
  if (!localMode && botType !== 'MultiTenant' && botTenantId === '') {
    fail('BOT_TENANT_ID', `is required when BOT_TYPE is ${botType}`);
  }

  const storageKind = oneOf(env, 'STORAGE', ['file', 'azure'] as const, 'file');
  const connectionString = read(env, 'AZURE_STORAGE_CONNECTION_STRING');
  const accountUrl = url(env, 'AZURE_STORAGE_ACCOUNT_URL');
  if (storageKind === 'azure' && !connectionString && !accountUrl) {
    fail('STORAGE', 'is azure but neither AZURE_STORAGE_CONNECTION_STRING nor AZURE_STORAGE_ACCOUNT_URL is set');
  }

  const webhookUrl = url(env, 'PRIVACY_WEBHOOK_URL');
  const secrets = webhookSecrets(env);
  if (webhookUrl) {
    const parsed = new URL(webhookUrl);
    if (!localMode && parsed.protocol !== 'https:') fail('PRIVACY_WEBHOOK_URL', 'must be https outside local mode');
    const forbidden = forbiddenHost(parsed.hostname);
    if (forbidden) fail('PRIVACY_WEBHOOK_URL', `must not be a link-local, metadata or Azure WireServer address, and this is ${forbidden}`);
    if (secrets.length === 0) fail('PRIVACY_WEBHOOK_SECRET', 'is required when PRIVACY_WEBHOOK_URL is set');
  }
  const retryBaseMs = integer(env, 'PRIVACY_WEBHOOK_RETRY_BASE_MS', 5000, 1, 86_400_000);
  const retryMaxMs = integer(env, 'PRIVACY_WEBHOOK_RETRY_MAX_MS', 3_600_000, 1, 7 * 86_400_000);
  if (retryMaxMs < retryBaseMs) fail('PRIVACY_WEBHOOK_RETRY_MAX_MS', 'must not be below PRIVACY_WEBHOOK_RETRY_BASE_MS');

  const dueDaysRaw = read(env, 'REQUEST_DUE_DAYS');
  const requestDueDays = dueDaysRaw === '' ? undefined : integer(env, 'REQUEST_DUE_DAYS', 0, 1, 3650);

  const privacyTeamChannel = read(env, 'PRIVACY_TEAM_CHANNEL');
  // A thread's id (the channel's id with ;messageid=...) would put every question under one post.
  if (privacyTeamChannel !== '' && !/^[^\s;]{3,300}$/.test(privacyTeamChannel)) {
    fail('PRIVACY_TEAM_CHANNEL', "must be a channel's conversation id such as 19:...@thread.tacv2, without spaces or ;messageid=");
  }

  const openIdMetadataUrl = url(env, 'CONSOLE_OPENID_METADATA_URL') || ENTRA_OPENID_METADATA;
  // The keys that sign console tokens: fetched over plain http, anyone on the path could swap them.
  if (nodeEnv === 'production' && !openIdMetadataUrl.startsWith('https:')) fail('CONSOLE_OPENID_METADATA_URL', 'must be https in production');

  const noticeToken = read(env, 'NOTICE_API_TOKEN');
  if (noticeToken !== '' && noticeToken.length < 16) fail('NOTICE_API_TOKEN', 'must be at least 16 characters');
  const statusToken = read(env, 'PRIVACY_STATUS_TOKEN');
  if (statusToken !== '' && statusToken.length < 16) fail('PRIVACY_STATUS_TOKEN', 'must be at least 16 characters');

  const config: Config = {
    port: integer(env, 'PORT', 3978, 0, 65535),
    nodeEnv,
    bot: { id: botId, password: read(env, 'BOT_PASSWORD'), type: botType, tenantId: botTenantId, localMode },
    allowedTenantIds: allowedTenants(env, localMode, botType, botTenantId),
    contentDir: path.resolve(cwd, read(env, 'CONTENT_DIR') || './content'),
    contentLanguage: contentLanguage(env),
    dataDir: path.resolve(cwd, read(env, 'DATA_DIR') || './.data'),
    storage: { kind: storageKind, connectionString, accountUrl },
    webhook: {
      url: webhookUrl,
      secrets,
      scope: read(env, 'PRIVACY_WEBHOOK_SCOPE'),
      retryBaseMs,
      retryMaxMs,
      maxAttempts: integer(env, 'PRIVACY_WEBHOOK_MAX_ATTEMPTS', 15, 1, 1000),
    },
    requestDueDays,
    requests: {
      statusToken,
      reminderDays: integer(env, 'REQUEST_REMINDER_DAYS', 7, 1, 365),
      retentionDays: integer(env, 'REQUEST_RETENTION_DAYS', 365, 1, 36_500),
    },
    // NOTICE_ADMIN_IDS is the earlier name: deployments that set it keep their admins.
    privacyAdminIds: list(env, read(env, 'PRIVACY_ADMIN_IDS') ? 'PRIVACY_ADMIN_IDS' : 'NOTICE_ADMIN_IDS').map((id) => id.toLowerCase()),
    formTokenTtlDays: integer(env, 'FORM_TOKEN_TTL_DAYS', 7, 1, 365),
    notices: {
      maxRps: integer(env, 'NOTICE_MAX_RPS', 30, 1, 50),
      apiToken: noticeToken,
      acknowledgementRetentionDays: integer(env, 'NOTICE_ACK_RETENTION_DAYS', 365, 0, 3650),
    },
    privacyTeamChannel,
    console: {
      devUser: (read(env, 'CONSOLE_DEV_USER') || PLAYGROUND_USER).toLowerCase(),
      openIdMetadataUrl,
    },
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    telemetry: telemetry(env),
  };
  return deepFreeze(config);
}

/** What start-up logs: which store and account, whether secrets are set, never their values. */
export function configSummary(config: Config): Record<string, unknown> {
  return {
    port: config.port,
    mode: config.bot.localMode ? 'local (no token checks)' : `${config.bot.type}`,
    tenantsAllowed: config.allowedTenantIds.length || 'any',
    contentDir: config.contentDir,
    contentLanguage: config.contentLanguage,
    storage: config.storage.kind === 'file' ? `file:${config.dataDir}` : `azure:${storageAccountName(config)}`,
    webhook: config.webhook.url ? new URL(config.webhook.url).host : 'not set (requests stay in the outbox)',
    webhookSecrets: config.webhook.secrets.length,
    webhookScope: config.webhook.scope ? 'set' : 'not set',
    privacyAdmins: config.privacyAdminIds.length,
    noticeApi: config.notices.apiToken ? 'enabled' : 'disabled',
    requestStatusApi: config.requests.statusToken
      ? 'token' + (config.webhook.secrets.length ? ' and signatures' : '')
      : config.webhook.secrets.length
        ? 'signatures'
        : 'disabled',
    requestRetentionDays: config.requests.retentionDays,
    privacyTeamChannel: config.privacyTeamChannel ? 'set' : 'not set (nobody is offered to ask the privacy team)',
    console: config.bot.localMode ? 'local sign-in (CONSOLE_DEV_USER)' : `Teams SSO, keys from ${new URL(config.console.openIdMetadataUrl).host}`,
    telemetry: config.telemetry.azureMonitorConnectionString
      ? 'azure monitor'
      : config.telemetry.otlpEndpoint
        ? `otlp ${config.telemetry.otlpProtocol} to ${new URL(config.telemetry.otlpEndpoint).host}`
        : 'off',
  };
}

/** CONTENT_LANGUAGE: a language tag, "en" when unset. */
function contentLanguage(env: Env): string {
  const value = read(env, 'CONTENT_LANGUAGE') || 'en';
  try {
    const [tag] = Intl.getCanonicalLocales(value);
    if (tag) return tag;
  } catch {
    // Reported below with the variable's name.
  }
  fail('CONTENT_LANGUAGE', 'must be a language tag such as en, de or pt-BR');
}

/** The account name only: connection strings carry keys. */
export function storageAccountName(config: Config): string {
  if (config.storage.accountUrl) {
    const url = new URL(config.storage.accountUrl);
    // Azure: the account is the host's first label. An emulator on an address: the path's first part.
    const local = /^(localhost|\d+\.\d+\.\d+\.\d+|\[.*\])$/.test(url.hostname);
    return local ? url.pathname.split('/')[1] || url.host : url.hostname.split('.')[0];
  }
  const match = /AccountName=([^;]+)/i.exec(config.storage.connectionString);
  if (match) return match[1];
  return /UseDevelopmentStorage=true/i.test(config.storage.connectionString) ? 'devstoreaccount1' : 'unknown';
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
