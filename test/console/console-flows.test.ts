/**
 * The console in local mode over real HTTP (the bot on a free port, a local Teams connector, the
 * example webhook receiver): signed in as CONSOLE_DEV_USER, a privacy admin. Every change goes
 * through the same services as Teams and the APIs, reaches the people it concerns in Teams, and is
 * recorded in the item's audit trail.
 */
import { ALICE, cardOf, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { install, teamId } from '../notices/notice-api';
import { answersTo, askTheTeam, PRIVACY_CHANNEL, shows, ticketPosts, ticketUpdates } from '../questions/ask-drive';
import { recordedAsDelivered, updateCards } from '../requests/after-sending';
import { driver, facts, fileRequest, type Driver } from '../requests/drive';
import { PLAYGROUND_USER } from '../../src/config';
import { consoleApi } from './console-drive';

const DAY_MS = 86_400_000;

interface Row {
  id: string;
  kind: string;
  status: string;
  overdue: boolean;
  failed: boolean;
}
interface Page {
  rows: Row[];
  total: number;
  page: number;
  pages: number;
}
interface Audited {
  audit: Array<{ action: string; params?: Record<string, string>; by: { aadObjectId: string; name: string }; at: string }>;
}

describe('the console in local mode', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;
  let chat: Driver;
  let offset = 0;
  let people = 0;
  const api = consoleApi(() => bot.url);

  beforeAll(async () => {
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    bot = await bootBot(
      {
        PRIVACY_WEBHOOK_URL: receiver.url,
        PRIVACY_WEBHOOK_SECRET: receiver.secret,
        PRIVACY_WEBHOOK_RETRY_BASE_MS: '50',
        PRIVACY_WEBHOOK_RETRY_MAX_MS: '100',
        PRIVACY_WEBHOOK_MAX_ATTEMPTS: '2',
        PRIVACY_ADMIN_IDS: PLAYGROUND_USER,
        PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL,
      },
      { clock: () => Date.now() + offset },
    );
    chat = driver(bot, connector);
  });
  afterAll(async () => {
    await bot?.stop();
    await Promise.all([connector?.close(), receiver?.close()]);
  });
  afterEach(() => {
    receiver.gate = undefined;
  });

  const person = (): Person => ({ id: `29:console${++people}`, aadObjectId: `aad-console${people}`, name: `Console Person ${people}` });
  const fileExport = async (who: Person) => facts(await fileRequest(chat, 'export my data', { include: 'account', format: 'json' }, { from: who })).Reference;

  it('signs everyone in as CONSOLE_DEV_USER and says so', async () => {
    const me = await api.get('me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ local: true, devUser: PLAYGROUND_USER, role: 'admin', name: 'CONSOLE_DEV_USER' });
    expect(await (await fetch(`${bot.url}/console`)).text()).toContain('data-mode="local"');
  });

  it('lists requests by due date, filters them, and marks overdue ones', async () => {
    const first = await fileExport(person());
    offset = 10 * DAY_MS;
    const second = facts(await fileRequest(chat, 'stop personalised ads', { scope: 'ads,marketing' }, { from: person() })).Reference;
    const all = (await api.get<Page>('requests')).body;
    const ids = all.rows.map((row) => row.id);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect((await api.get<Page>('requests?kind=optout')).body.rows.map((row) => row.id)).toEqual([second]);
    expect((await api.get<Page>('requests?overdue=1')).body.rows).toEqual([]);
    // A request filed in Teams after the list was read shows up by itself, within seconds.
    const third = await fileExport(person());
    await until(async () => (await api.get<Page>('requests?kind=export')).body.rows.some((row) => row.id === third), 15_000, 'the new request in the list');
    // Six weeks on, both are past their due date with nothing reported.
    offset = 42 * DAY_MS;
    const overdue = (await api.get<Page>('requests?overdue=1')).body.rows.map((row) => row.id);
    expect(overdue).toEqual(expect.arrayContaining([first, second]));
    offset = 0;
  });

  it('changes a status under the status API rules: the requester hears of it in Teams, once, and the audit trail shows who', async () => {
    const who = person();
    const id = await fileExport(who);
    await recordedAsDelivered(bot.app.store, id);
    const invalid = await api.post(`requests/${id}/status`, { status: 'extended', message: '', link: 'http://not-https.example' });
    expect(invalid.status).toBe(400);
    const problems = (invalid.body as { problems: string[] }).problems.join(' ');
    expect(problems).toContain('dueBy is required with status extended.');
    expect(problems).toContain('link must be an https:// address');

    const changed = await api.post<Audited & Row>(`requests/${id}/status`, {
      status: 'completed',
      message: 'Your export is ready.',
      link: 'https://exports.example/abc',
      dueBy: '',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id, status: 'completed' });
    expect(changed.body.audit).toEqual([
      expect.objectContaining({ action: 'status', params: { status: 'completed' }, by: { aadObjectId: PLAYGROUND_USER, name: 'CONSOLE_DEV_USER' } }),
    ]);
    await until(() => updateCards(connector, id).length > 0, 10_000, "the status card in the requester's chat");
    expect(JSON.stringify(updateCards(connector, id)[0])).toContain('Your export is ready.');

    // The same again changes nothing and tells nobody; another status after a closed one is refused.
    expect(
      (await api.post(`requests/${id}/status`, { status: 'completed', message: 'Your export is ready.', link: 'https://exports.example/abc' })).status,
    ).toBe(200);
    expect((await api.post(`requests/${id}/status`, { status: 'rejected' })).status).toBe(409);
    const detail = await api.get<Audited & { history: Array<{ event: string }> }>(`requests/${id}`);
    expect(detail.body.history.map((event) => event.event)).toEqual(['received', 'delivered', 'progress']);
    expect(detail.body.audit).toHaveLength(1);
    // The list shows the change at once to whoever made it.
    expect((await api.get<Page>('requests?status=completed')).body.rows.map((row) => row.id)).toContain(id);
    expect(updateCards(connector, id)).toHaveLength(1);
  });

  it('replays a dead-lettered request into the outbox, once it has failed', async () => {
    receiver.gate = () => ({ status: 400 });
    const id = await fileExport(person());
    await until(async () => (await api.get<Row>(`requests/${id}`)).body.failed, 15_000, 'the request dead-lettered');
    receiver.gate = undefined;
    const replayed = await api.post<Audited & Row>(`requests/${id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body.audit.map((record) => record.action)).toEqual(['replay']);
    await recordedAsDelivered(bot.app.store, id);
    expect((await api.post(`requests/${id}/replay`)).status).toBe(409);
  });

  it('answers a question for the privacy team: the channel card shows it and the asker gets the answer', async () => {
    const { id } = await askTheTeam(chat, connector, 'Can my manager read my private chat messages on the work phone?', { from: ALICE });
    await until(() => ticketPosts(connector, id).length === 1, 10_000, 'the ticket posted');
    const listed = await api.get<{ questions: Array<{ id: string; status: string }> }>('questions');
    expect(listed.body.questions.find((question) => question.id === id)).toMatchObject({ status: 'open' });

    expect((await api.post(`questions/${id}/assign`)).body).toMatchObject({ status: 'assigned', assignee: 'CONSOLE_DEV_USER' });
    expect((await api.post(`questions/${id}/answer`, { answer: '' })).status).toBe(400);
    const answered = await api.post<Audited & { status: string }>(`questions/${id}/answer`, { answer: 'No: managers cannot read private chats.' });
    expect(answered.status).toBe(200);
    expect(answered.body.audit.map((record) => record.action)).toEqual(['assign', 'answer']);
    await until(() => answersTo(connector, ALICE, id).length === 1, 10_000, "the answer in the asker's chat");
    expect(shows(answersTo(connector, ALICE, id)[0], 'No: managers cannot read private chats.')).toBe(true);
    await until(
      () => ticketUpdates(connector, id).some((call) => shows(cardOf(call.body), 'No: managers cannot read private chats.')),
      10_000,
      'the ticket card updated',
    );

    const again = await api.post(`questions/${id}/answer`, { answer: 'Something else' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ message: 'This question was already answered by CONSOLE_DEV_USER.' });
    expect((await api.post(`questions/${id}/close`)).body).toMatchObject({ status: 'closed' });
  });

  it('composes, edits and recalls a notice, and gives its acknowledgements as CSV', async () => {
    const team = teamId('console', 1);
    await install((path, body) => bot.post(path, body), connector, team);
    const created = await api.post<Audited & { id: string; targets: number }>('notices', {
      title: 'Console notice',
      text: 'We changed how long we keep logs.',
    });
    expect(created.status).toBe(202);
    expect(created.body.targets).toBe(1);
    const id = created.body.id;
    await until(
      () => connector.posted().some((call) => call.conversationId === team && JSON.stringify(call.body).includes('Console notice')),
      10_000,
      'the notice posted',
    );
    const listed = await api.get<{ notices: Array<{ id: string; delivered: number }> }>('notices');
    await until(async () => (await api.get<{ delivered: number }>(`notices/${id}`)).body.delivered === 1, 10_000, 'delivery counted');
    expect(listed.body.notices.map((notice) => notice.id)).toContain(id);

    expect((await api.patch(`notices/${id}`, { title: 'Console notice, corrected' })).status).toBe(202);
    await until(() => connector.updated().some((call) => JSON.stringify(call.body).includes('Console notice, corrected')), 10_000, 'the copy updated');
    const csv = await api.get(`notices/${id}/acknowledgements.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split(/\r?\n/)[0]).toMatch(/^"?aadObjectId"?[,;]"?name"?[,;]"?at"?$/);

    const recalled = await api.del<Audited>(`notices/${id}`);
    expect(recalled.status).toBe(202);
    expect(recalled.body.audit.map((record) => record.action)).toEqual(['noticeCreated', 'noticeEdited', 'noticeRecalled']);
    await until(() => connector.deleted().length > 0, 10_000, 'the copy deleted');
    expect((await api.patch(`notices/${id}`, { title: 'Too late' })).status).toBe(409);
    expect((await api.post('notices', { title: '', text: '' })).status).toBe(400);
  });

  it('schedules a notice, which waits until its time, and can be cancelled', async () => {
    const sendAt = new Date(Date.now() + 3 * DAY_MS).toISOString();
    const scheduled = await api.post<Audited & { id: string; status: string; sendAt: string }>('notices', {
      title: 'Scheduled from the console',
      text: 'Later.',
      sendAt,
    });
    expect(scheduled.status).toBe(202);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', sendAt });
    expect(scheduled.body.audit).toEqual([expect.objectContaining({ action: 'noticeScheduled', params: { at: sendAt } })]);
    expect((await api.del<{ status: string }>(`notices/${scheduled.body.id}`)).body).toMatchObject({ status: 'cancelled' });
  });

  it('answers bad input clearly: not JSON, too large, an id that is not one', async () => {
    const post = (path: string, body: string, type = 'application/json') =>
      fetch(`${bot.url}/console/api/${path}`, { method: 'POST', headers: { 'content-type': type, 'x-console-request': '1' }, body });
    expect((await post('requests/PR-ABCDEFGH/status', 'status=completed', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('requests/PR-ABCDEFGH/status', JSON.stringify({ status: 'completed', message: 'x'.repeat(40_000) }))).status).toBe(413);
    expect((await post('requests/PR-ABCDEFGH/status', '{not json')).status).toBe(400);
    const notAnId = await api.post('requests/..%2F..%2Fetc/status', { status: 'completed' });
    expect(notAnId.status).toBe(404);
    expect((await api.get('questions/not-a-question')).status).toBe(404);
    expect((await api.get('notices/NT-nothing')).status).toBe(404);
    expect((await fetch(`${bot.url}/console/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('shows what the bot answers from, and answers 404 to forgetting what was never taught', async () => {
    const learned = await api.get<{ teaching: boolean; taught: unknown[]; content: Array<{ title: string; file: string }> }>('learned');
    expect(learned.body.content.length).toBe(bot.app.faq.entries.length);
    expect(learned.body.content[0]).toEqual(expect.objectContaining({ title: bot.app.faq.entries[0].title }));
    expect((await api.del('learned/anything')).status).toBe(404);
  });

  it('charts questions per week and requests per month', async () => {
    const insights = await api.get<{
      charts: { questionsPerWeek: Array<{ counts: Record<string, number> }>; requestsPerMonth: Array<{ counts: Record<string, number> }> };
    }>('insights');
    expect(insights.status).toBe(200);
    const weeks = insights.body.charts.questionsPerWeek;
    expect(weeks).toHaveLength(12);
    expect(weeks.reduce((sum, week) => sum + week.counts.sent_to_team, 0)).toBeGreaterThanOrEqual(1);
    const months = insights.body.charts.requestsPerMonth;
    expect(months.at(-1)!.counts.export).toBeGreaterThanOrEqual(3);
  });
});
