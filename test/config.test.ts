import path from 'node:path';
import { configSummary, loadConfig, storageAccountName } from '../src/config';
import { isAppError } from '../src/errors';
import { loadEnvFiles } from '../src/env-files';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function failureOf(env: Record<string, string>): string {
  try {
    loadConfig(env, '/srv/bot');
  } catch (err) {
    if (isAppError(err, 'CONFIG_INVALID')) return err.message;
    throw err;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('starts in local mode on the embedded defaults with no variables at all', () => {
    const config = loadConfig({}, '/srv/bot');
    expect(config.port).toBe(3978);
    expect(config.bot.localMode).toBe(true);
    expect(config.storage.kind).toBe('file');
    expect(config.dataDir).toBe(path.resolve('/srv/bot/.data'));
    expect(config.contentDir).toBe(path.resolve('/srv/bot/content'));
    expect(config.webhook).toMatchObject({ url: '', retryBaseMs: 5000, retryMaxMs: 3_600_000, maxAttempts: 15 });
    expect(config.notices.maxRps).toBe(30);
    expect(config.requestDueDays).toBeUndefined();
    expect(Object.isFrozen(config) && Object.isFrozen(config.webhook)).toBe(true);
  });

  it('reads privacy admins from PRIVACY_ADMIN_IDS, and from NOTICE_ADMIN_IDS (the earlier name) when only that is set', () => {
    expect(loadConfig({ PRIVACY_ADMIN_IDS: 'AAA-1, bbb-2' }, '/srv/bot').privacyAdminIds).toEqual(['aaa-1', 'bbb-2']);
    expect(loadConfig({ NOTICE_ADMIN_IDS: 'CCC-3' }, '/srv/bot').privacyAdminIds).toEqual(['ccc-3']);
    expect(loadConfig({ PRIVACY_ADMIN_IDS: 'aaa-1', NOTICE_ADMIN_IDS: 'ccc-3' }, '/srv/bot').privacyAdminIds).toEqual(['aaa-1']);
    expect(loadConfig({}, '/srv/bot').privacyAdminIds).toEqual([]);
  });

  it('treats empty values like unset ones, as Teams Toolkit env files write them', () => {
    const config = loadConfig({ PORT: '', BOT_ID: '', STORAGE: '', NOTICE_MAX_RPS: ' ' }, '/srv/bot');
    expect(config.port).toBe(3978);
    expect(config.storage.kind).toBe('file');
  });

  it.each([
    ['a UserAssignedMsi bot serves only its own tenant', { BOT_ID: 'app', BOT_TYPE: 'UserAssignedMsi', BOT_TENANT_ID: 'Tenant-A' }, ['tenant-a']],
    ['a SingleTenant bot serves only its own tenant', { BOT_ID: 'app', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: 'tenant-a', BOT_PASSWORD: 'p' }, ['tenant-a']],
    [
      'a single-tenant bot serves the tenants listed, when they are',
      { BOT_ID: 'app', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: 'tenant-a', ALLOWED_TENANT_IDS: 'tenant-a, Tenant-B' },
      ['tenant-a', 'tenant-b'],
    ],
    ['a MultiTenant bot serves any tenant while the list is empty', { BOT_ID: 'app', BOT_TYPE: 'MultiTenant', BOT_TENANT_ID: 'tenant-a' }, []],
    ['a MultiTenant bot serves the tenants listed', { BOT_ID: 'app', ALLOWED_TENANT_IDS: 'tenant-c' }, ['tenant-c']],
    ['local mode serves any tenant while the list is empty', { BOT_TENANT_ID: 'tenant-a' }, []],
  ])('%s', (_name, env, tenants) => {
    expect(loadConfig(env as Record<string, string>, '/srv/bot').allowedTenantIds).toEqual(tenants);
  });

  it('keeps request forms for FORM_TOKEN_TTL_DAYS, 7 by default', () => {
    expect(loadConfig({}, '/srv/bot').formTokenTtlDays).toBe(7);
    expect(loadConfig({ FORM_TOKEN_TTL_DAYS: '30' }, '/srv/bot').formTokenTtlDays).toBe(30);
    expect(failureOf({ FORM_TOKEN_TTL_DAYS: '0' })).toMatch(/^FORM_TOKEN_TTL_DAYS: must be between 1 and 365/);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: must be between/],
    [{ BOT_TYPE: 'Sometimes' }, /^BOT_TYPE: must be one of MultiTenant, SingleTenant, UserAssignedMsi/],
    [{ STORAGE: 'redis' }, /^STORAGE: /],
    [{ STORAGE: 'azure' }, /^STORAGE: is azure but neither/],
    [{ PRIVACY_WEBHOOK_URL: 'not a url', PRIVACY_WEBHOOK_SECRET: SECRET }, /^PRIVACY_WEBHOOK_URL: is not a valid URL/],
    [{ PRIVACY_WEBHOOK_URL: 'https://hooks.example/x' }, /^PRIVACY_WEBHOOK_SECRET: is required/],
    [{ PRIVACY_WEBHOOK_SECRET: 'abc' }, /^PRIVACY_WEBHOOK_SECRET: each secret must start with whsec_/],
    [{ PRIVACY_WEBHOOK_SECRET: 'whsec_!!!' }, /^PRIVACY_WEBHOOK_SECRET: the part after whsec_/],
    [
      { PRIVACY_WEBHOOK_URL: 'http://169.254.169.254/latest', PRIVACY_WEBHOOK_SECRET: SECRET },
      /^PRIVACY_WEBHOOK_URL: must not be a link-local, metadata or Azure WireServer address/,
    ],
    [{ PRIVACY_WEBHOOK_RETRY_BASE_MS: '100', PRIVACY_WEBHOOK_RETRY_MAX_MS: '10' }, /^PRIVACY_WEBHOOK_RETRY_MAX_MS: /],
    [{ NOTICE_MAX_RPS: '500' }, /^NOTICE_MAX_RPS: must be between 1 and 50/],
    [{ NOTICE_API_TOKEN: 'short' }, /^NOTICE_API_TOKEN: /],
    [{ REQUEST_DUE_DAYS: '-3' }, /^REQUEST_DUE_DAYS: /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ PRIVACY_TEAM_CHANNEL: '19:abc@thread.tacv2;messageid=1700000000000' }, /^PRIVACY_TEAM_CHANNEL: must be a channel's conversation id/],
  ])('refuses %j with one line naming the variable', (env, expected) => {
    const message = failureOf(env as Record<string, string>);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('refuses local mode in production', () => {
    expect(failureOf({ NODE_ENV: 'production' })).toMatch(/^BOT_ID: .*refused with NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', BOT_ID: 'app-id', BOT_PASSWORD: 'x' }).bot.localMode).toBe(false);
  });

  it("signs the console in locally as the Playground's user, and finds Teams SSO keys at Entra unless told otherwise", () => {
    const defaults = loadConfig({});
    expect(defaults.console).toEqual({
      devUser: '00000000-0000-0000-0000-0000000000020',
      openIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    });
    expect(
      loadConfig({ CONSOLE_DEV_USER: 'ABCD-1', CONSOLE_OPENID_METADATA_URL: 'https://login.microsoftonline.us/common/v2.0/.well-known/openid-configuration' })
        .console,
    ).toEqual({
      devUser: 'abcd-1',
      openIdMetadataUrl: 'https://login.microsoftonline.us/common/v2.0/.well-known/openid-configuration',
    });
    expect(failureOf({ CONSOLE_OPENID_METADATA_URL: 'not a url' })).toMatch(/^CONSOLE_OPENID_METADATA_URL: is not a valid URL/);
    expect(failureOf({ NODE_ENV: 'production', BOT_ID: 'app-id', CONSOLE_OPENID_METADATA_URL: 'http://keys.example/openid' })).toMatch(
      /^CONSOLE_OPENID_METADATA_URL: must be https in production/,
    );
  });

  it('requires https for the webhook outside local mode only', () => {
    const plain = { PRIVACY_WEBHOOK_URL: 'http://receiver.contoso.example/hook', PRIVACY_WEBHOOK_SECRET: SECRET };
    expect(loadConfig(plain).webhook.url).toBe('http://receiver.contoso.example/hook');
    expect(failureOf({ ...plain, BOT_ID: 'app-id' })).toMatch(/^PRIVACY_WEBHOOK_URL: must be https outside local mode/);
  });

  it('accepts several space-separated secrets for key rotation', () => {
    const config = loadConfig({ PRIVACY_WEBHOOK_SECRET: `${SECRET} whsec_c2Vjb25kLXNlY3JldC1rZXktMTIz` });
    expect(config.webhook.secrets).toHaveLength(2);
  });

  it('never puts secrets or keys in the start-up summary', () => {
    const config = loadConfig({
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=contosobot;AccountKey=c2VjcmV0a2V5;EndpointSuffix=core.windows.net',
      PRIVACY_WEBHOOK_URL: 'http://hooks.contoso.example/in',
      PRIVACY_WEBHOOK_SECRET: SECRET,
      NOTICE_API_TOKEN: 'a-very-long-notice-token',
    });
    const summary = JSON.stringify(configSummary(config));
    expect(summary).toContain('azure:contosobot');
    for (const secret of ['c2VjcmV0a2V5', 'MfKQ9r8G', 'a-very-long-notice-token']) expect(summary).not.toContain(secret);
  });

  it('reads env/.env.local and its .user file, with the environment winning', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'envfiles-'));
    mkdirSync(path.join(dir, 'env'));
    writeFileSync(path.join(dir, 'env/.env.local'), 'PORT=4000\nLOG_LEVEL=debug\n');
    writeFileSync(path.join(dir, 'env/.env.local.user'), 'NOTICE_API_TOKEN=from-the-user-file-123\n');
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn' };
    expect(loadEnvFiles(dir, env)).toHaveLength(2);
    expect(env).toMatchObject({ PORT: '4000', LOG_LEVEL: 'warn', NOTICE_API_TOKEN: 'from-the-user-file-123' });
  });
});

