/**
 * Text from people and other systems shown in Teams: names and typed questions as plain text (their
 * Markdown shown, never rendered), and links in notices and the privacy team's answers only to
 * https: or mailto: (refused with 400 by the API, shown as plain text in Teams). Real HTTP, the real
 * bot, the fake connector.
 */
import { ALICE, cardOf, submit, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { rosterMember, startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { actionData, driver } from '../requests/drive';
import { copiesOf, install, NOTICE_TOKEN, noticeApi, teamId } from '../notices/notice-api';
import { answersTo, askTheTeam, BOB, cardWords, inPrivacyChannel, PRIVACY_CHANNEL, ticketPosts } from '../questions/ask-drive';

/** A Markdown link Teams would render: `[text](target)` whose brackets are not escaped. */
const LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\(/;
const PHISHER: Person = { id: '29:phisher', aadObjectId: 'aad-phisher', name: '[Verify here](https://evil.example/login)' };

describe('text from outside, shown in Teams', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  const api = noticeApi(() => bot.url);

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL, NOTICE_API_TOKEN: NOTICE_TOKEN, NOTICE_MAX_RPS: '50' });
    await install(bot.post, connector, teamId('md', 1));
    // The roster gives the name questions show: the phisher's is set to a Markdown link.
    connector.respond = (call) =>
      call.method === 'GET' && call.path.endsWith(`/members/${encodeURIComponent(PHISHER.id)}`)
        ? { status: 200, body: { ...rosterMember(PHISHER.id), name: PHISHER.name } }
        : undefined;
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  it('shows a display name and a typed question with Markdown in them as written, in the ticket and to whoever answers', async () => {
    const chat = driver(bot, connector);
    const typed = 'Is **this** [safe](https://evil.example/q)?';
    const { id } = await askTheTeam(chat, connector, 'what about my fishing licence', { from: PHISHER, edit: typed });
    await until(() => ticketPosts(connector, id).length > 0, 10_000, 'the ticket');
    const ticket = cardWords(cardOf(ticketPosts(connector, id)[0].body)).join('\n');
    expect(ticket).toContain('Asked by \\[Verify here\\](https://evil.example/login)');
    expect(ticket).toContain('Is \\*\\*this\\*\\* \\[safe\\](https://evil.example/q)?');
    expect(ticket).not.toMatch(LINK);

    const assigned = await chat.press('question.assign', { questionId: id }, inPrivacyChannel(PHISHER));
    expect(cardWords(assigned.card).join('\n')).not.toMatch(LINK);
  });

  it("shows links in the team's answer to anything but https: or mailto: as plain text", async () => {
    const chat = driver(bot, connector);
    const { id } = await askTheTeam(chat, connector, 'what about my fishing licence again', { from: ALICE });
    await until(() => ticketPosts(connector, id).length > 0, 10_000, 'the ticket');
    await chat.press(
      'question.answer',
      { questionId: id, answer: 'See [our page](https://contoso.example/p), [write](mailto:privacy@contoso.example) or [this](javascript:alert(1)).' },
      inPrivacyChannel(BOB),
    );
    await until(() => answersTo(connector, ALICE, id).length > 0, 10_000, 'the answer');
    const answer = cardWords(answersTo(connector, ALICE, id)[0]).join('\n');
    expect(answer).toContain('[our page](https://contoso.example/p)');
    expect(answer).toContain('[write](mailto:privacy@contoso.example)');
    expect(answer).toContain('\\[this\\](javascript:alert(1))');
  });

  it('refuses a notice linking anywhere but https: or mailto: with 400, and thanks a person by name as plain text', async () => {
    for (const text of ['[x](javascript:alert(1))', 'Read <data:text/html,hello>', '[x](JaVa\tScript:alert(1))']) {
      const refused = await api.call('POST', '/api/notices', { title: 'Links', text });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { problems: string[] }).problems).toEqual(['text may only link to https: or mailto: addresses']);
    }
    const sent = await api.call('POST', '/api/notices', { title: 'Links', text: 'See [the policy](https://contoso.example/policy).' });
    expect(sent.status).toBe(202);
    const { id } = (await sent.json()) as { id: string };
    const edit = await api.call('PATCH', `/api/notices/${id}`, { text: '[x](vbscript:run)' });
    expect(edit.status).toBe(400);

    await api.waitFor(id, 'done');
    const data = actionData(cardOf(copiesOf(connector, 'Links').get(teamId('md', 1))![0].body), 'notice.ack');
    const before = connector.posted().length;
    // Without Universal Actions: Action.Submit, answered with a "Thanks, {name}" message.
    const team = teamId('md', 1);
    const pressed = submit(
      { ...data, verb: 'notice.ack' },
      { serviceUrl: connector.url, from: PHISHER, conversationType: 'channel', conversationId: `${team};messageid=1700000000000`, teamId: team },
    );
    expect((await bot.post('/api/messages', pressed)).status).toBe(200);
    await until(() => connector.posted().length > before, 10_000, 'the thanks');
    const thanks = String(connector.posted().at(-1)!.body.text);
    expect(thanks).toContain('Thanks, \\[Verify here\\](https://evil.example/login)');
    expect(thanks).not.toMatch(LINK);
  });
});
