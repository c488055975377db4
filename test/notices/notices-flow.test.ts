/**
 * Notices over real HTTP: installs learnt from Teams' events, the API's token rules, the fan-out
 * through a connector that throttles, a restart mid-job, and the admin flow in chat.
 */
import { rmSync } from 'node:fs';
import { botAdded, cardTexts, execute, installationUpdate, message, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../fakes/connector';
import { storedText } from '../fakes/stored-text';
import { actionData, facts } from '../requests/drive';
import { scratchDir } from '../fakes/scratch-dir';

const TOKEN = 'notice-api-token-0123456789';
const ADMIN: Person = { id: '29:admin', aadObjectId: 'aad-admin', name: 'Ada Admin' };
const teamId = (n: number) => `19:team${n}@thread.tacv2`;

describe('policy-change notices', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  const env = { NOTICE_API_TOKEN: TOKEN, PRIVACY_ADMIN_IDS: ADMIN.aadObjectId, NOTICE_MAX_RPS: '50' };

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot(env);
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  /** `token` '' sends no authorization header at all. */
  const api = (method: string, path: string, body?: unknown, token = TOKEN) =>
    fetch(`${bot.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** Teams sends both events for one install; the bot must record the team once. */
  async function install(target: BootedBot, n: number) {
    const options = { serviceUrl: connector.url, conversationType: 'channel' as const, conversationId: teamId(n), teamId: teamId(n) };
    expect((await target.post('/api/messages', installationUpdate('add', options))).status).toBe(200);
    expect((await target.post('/api/messages', botAdded(options))).status).toBe(200);
  }

  const channelPosts = (id: string) =>
    connector.posted().filter((call: ConnectorCall) => call.conversationId === id && JSON.stringify(call.body).includes('Privacy policy update'));

  async function waitDone(target: BootedBot, id: string, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await fetch(`${target.url}/api/notices/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const status = (await response.json()) as { status: string; delivered: number; failed: number; pending: number; targets: number };
      if (status.status === 'done') return status;
      if (Date.now() > deadline) throw new Error(`notice not done: ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * A notice sent after the refused click, and done: the bot's notice work ran since, so a post the
   * click had caused would have been seen by now.
   */
  let markers = 0;
  async function sentThroughTheQueue(): Promise<void> {
    const created = (await (await api('POST', '/api/notices', { title: `Marker ${++markers}`, text: 'Text', teamIds: [teamId(1)] })).json()) as { id: string };
    await waitDone(bot, created.id);
  }

  it('answers 404 while NOTICE_API_TOKEN is unset', async () => {
    const plain = await bootBot({});
    try {
      const response = await fetch(`${plain.url}/api/notices`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{}' });
      expect(response.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });

  it('sends to every installed team once, through 429s, and not to a removed team', async () => {
    for (let n = 1; n <= 12; n++) await install(bot, n);
    const removed = { serviceUrl: connector.url, conversationType: 'channel' as const, conversationId: teamId(12), teamId: teamId(12) };
    await bot.post('/api/messages', installationUpdate('remove', removed));
    await bot.post('/api/messages', botAdded(removed, true));

    // Wrong or missing token, bad JSON, bad fields: refused, nothing sent.
    const before = connector.posted().length;
    expect((await api('POST', '/api/notices', { title: 'x', text: 'y' }, '')).status).toBe(401);
    expect((await api('POST', '/api/notices', { title: 'x', text: 'y' }, 'wrong-token')).status).toBe(401);
    expect((await api('POST', '/api/notices', '{"title": ', 'wrong-token')).status).toBe(401);
    const badJson = await api('POST', '/api/notices', '{"title": ');
    expect(badJson.status).toBe(400);
    const badFields = await api('POST', '/api/notices', { title: 'x'.repeat(121), url: 'http://insecure.example' });
    expect(badFields.status).toBe(400);
    expect(((await badFields.json()) as { problems: string[] }).problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/title can be at most 120/), 'text is required', 'url must be an https:// address']),
    );
    expect(connector.posted().length).toBe(before);

    // Teams throttles the first post to team 3 and team 5 once each.
    const throttled = new Set<string>();
    connector.respond = (call) => {
      if (call.method !== 'POST' || !call.conversationId || ![teamId(3), teamId(5)].includes(call.conversationId) || throttled.has(call.conversationId))
        return undefined;
      throttled.add(call.conversationId);
      return { status: 429, headers: { 'retry-after': '1' } };
    };
    const created = await api('POST', '/api/notices', {
      title: 'Retention change',
      text: 'Support chats are now kept for **12 months**.',
      url: 'https://contoso.example/changes',
      effectiveDate: '2027-01-01',
    });
    expect(created.status).toBe(202);
    const { id, targets } = (await created.json()) as { id: string; targets: number };
    expect(targets).toBe(11);
    const done = await waitDone(bot, id);
    connector.respond = undefined;
    expect(done).toEqual({ id, status: 'done', targets: 11, delivered: 11, failed: 0, pending: 0, acknowledged: 0 });
    expect([...throttled].sort()).toEqual([teamId(3), teamId(5)]);
    for (let n = 1; n <= 11; n++) expect(channelPosts(teamId(n))).toHaveLength(1);
    expect(channelPosts(teamId(12))).toHaveLength(0);
    const card = (channelPosts(teamId(1))[0].body.attachments as Array<{ content: unknown }>)[0].content;
    expect(cardTexts(card)).toEqual(expect.arrayContaining(['Retention change', 'Takes effect on 1 January 2027.']));
    expect(JSON.stringify(card)).toContain('https://contoso.example/changes');
    expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
    expect(bot.logs.join('\n')).not.toContain('12 months');
  });

  it('marks a team whose channel is gone as failed and leaves it out of the next notice', async () => {
    connector.respond = (call) => (call.method === 'POST' && call.conversationId === teamId(2) ? { status: 403 } : undefined);
    const created = (await (await api('POST', '/api/notices', { title: 'Second', text: 'Text', teamIds: [teamId(1), teamId(2)] })).json()) as { id: string };
    const done = await waitDone(bot, created.id);
    connector.respond = undefined;
    expect(done).toMatchObject({ targets: 2, delivered: 1, failed: 1 });
    const next = (await (await api('POST', '/api/notices', { title: 'Third', text: 'Text' })).json()) as { targets: number };
    expect(next.targets).toBe(10);
  });

  it('resumes a notice after a restart without posting to any channel twice', async () => {
    // Its own DATA_DIR: a second bot on the suite bot's folder would share its work with a bot that is still running.
    const dataDir = scratchDir('notice-restart-');
    const slowConnector = await startFakeConnector();
    const teams = Array.from({ length: 20 }, (_, i) => teamId(100 + i));
    try {
      // Installed at full speed first: each install's welcome message shares the pacing with the notice.
      const installer = await bootBot({ ...env, DATA_DIR: dataDir });
      for (const team of teams) {
        const options = { serviceUrl: slowConnector.url, conversationType: 'channel' as const, conversationId: team, teamId: team };
        await installer.post('/api/messages', installationUpdate('add', options));
      }
      await slowConnector.waitFor((calls) => new Set(calls.map((call) => call.conversationId)).size >= teams.length, 20_000);
      await installer.stop();

      // At 4 posts a second, the bot is stopped with about half the targets still pending: the stop
      // sends the 8 copies it holds (2 s of them at this rate; at 2 a second it took 4 s).
      const first = await bootBot({ ...env, DATA_DIR: dataDir, NOTICE_MAX_RPS: '4' });
      const created = (await (
        await fetch(`${first.url}/api/notices`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Restart', text: 'Text', teamIds: teams }),
        })
      ).json()) as { id: string; targets: number };
      expect(created.targets).toBe(20);
      const noticePosts = () => slowConnector.posted().filter((call) => JSON.stringify(call.body).includes('Restart'));
      await slowConnector.waitFor(() => noticePosts().length >= 2, 20_000);
      await first.stop();
      const sentBeforeRestart = noticePosts().length;
      expect(sentBeforeRestart).toBeLessThan(20);

      const second = await bootBot({ ...env, DATA_DIR: dataDir, NOTICE_MAX_RPS: '50' });
      try {
        const done = await waitDone(second, created.id);
        expect(done).toMatchObject({ targets: 20, delivered: 20, failed: 0 });
        for (const team of teams) expect(noticePosts().filter((call) => call.conversationId === team)).toHaveLength(1);
      } finally {
        await second.stop();
      }
    } finally {
      await slowConnector.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('lets an admin compose, preview and send from a personal chat, with a summary that fills in', async () => {
    const personal = { serviceUrl: connector.url, from: ADMIN };
    const before = connector.posted().length;
    await bot.post('/api/messages', message('notice', personal));
    await connector.waitFor(() => connector.posted().length > before);
    const compose = (connector.posted()[before].body.attachments as Array<{ content: Record<string, unknown> }>)[0].content;
    expect(cardTexts(compose)[0]).toBe('Send a policy-change notice');

    const draft = {
      ...actionData(compose, 'notice.preview'),
      title: 'From Teams',
      text: 'A change **everyone** should know.',
      url: '',
      effectiveDate: '',
      target: 'chosen',
      teamIds: `${teamId(1)},${teamId(4)}`,
    };
    const preview = await bot.post('/api/messages', execute('notice.preview', draft, personal));
    const previewCard = (preview.body as { value: Record<string, unknown> }).value;
    expect(cardTexts(previewCard)).toEqual(expect.arrayContaining(['Preview: 2 teams will see this', 'From Teams', 'A change **everyone** should know.']));

    const sendData = actionData(previewCard, 'notice.send');
    const sent = await bot.post('/api/messages', { ...execute('notice.send', sendData, personal), replyToId: 'preview-activity-1' });
    const summary = (sent.body as { value: Record<string, unknown> }).value;
    expect(cardTexts(summary)[0]).toBe('Notice "From Teams"');
    // A double click on Send makes no second notice.
    await bot.post('/api/messages', { ...execute('notice.send', sendData, personal), replyToId: 'preview-activity-1' });
    const update = await connector.waitFor((calls) =>
      calls.some((call) => call.method === 'PUT' && call.path.includes('preview-activity-1') && JSON.stringify(call.body).includes('Done.')),
    );
    const last = update.filter((call) => call.method === 'PUT' && call.path.includes('preview-activity-1')).at(-1)!;
    expect(facts((last.body.attachments as Array<{ content: unknown }>)[0].content)).toMatchObject({ Delivered: '2', Failed: '0', Pending: '0' });
    expect(channelPosts(teamId(1)).filter((call) => JSON.stringify(call.body).includes('From Teams'))).toHaveLength(1);
    expect(channelPosts(teamId(4)).filter((call) => JSON.stringify(call.body).includes('From Teams'))).toHaveLength(1);
    expect(channelPosts(teamId(5)).filter((call) => JSON.stringify(call.body).includes('From Teams'))).toHaveLength(0);
  });

  it('gives an admin the form back, saying it expired, when a Send button carries no draft the bot issued', async () => {
    const personal = { serviceUrl: connector.url, from: ADMIN };
    const mangled = { draftId: 'not-a-draft', title: 'Mangled', text: 'Text', url: '', effectiveDate: '', target: 'all', teamIds: '' };
    const response = await bot.post('/api/messages', execute('notice.send', mangled, personal));
    const card = (response.body as { value: Record<string, unknown> }).value;
    expect(cardTexts(card)[0]).toBe('Send a policy-change notice');
    expect(cardTexts(card).join('\n')).toContain('This form has expired: type "notice" to start again.');
    // A send stores its notice before the card answers: the answer came, so no notice means none was made.
    expect(storedText(bot.dataDir)).not.toContain('Mangled');
    await sentThroughTheQueue();
    expect(JSON.stringify(connector.posted())).not.toContain('Mangled');
  });

  it('takes real calendar dates only, from the API and from the compose card', async () => {
    const before = connector.posted().length;
    for (const effectiveDate of ['2026-02-31', '2026-99-99', '2027-04-31', '0000-01-01', '2026-2-3']) {
      const response = await api('POST', '/api/notices', { title: 'Dated', text: 'Text', effectiveDate });
      expect({ effectiveDate, status: response.status }).toEqual({ effectiveDate, status: 400 });
      expect(((await response.json()) as { problems: string[] }).problems).toEqual(['effectiveDate must be a real calendar date as YYYY-MM-DD']);
    }
    const personal = { serviceUrl: connector.url, from: ADMIN };
    await bot.post('/api/messages', message('notice', personal));
    await connector.waitFor(() => connector.posted().length > before);
    const compose = (connector.posted()[before].body.attachments as Array<{ content: Record<string, unknown> }>)[0].content;
    const draft = { ...actionData(compose, 'notice.preview'), title: 'Dated', text: 'Text', url: '', effectiveDate: '2026-02-31', target: 'all', teamIds: '' };
    const refused = (await bot.post('/api/messages', execute('notice.preview', draft, personal))).body as { value: Record<string, unknown> };
    expect(cardTexts(refused.value)[0]).toBe('Send a policy-change notice');
    expect(cardTexts(refused.value).join('\n')).toContain('effectiveDate must be a real calendar date');
    // A leap day is a real date: the preview shows it as written.
    const leap = (await bot.post('/api/messages', execute('notice.preview', { ...draft, effectiveDate: '2028-02-29' }, personal))).body as {
      value: Record<string, unknown>;
    };
    expect(cardTexts(leap.value)).toContain('Takes effect on 29 February 2028.');
    expect(JSON.stringify(connector.posted().slice(before))).not.toContain('Dated');
  });

  it('refuses anyone else, in chat and on every notice button, and sends nothing', async () => {
    const mallory: Person = { id: '29:mallory', aadObjectId: 'aad-mallory', name: 'Mallory' };
    const before = connector.posted().length;
    await bot.post('/api/messages', message('notice', { serviceUrl: connector.url, from: mallory }));
    await connector.waitFor(() => connector.posted().length > before);
    expect(String(connector.posted()[before].body.text)).toMatch(/Only privacy admins can send notices/);
    const forged = { draftId: 'NT-00000000000000AA', title: 'Forged', text: 'Forged', url: '', effectiveDate: '', target: 'all', teamIds: '' };
    const response = await bot.post('/api/messages', execute('notice.send', forged, { serviceUrl: connector.url, from: mallory }));
    expect(cardTexts((response.body as { value: unknown }).value)[0]).toBe('Only privacy admins can send notices');
    expect(storedText(bot.dataDir)).not.toContain('Forged');
    await sentThroughTheQueue();
    expect(JSON.stringify(connector.posted().slice(before))).not.toContain('Forged');
    expect((await api('GET', '/api/notices/NT-00000000000000AA')).status).toBe(404);
  });
});
