/**
 * Notices after they are sent, over real HTTP: "I have read this" from several people in several
 * teams (and twice), the list as JSON and CSV, every refusal, edit and recall through the API and from
 * the admin's summary card, scheduling from the compose card, and purging a notice with its
 * acknowledgements.
 */
import { rmSync } from 'node:fs';
import { cardActionTitles, cardOf, cardTexts, execute, message, submit, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { actionData, facts, type Card } from '../requests/drive';
import { ACKNOWLEDGEMENTS_COLLECTION, NOTICE_WORK_COLLECTION } from '../../src/notices/records';
import { FileStore } from '../../src/storage/file-store';
import type { WorkItem } from '../../src/storage/work-queue';
import { acknowledgeActivity, copiesOf, install, NOTICE_TOKEN, noticeApi, teamId } from './notice-api';

const ADMIN: Person = { id: '29:admin', aadObjectId: 'aad-admin', name: 'Ada Admin' };
const people: Person[] = [
  { id: '29:p1', aadObjectId: 'aad-p1', name: 'Pat One' },
  { id: '29:p2', aadObjectId: 'aad-p2', name: 'Sam Two' },
  // A display name someone set to a spreadsheet formula: it must stay text in the CSV.
  { id: '29:p3', aadObjectId: 'aad-p3', name: '=HYPERLINK("https://evil.example","Click")' },
];

describe('notices after they are sent', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  const api = noticeApi(() => bot.url);

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ NOTICE_API_TOKEN: NOTICE_TOKEN, PRIVACY_ADMIN_IDS: ADMIN.aadObjectId, NOTICE_MAX_RPS: '50' });
    for (let n = 1; n <= 4; n++) await install(bot.post, connector, teamId('ack', n));
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  async function send(body: Record<string, unknown>): Promise<string> {
    const response = await api.call('POST', '/api/notices', body);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await api.waitFor(id, 'done');
    return id;
  }

  /** Presses "I have read this" and returns what Teams gets back: a card for the person, or an error. */
  async function acknowledge(person: Person, team: string, data: Record<string, unknown>, conversationType: 'channel' | 'personal' = 'channel') {
    const response = await bot.post('/api/messages', acknowledgeActivity(connector, person, team, data, conversationType));
    expect(response.status).toBe(200);
    return response.body as { statusCode: number; type: string; value: Card & { message?: string } };
  }

  it('records one acknowledgement per person, from several people in several teams, and lists them as JSON and CSV', async () => {
    const id = await send({ title: 'Ack notice', text: 'Please confirm you read this.' });
    const copies = copiesOf(connector, 'Ack notice');
    expect(copies.size).toBe(4);
    const copy = cardOf(copies.get(teamId('ack', 1))![0].body)!;
    expect(cardActionTitles(copy)).toContain('I have read this');
    const data = actionData(copy, 'notice.ack');
    expect(data).toEqual({ noticeId: id });

    const first = await acknowledge(people[0], teamId('ack', 1), data);
    expect(first.statusCode).toBe(200);
    expect(cardTexts(first.value).join('\n')).toMatch(/✓ You confirmed you read this on \d+ \w+ \d{4}\./);
    expect(cardActionTitles(first.value)).not.toContain('I have read this');
    // Again, and from another team's copy: still the one acknowledgement, with its first time.
    const again = await acknowledge(people[0], teamId('ack', 1), data);
    const elsewhere = await acknowledge(people[0], teamId('ack', 2), data);
    expect(cardTexts(again.value)).toEqual(cardTexts(first.value));
    expect(cardTexts(elsewhere.value)).toEqual(cardTexts(first.value));
    await acknowledge(people[1], teamId('ack', 2), data);
    // A client without Universal Actions sends Action.Submit: the person gets a short reply instead of a refreshed card.
    const before = connector.posted().length;
    const team3 = teamId('ack', 3);
    await bot.post(
      '/api/messages',
      submit(
        { verb: 'notice.ack', ...data },
        { serviceUrl: connector.url, from: people[2], conversationType: 'channel', conversationId: `${team3};messageid=1700000000001`, teamId: team3 },
      ),
    );
    await connector.waitFor(() => connector.posted().length > before);
    expect(String(connector.posted()[before].body.text)).toBe(`Thanks, ${people[2].name}: your confirmation is recorded.`);

    expect((await api.status(id)).acknowledged).toBe(3);
    const list = (await (await api.call('GET', `/api/notices/${id}/acknowledgements`)).json()) as Array<{ aadObjectId: string; name: string; at: string }>;
    expect(list.map((item) => item.aadObjectId)).toEqual(['aad-p1', 'aad-p2', 'aad-p3']);
    expect(list[0]).toEqual({ aadObjectId: 'aad-p1', name: 'Pat One', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });

    const csv = await api.call('GET', `/api/notices/${id}/acknowledgements`, undefined, { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"aadObjectId","name","at"');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`"aad-p1","Pat One","${list[0].at}"`);
    // The formula is prefixed so a spreadsheet shows it as text, and quoted for its commas and quotes.
    expect(lines[3]).toBe(`"aad-p3","'=HYPERLINK(""https://evil.example"",""Click"")","${list[2].at}"`);
    expect(bot.logs.join('\n')).not.toMatch(/Pat One|Sam Two|HYPERLINK/);
  });

  it('refuses forged card data and a notice the team never got, storing nothing', async () => {
    const onlyTeam1 = await send({ title: 'Team 1 only', text: 'Text', teamIds: [teamId('ack', 1)] });
    const stored = async () => (await bot.app.store.list(ACKNOWLEDGEMENTS_COLLECTION, { prefix: `${onlyTeam1}.` })).length;
    const refusals = [
      // Team 2's channel never received it.
      await acknowledge(people[0], teamId('ack', 2), { noticeId: onlyTeam1 }),
      // A notice that does not exist, and card data that is not a notice id at all.
      await acknowledge(people[0], teamId('ack', 1), { noticeId: 'NT-00000000000000AA' }),
      await acknowledge(people[0], teamId('ack', 1), { noticeId: { $ne: null } }),
      // Not from a team's channel (the team comes from Teams, not from the card).
      await acknowledge(people[0], teamId('ack', 1), { noticeId: onlyTeam1, teamId: teamId('ack', 1) }, 'personal'),
    ];
    for (const refusal of refusals) {
      expect(refusal.statusCode).toBe(403);
      expect(refusal.type).toBe('application/vnd.microsoft.error');
      expect(refusal.value.message).toMatch(/could not be recorded/);
    }
    expect(await stored()).toBe(0);
    expect((await api.status(onlyTeam1)).acknowledged).toBe(0);
  });

  it('edits every posted copy in place and recalls them all; a recalled notice cannot be edited', async () => {
    const id = await send({ title: 'Before edit', text: 'Old text.', url: 'https://contoso.example/old' });
    const copies = copiesOf(connector, 'Before edit');
    expect(copies.size).toBe(4);

    const edited = await api.call('PATCH', `/api/notices/${id}`, { title: 'After edit', url: '' });
    expect(edited.status).toBe(202);
    expect(((await edited.json()) as { status: string }).status).toBe('updating');
    const done = await api.waitFor(id, 'done', 20_000, (status) => status.updated === 4);
    expect(done).toMatchObject({ revision: 2, updated: 4, updateFailed: 0, delivered: 4 });
    for (const [conversation, [post]] of copies) {
      const now = connector.message(conversation, post.activityId!) as Record<string, unknown>;
      const texts = cardTexts(cardOf(now));
      expect(texts[0]).toBe('After edit');
      expect(texts).toContain('Old text.');
      expect(texts.some((text) => /^Updated on \d+ \w+ \d{4}\.$/.test(text))).toBe(true);
      // The link was removed; "I have read this" is still there.
      expect(JSON.stringify(now)).not.toContain('contoso.example/old');
      expect(cardActionTitles(cardOf(now))).toContain('I have read this');
      expect(connector.updated().filter((call) => call.conversationId === conversation && call.path.endsWith(post.activityId!))).toHaveLength(1);
    }

    const recalled = await api.call('DELETE', `/api/notices/${id}`);
    expect(recalled.status).toBe(202);
    const gone = await api.waitFor(id, 'recalled');
    expect(gone).toMatchObject({ deleted: 4, deleteFailed: 0, cancelled: 0 });
    for (const [conversation, [post]] of copies) expect(connector.message(conversation, post.activityId!)).toBe('deleted');
    // Recalling twice changes nothing; editing now is a conflict; acknowledging is refused.
    expect((await api.call('DELETE', `/api/notices/${id}`)).status).toBe(202);
    expect(connector.deleted().filter((call) => [...copies.values()].some(([post]) => call.path.endsWith(post.activityId!)))).toHaveLength(4);
    const conflict = await api.call('PATCH', `/api/notices/${id}`, { title: 'Too late' });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: 'Conflict', message: 'The notice was recalled: it can no longer be edited.' });
    expect((await acknowledge(people[0], teamId('ack', 1), { noticeId: id })).value.message).toMatch(/withdrawn/);
  });

  it('answers bad input with 400, unknown notices with 404 and a missing token with 401, changing nothing', async () => {
    const id = await send({ title: 'Unchanged', text: 'Text' });
    const problemsOf = async (response: Response) => {
      expect(response.status).toBe(400);
      return ((await response.json()) as { problems: string[] }).problems;
    };
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    expect(await problemsOf(await api.call('POST', '/api/notices', { title: 'T', text: 'x', sendAt: inHours(-1) }))).toEqual(['sendAt must be in the future']);
    expect(await problemsOf(await api.call('POST', '/api/notices', { title: 'T', text: 'x', sendAt: inHours(24 * 367) }))).toEqual([
      'sendAt can be at most a year ahead',
    ]);
    expect(await problemsOf(await api.call('POST', '/api/notices', { title: 'T', text: 'x', sendAt: 'next tuesday' }))).toEqual([
      expect.stringMatching(/^sendAt must be an ISO 8601 time/),
    ]);
    expect(await problemsOf(await api.call('PATCH', `/api/notices/${id}`, {}))).toEqual(['give at least one of title, text and url']);
    expect(await problemsOf(await api.call('PATCH', `/api/notices/${id}`, { title: 'x'.repeat(121) }))).toEqual([
      'title can be at most 120 characters (it has 121)',
    ]);
    expect(await problemsOf(await api.call('PATCH', `/api/notices/${id}`, { text: '', teamIds: [] }))).toEqual([
      'only title, text and url can be changed (not teamIds)',
      'text cannot be empty',
    ]);
    expect(await problemsOf(await api.call('PATCH', `/api/notices/${id}`, { url: 'http://insecure.example' }))).toEqual(['url must be an https:// address']);
    expect((await api.call('PATCH', `/api/notices/${id}`, '{"title": ')).status).toBe(400);
    for (const [method, path] of [
      ['PATCH', '/api/notices/NT-00000000000000AB'],
      ['DELETE', '/api/notices/NT-00000000000000AB'],
      ['GET', '/api/notices/NT-00000000000000AB/acknowledgements'],
      ['GET', '/api/notices/not-an-id/acknowledgements'],
    ]) {
      expect((await api.call(method, path, method === 'PATCH' ? { title: 'x' } : undefined)).status).toBe(404);
    }
    const anonymous = noticeApi(() => bot.url, '');
    for (const [method, path] of [
      ['PATCH', `/api/notices/${id}`],
      ['DELETE', `/api/notices/${id}`],
      ['GET', `/api/notices/${id}/acknowledgements`],
    ]) {
      expect((await anonymous.call(method, path, method === 'PATCH' ? { title: 'x' } : undefined)).status).toBe(401);
    }
    expect(await api.status(id)).toMatchObject({ status: 'done', delivered: 4 });
    expect((await api.status(id)).revision).toBeUndefined();
  });

  it('purges a notice: its acknowledgements are erased at once, the rest once its copies are deleted', async () => {
    const id = await send({ title: 'To purge', text: 'Text' });
    await acknowledge(people[0], teamId('ack', 1), { noticeId: id });
    await acknowledge(people[1], teamId('ack', 2), { noticeId: id });
    expect((await api.status(id)).acknowledged).toBe(2);
    const purged = await api.call('DELETE', `/api/notices/${id}?purge=true`);
    expect(purged.status).toBe(202);
    await until(async () => (await api.call('GET', `/api/notices/${id}`)).status === 404, 20_000, 'purged notice gone');
    expect(await bot.app.store.list(ACKNOWLEDGEMENTS_COLLECTION, { prefix: `${id}.` })).toEqual([]);
    for (const [conversation, [post]] of copiesOf(connector, 'To purge')) expect(connector.message(conversation, post.activityId!)).toBe('deleted');
    expect((await api.call('GET', `/api/notices/${id}/acknowledgements`)).status).toBe(404);
  });

  it('erases the acknowledgements when NOTICE_ACK_RETENTION_DAYS have passed, and keeps the notice', async () => {
    const retaining = await bootBot({ NOTICE_API_TOKEN: NOTICE_TOKEN, NOTICE_MAX_RPS: '50', NOTICE_ACK_RETENTION_DAYS: '30' }, { keepDataDir: true });
    const own = noticeApi(() => retaining.url);
    await install(retaining.post, connector, teamId('keep', 1));
    const { id } = (await (await own.call('POST', '/api/notices', { title: 'Kept a while', text: 'Text' })).json()) as { id: string };
    await own.waitFor(id, 'done');
    const ack = await retaining.post('/api/messages', acknowledgeActivity(connector, people[0], teamId('keep', 1), { noticeId: id }));
    expect((ack.body as { statusCode: number }).statusCode).toBe(200);
    expect((await own.status(id)).acknowledged).toBe(1);
    // The erasure is queued for 30 days after the notice went out.
    const expiry = await retaining.app.store.get<WorkItem<unknown>>(NOTICE_WORK_COLLECTION, `${id}.expire`);
    expect(expiry!.value.dueAt - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect(expiry!.value.dueAt - Date.now()).toBeLessThan(30.1 * 86_400_000);
    await retaining.stop();

    // Thirty days on (the item made due now), the next process erases them.
    const store = new FileStore(retaining.dataDir);
    await store.put(NOTICE_WORK_COLLECTION, `${id}.expire`, { ...expiry!.value, dueAt: Date.now() - 1000 });
    await store.close();
    const later = await bootBot({ NOTICE_API_TOKEN: NOTICE_TOKEN, DATA_DIR: retaining.dataDir });
    try {
      const after = noticeApi(() => later.url);
      // The notice is marked erased first (the API shows none from then on), then the records go page by page.
      await until(
        async () => (await later.app.store.list(ACKNOWLEDGEMENTS_COLLECTION, { prefix: `${id}.` })).length === 0,
        20_000,
        'acknowledgement records deleted',
      );
      expect(await after.status(id)).toMatchObject({ status: 'done', delivered: 1, acknowledged: 0 });
      expect(await (await after.call('GET', `/api/notices/${id}/acknowledgements`)).json()).toEqual([]);
    } finally {
      await later.stop();
      rmSync(retaining.dataDir, { recursive: true, force: true });
    }
  });

  describe("from the admin's summary card in Teams", () => {
    const personal = () => ({ serviceUrl: connector.url, from: ADMIN });
    /** Presses a button; returns the card that replaces it and the cards sent as new messages. */
    async function press(verb: string, data: Record<string, unknown>, from: Person = ADMIN) {
      const before = connector.posted().length;
      const response = await bot.post('/api/messages', { ...execute(verb, data, { ...personal(), from }), replyToId: 'summary-activity' });
      const body = response.body as { value: Card };
      const sent = connector
        .posted()
        .slice(before)
        .map((call) => cardOf(call.body))
        .filter((card): card is Card => card !== undefined);
      return { card: body.value, sent };
    }

    /** `notice` in the admin's chat, the compose card filled in, Preview pressed: the card that comes back. */
    async function previewFromTeams(title: string, extra: Record<string, unknown> = {}): Promise<Card> {
      const composed = connector.posted().length;
      await bot.post('/api/messages', message('notice', personal()));
      await connector.waitFor(() => connector.posted().length > composed);
      const compose = cardOf(connector.posted()[composed].body)!;
      const draft = {
        ...actionData(compose, 'notice.preview'),
        title,
        text: 'From the admin.',
        url: '',
        effectiveDate: '',
        target: 'all',
        teamIds: '',
        sendDate: '',
        sendTime: '',
        ...extra,
      };
      return (await press('notice.preview', draft)).card;
    }

    async function sendFromTeams(title: string): Promise<Card> {
      const preview = await previewFromTeams(title);
      return (await press('notice.send', actionData(preview, 'notice.send'))).card;
    }

    it('shows who has read it, edits it and recalls it', async () => {
      const summary = await sendFromTeams('Summary notice');
      const id = facts(summary).Reference;
      await api.waitFor(id, 'done');
      await acknowledge(people[1], teamId('ack', 3), { noticeId: id });
      const refreshed = await press('notice.summary', { noticeId: id });
      expect(facts(refreshed.card)).toMatchObject({ Delivered: '4', 'Read by': '1' });
      expect(cardActionTitles(refreshed.card)).toEqual(['Who has read it', 'Edit', 'Recall', 'Refresh']);

      const whoRead = await press('notice.acks', { noticeId: id });
      expect(cardTexts(whoRead.sent[0])).toEqual(['Who has read "Summary notice"', '1 person confirmed reading it.']);
      expect(facts(whoRead.sent[0])).toEqual({ 'Sam Two': expect.stringMatching(/^\d+ \w+ \d{4}$/) });

      const editing = await press('notice.change', { noticeId: id });
      const form = editing.sent[0];
      expect(cardTexts(form)[0]).toBe('Edit "Summary notice"');
      const invalid = await press('notice.update', { ...actionData(form, 'notice.update'), title: '', text: 'From the admin.', url: '' });
      expect(cardTexts(invalid.card).join('\n')).toContain('title cannot be empty');
      const saved = await press('notice.update', {
        ...actionData(form, 'notice.update'),
        title: 'Summary notice, corrected',
        text: 'From the admin.',
        url: '',
      });
      expect(cardTexts(saved.card)[0]).toBe('Changes saved');
      await api.waitFor(id, 'done', 20_000, (status) => status.updated === 4);
      for (const [conversation, [post]] of copiesOf(connector, 'Summary notice')) {
        expect(cardTexts(cardOf(connector.message(conversation, post.activityId!) as Record<string, unknown>))[0]).toBe('Summary notice, corrected');
      }

      // Someone who is not an admin presses the same buttons: refused, nothing changes.
      const mallory: Person = { id: '29:mallory', aadObjectId: 'aad-mallory', name: 'Mallory' };
      for (const verb of ['notice.acks', 'notice.update', 'notice.recall.confirm']) {
        const refused = await press(verb, { noticeId: id, title: 'Mallory was here', text: 'x', url: '' }, mallory);
        expect(cardTexts(refused.card)[0]).toBe('Only privacy admins can send notices');
        expect(refused.sent).toEqual([]);
      }
      expect((await api.status(id)).status).toBe('done');

      const asking = await press('notice.recall', { noticeId: id });
      expect(cardTexts(asking.sent[0])[0]).toBe('Recall "Summary notice, corrected"?');
      const recall = await press('notice.recall.confirm', actionData(asking.sent[0], 'notice.recall.confirm'));
      expect(cardTexts(recall.card)[0]).toBe('Recall started');
      await api.waitFor(id, 'recalled');
      const finalSummary = await press('notice.summary', { noticeId: id });
      expect(cardActionTitles(finalSummary.card)).toEqual(['Who has read it', 'Refresh']);
      expect(facts(finalSummary.card)).toMatchObject({ 'Copies deleted': '4 of 4' });
    });

    it("schedules a notice for a date and time in the admin's zone, and cancels it", async () => {
      // Tomorrow at 09:30 in Berlin: the activity carries the client's zone, as Teams sends it.
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const composed = connector.posted().length;
      await bot.post('/api/messages', { ...message('notice', personal()), localTimezone: 'Europe/Berlin' });
      await connector.waitFor(() => connector.posted().length > composed);
      const compose = cardOf(connector.posted()[composed].body)!;
      const draft = {
        ...actionData(compose, 'notice.preview'),
        title: 'Scheduled from Teams',
        text: 'Later.',
        url: '',
        effectiveDate: '',
        target: 'all',
        teamIds: '',
        sendDate: tomorrow,
        sendTime: '09:30',
      };
      const inBerlin = (activity: Record<string, unknown>) => ({ ...activity, localTimezone: 'Europe/Berlin', replyToId: 'summary-activity' });
      const preview = (await bot.post('/api/messages', inBerlin(execute('notice.preview', draft, personal())))).body as { value: Card };
      expect(cardTexts(preview.value)[0]).toMatch(/^Preview: 4 teams will see this on \d+ \w+ \d{4}, 09:30 \(Europe\/Berlin\)$/);
      expect(cardActionTitles(preview.value)).toContain('Schedule for 4 teams');
      const sent = (await bot.post('/api/messages', inBerlin(execute('notice.send', actionData(preview.value, 'notice.send'), personal())))).body as {
        value: Card;
      };
      const id = facts(sent.value).Reference;
      const status = await api.status(id);
      expect(status.status).toBe('scheduled');
      // 09:30 in Berlin is 07:30 or 08:30 UTC, by the season.
      expect(status.sendAt).toMatch(new RegExp(`^${tomorrow}T0[78]:30:00.000Z$`));
      expect(cardActionTitles(sent.value)).toContain('Cancel sending');

      const asking = await press('notice.recall', { noticeId: id });
      expect(cardTexts(asking.sent[0])).toContain('It has not been sent yet: cancelling means nobody receives it.');
      const cancelled = await press('notice.recall.confirm', { noticeId: id });
      expect(cardTexts(cancelled.card)[0]).toBe('Sending cancelled');
      expect(await api.status(id)).toMatchObject({ status: 'cancelled', pending: 0, delivered: 0 });
      expect(copiesOf(connector, 'Scheduled from Teams').size).toBe(0);
    });

    it('gives the form back when only a date or only a time is given, or the time has passed', async () => {
      const half = await previewFromTeams('Half a schedule', { sendDate: '2030-01-01', sendTime: '' });
      expect(cardTexts(half)[0]).toBe('Send a policy-change notice');
      expect(cardTexts(half).join('\n')).toContain('give both a date and a time to schedule the notice, or neither to send it now');
      const past = await previewFromTeams('In the past', { sendDate: '2020-01-01', sendTime: '10:00' });
      expect(cardTexts(past).join('\n')).toContain('sendAt must be in the future');
    });
  });
});
