/**
 * The roster check fails closed: when Teams' roster cannot be read, an action that needs to know who
 * asks is refused with "try again in a moment", never done with the activity's own name; and a
 * roster member of a tenant outside ALLOWED_TENANT_IDS (an external member of a shared channel) is
 * refused like a guest. Real HTTP, the real bot, the fake connector answering the roster.
 */
import { ALICE, execute, message, TENANT, type ActivityOptions } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { rosterMember, startFakeConnector, type ConnectorCall, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { driver } from '../requests/drive';
import { QUESTIONS_COLLECTION } from '../../src/questions/question-service';
import type { Question } from '../../src/questions/types';
import { strings } from '../../src/strings';
import { askTheTeam, BOB, cardWords, inPrivacyChannel, PRIVACY_CHANNEL, ticketPosts } from '../questions/ask-drive';

const rosterCall = (call: ConnectorCall) => call.method === 'GET' && call.path.includes('/members/');

describe('the roster check', () => {
  let connector: FakeConnector;
  let bot: BootedBot;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL, ALLOWED_TENANT_IDS: TENANT });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });
  afterEach(() => {
    connector.respond = undefined;
  });

  /** The whole invoke response to pressing `verb`: an error's message is in it. */
  const press = async (verb: string, data: Record<string, unknown>, options: Partial<ActivityOptions>) =>
    (await bot.post('/api/messages', execute(verb, data, { serviceUrl: connector.url, ...options }))).text;
  const stored = async (id: string) => (await bot.app.store.get<Question>(QUESTIONS_COLLECTION, id))!.value;

  it.each([404, 429, 500])('refuses a ticket action with "try again in a moment" when the roster answers %i', async (status) => {
    const chat = driver(bot, connector);
    const { id } = await askTheTeam(chat, connector, `what about my fishing licence ${status}`, { from: ALICE });
    await until(() => ticketPosts(connector, id).length > 0, 10_000, 'the ticket');
    connector.respond = (call) =>
      rosterCall(call)
        ? { status, body: { error: { code: 'Failure', message: 'roster unavailable' } }, headers: status === 429 ? { 'retry-after': '0' } : undefined }
        : undefined;
    expect(await press('question.assign', { questionId: id }, inPrivacyChannel(BOB))).toContain(strings.common.rosterUnavailable);
    expect(connector.calls.some(rosterCall)).toBe(true);
    expect((await stored(id)).status).toBe('open');
    expect((await stored(id)).assignee).toBeUndefined();
  });

  it('refuses a request with "try again in a moment" when the roster cannot be read, and opens no form', async () => {
    // Retry-After: 0 keeps the SDK's own four tries quick (the 500 above goes through its backoff).
    connector.respond = (call) => (rosterCall(call) ? { status: 503, body: {}, headers: { 'retry-after': '0' } } : undefined);
    const before = connector.posted().length;
    expect((await bot.post('/api/messages', message('export my data', { serviceUrl: connector.url, from: ALICE }))).status).toBe(200);
    await until(() => connector.posted().length > before, 10_000, 'a reply');
    const replies = connector.posted().slice(before);
    expect(replies.map((call) => call.body.text)).toEqual([strings.common.rosterUnavailable]);
    expect(replies.some((call) => cardWords(call.body.attachments).length > 0)).toBe(false);
  });

  it('refuses a ticket action with "try again in a moment" when the roster never answers, instead of holding the invoke', async () => {
    const chat = driver(bot, connector);
    const { id } = await askTheTeam(chat, connector, 'what about my fishing licence, silent roster', { from: ALICE });
    await until(() => ticketPosts(connector, id).length > 0, 10_000, 'the ticket');
    connector.respond = (call) => (rosterCall(call) ? { hang: true, status: 0 } : undefined);
    expect(await press('question.assign', { questionId: id }, inPrivacyChannel(BOB))).toContain(strings.common.rosterUnavailable);
    expect((await stored(id)).assignee).toBeUndefined();
  });

  it('refuses a roster member of a tenant outside ALLOWED_TENANT_IDS like a guest', async () => {
    const chat = driver(bot, connector);
    const { id } = await askTheTeam(chat, connector, 'what about my fishing licence again', { from: ALICE });
    await until(() => ticketPosts(connector, id).length > 0, 10_000, 'the ticket');
    connector.respond = (call) => (rosterCall(call) ? { status: 200, body: { ...rosterMember(BOB.id), tenantId: 'tenant-elsewhere' } } : undefined);
    expect(await press('question.close', { questionId: id }, inPrivacyChannel(BOB))).toContain(strings.questions.teamOnly);
    expect((await stored(id)).status).toBe('open');
  });
});