describe('the storage account named at start-up', () => {
  const named = (env: Record<string, string>) => storageAccountName(loadConfig({ STORAGE: 'azure', ...env }, process.cwd()));

  it('is the account, read from a URL or a connection string, and never a key', () => {
    expect(named({ AZURE_STORAGE_ACCOUNT_URL: 'https://contosoprivacy.blob.core.windows.net' })).toBe('contosoprivacy');
    expect(named({ AZURE_STORAGE_ACCOUNT_URL: 'https://127.0.0.1:10002/devstoreaccount1' })).toBe('devstoreaccount1');
    expect(
      named({ AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net' }),
    ).toBe('contoso');
  });
});

describe('request settings (after a request is sent)', () => {
  it('defaults to 7 reminder days, 365 retention days and no status token', () => {
    expect(loadConfig({}, '/srv/bot').requests).toEqual({ statusToken: '', reminderDays: 7, retentionDays: 365 });
    expect(
      loadConfig({ PRIVACY_STATUS_TOKEN: 'a-status-token-long-enough', REQUEST_REMINDER_DAYS: '3', REQUEST_RETENTION_DAYS: '90' }, '/srv/bot').requests,
    ).toEqual({
      statusToken: 'a-status-token-long-enough',
      reminderDays: 3,
      retentionDays: 90,
    });
  });

  it.each([
    [{ PRIVACY_STATUS_TOKEN: 'short' }, /^PRIVACY_STATUS_TOKEN: must be at least 16 characters$/],
    [{ REQUEST_REMINDER_DAYS: '0' }, /^REQUEST_REMINDER_DAYS: must be between 1 and 365/],
    [{ REQUEST_RETENTION_DAYS: 'a year' }, /^REQUEST_RETENTION_DAYS: must be a whole number/],
  ])('refuses %j with one line naming the variable', (env, expected) => {
    expect(failureOf(env)).toMatch(expected);
  });

  it('says at start-up how the status API is open, never with the token', () => {
    const summary = JSON.stringify(configSummary(loadConfig({ PRIVACY_STATUS_TOKEN: 'a-status-token-long-enough' }, '/srv/bot')));
    expect(summary).toContain('"requestStatusApi":"token"');
    expect(summary).not.toContain('a-status-token-long-enough');
  });
});
