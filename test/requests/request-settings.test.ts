/** The configuration of requests after they are sent: PRIVACY_STATUS_TOKEN, REQUEST_REMINDER_DAYS, REQUEST_RETENTION_DAYS. */
import { configSummary, loadConfig } from '../../src/config';
import { isAppError } from '../../src/errors';

function failureOf(env: Record<string, string>): string {
  try {
    loadConfig(env, '/srv/bot');
  } catch (err) {
    if (isAppError(err, 'CONFIG_INVALID')) return err.message;
    throw err;
  }
  throw new Error('expected a configuration error');
}

describe('request settings', () => {
  it('defaults to 7 reminder days, 365 retention days and no status token', () => {
    expect(loadConfig({}, '/srv/bot').requests).toEqual({ statusToken: '', reminderDays: 7, retentionDays: 365 });
    expect(loadConfig({ PRIVACY_STATUS_TOKEN: 'a-status-token-long-enough', REQUEST_REMINDER_DAYS: '3', REQUEST_RETENTION_DAYS: '90' }, '/srv/bot').requests).toEqual({
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
