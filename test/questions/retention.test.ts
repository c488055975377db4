/**
 * What the bot keeps of questions, over time. Unanswered questions, as the privacy team's insights
 * see them and as the bot keeps them: without who asked, within the last 30 days in insights, erased
 * after 90. Questions to the privacy team: REQUEST_RETENTION_DAYS after they were answered or closed,
 * their words and everyone's names and ids are erased; open work is kept. The bot runs on a clock
 * the test moves; everything else is real (HTTP, the connector, the file store).
 */
import { ALICE, BOB, cardActionTitles, cardOf, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { HousekeepingRounds } from '../fakes/housekeeping-rounds';
import { storedText } from '../fakes/stored-text';
import { rosterMember, startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { actionData, driver } from '../requests/drive';
import { UNANSWERED_COLLECTION } from '../../src/questions/content-gaps';
import { QUESTIONS_COLLECTION } from '../../src/questions/question-service';
import { groupSimilar } from '../../src/questions/similar';
import type { Question } from '../../src/questions/types';
import {
  answersTo,
  askTheTeam,
  BOB as TEAM_BOB,
  CAROL,
  cardWords,
  inPrivacyChannel,
  PRIVACY_CHANNEL,
  sayHere,
  shows,
  ticketPosts,
  ticketUpdates,
} from './ask-drive';

const DAY = 86_400_000;
const TOKEN = 'retention-api-token-0123456789';

describe('unanswered questions', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  let now = Date.parse('2027-03-01T09:00:00Z');

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ NOTICE_API_TOKEN: TOKEN }, { clock: () => now });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  const insights = async () =>
    (await (await fetch(`${bot.url}/api/insights`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
      from: string;
      unanswered: Array<{ question: string; count: number }>;
    };

  it('are kept without who asked, shown for 30 days and erased after 90', async () => {
    await driver(bot, connector, { from: ALICE }).say('is my data used to train AI models?');
    await driver(bot, connector, { from: BOB }).say('will my messages train the AI model');
    // Answered questions are not gaps.
    await driver(bot, connector, { from: BOB }).say('how long do you keep my data');

    const stored = await bot.app.store.list<Record<string, unknown>>(UNANSWERED_COLLECTION);
    expect(stored).toHaveLength(2);
    for (const item of stored) expect(Object.keys(item.value).sort()).toEqual(['at', 'text']);
    // None of the askers' identifiers (looked for themselves: a stored time such as 13:29 also has "29:").
    const storedText = JSON.stringify(stored);
    for (const person of [ALICE, BOB]) for (const identifier of [person.id, person.aadObjectId, person.name]) expect(storedText).not.toContain(identifier);
    expect(storedText).not.toMatch(/alice|bob|aad-/i);

    expect((await insights()).unanswered).toEqual([
      { question: expect.stringMatching(/train/), count: 2, examples: [expect.stringMatching(/train/)], lastAskedAt: new Date(now).toISOString() },
    ]);

    now += 31 * DAY;
    const later = await insights();
    expect(later.from).toBe(new Date(now - 30 * DAY).toISOString());
    expect(later.unanswered).toEqual([]);
    expect(await bot.app.store.list(UNANSWERED_COLLECTION)).toHaveLength(2);

    now += 60 * DAY;
    await insights();
    expect(await bot.app.store.list(UNANSWERED_COLLECTION)).toHaveLength(0);
    expect(bot.logs.some((line) => line.includes('unanswered questions erased') && line.includes('"erased":2'))).toBe(true);
  });
});

describe('questions to the privacy team', () => {
  const RETENTION_DAYS = 7;
  const ERIN: Person = { id: '29:erin-asks', aadObjectId: 'aad-erin-asks', name: 'Erin Asker' };
  const OLIVE: Person = { id: '29:olive-asks', aadObjectId: 'aad-olive-asks', name: 'Olive Asker' };
  const ADMIN: Person = { id: '29:retention-admin', aadObjectId: 'aad-retention-admin', name: 'Ida Admin' };
  let connector: FakeConnector;
  let bot: BootedBot;
  let offset = 0;
  const rounds = new HousekeepingRounds();

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot(
      { PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL, PRIVACY_ADMIN_IDS: ADMIN.aadObjectId, NOTICE_API_TOKEN: TOKEN, REQUEST_RETENTION_DAYS: String(RETENTION_DAYS) },
      { clock: () => Date.now() + offset, housekeepingEveryMs: 100, onHousekeepingRound: rounds.onRound },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  const stored = async (id: string) => (await bot.app.store.get<Question>(QUESTIONS_COLLECTION, id))!.value;
  const sentToTeam = async () =>
    (
      (await (await fetch(`${bot.url}/api/insights`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { sentToTeam: Array<{ id: string }> }
    ).sentToTeam.map((item) => item.id);

  it('are erased REQUEST_RETENTION_DAYS after being answered or closed, everywhere they show; open work is kept', async () => {
    const chat = driver(bot, connector);
    // What is typed first goes to the unanswered log (kept 90 days); the words sent to the team are edited.
    const answeredText = 'Can my manager read the notes from my sick leave appointments?';
    const closedText = 'Who keeps the recordings of my helpdesk calls?';
    const openText = 'Are visitor badge photos shared with the landlord?';
    const answerText = 'No: occupational health notes stay with the occupational health service.';
    const answered = await askTheTeam(chat, connector, 'sick leave notes', { from: ERIN, edit: answeredText });
    const closed = await askTheTeam(chat, connector, 'helpdesk recordings', { from: ERIN, edit: closedText });
    const open = await askTheTeam(chat, connector, 'badge photos', { from: OLIVE, edit: openText });
    await until(() => [answered, closed, open].every(({ id }) => ticketPosts(connector, id).length > 0), 10_000, 'three tickets');

    await chat.press('question.answer', { questionId: answered.id, answer: answerText }, inPrivacyChannel(TEAM_BOB));
    await until(() => answersTo(connector, ERIN, answered.id).length > 0, 10_000, 'the answer delivered');
    await chat.press('question.rate', actionData(answersTo(connector, ERIN, answered.id)[0], 'question.rate'), { from: ERIN });
    await chat.press('question.close', { questionId: closed.id }, inPrivacyChannel(TEAM_BOB));
    await chat.press('question.assign', { questionId: open.id }, inPrivacyChannel(CAROL));
    await until(() => connector.posted().some((call) => shows(cardOf(call.body), 'Your question was closed')), 10_000, 'the close told');
    expect((await stored(answered.id)).rating).toBeDefined();
    const before = await stored(answered.id);
    const closedBefore = await stored(closed.id);
    expect(await sentToTeam()).toEqual(expect.arrayContaining([answered.id, closed.id, open.id]));

    // A day short of the period: nothing erased.
    offset = (RETENTION_DAYS - 1) * DAY;
    await rounds.ranSinceNow('question-retention');
    expect((await stored(answered.id)).erasedAt).toBeUndefined();
    expect((await stored(closed.id)).erasedAt).toBeUndefined();
    expect(storedText(bot.dataDir)).toContain(answeredText);

    offset = RETENTION_DAYS * DAY + 60_000;
    await until(
      async () => (await stored(answered.id)).erasedAt !== undefined && (await stored(closed.id)).erasedAt !== undefined,
      10_000,
      'both finished questions erased',
    );

    const nobody = { aadObjectId: '', tenantId: before.asker.tenantId, name: '', teamsUserId: '' };
    const after = await stored(answered.id);
    expect(after).toEqual({
      id: answered.id,
      text: '',
      askedAt: before.askedAt,
      asker: nobody,
      replyTo: { userId: '', tenantId: before.replyTo.tenantId, serviceUrl: before.replyTo.serviceUrl, channelId: 'msteams' },
      channel: before.channel,
      status: 'answered',
      version: before.version + 1,
      answer: { text: '', by: nobody, at: before.answer!.at },
      ticket: expect.objectContaining({ activityId: before.ticket.activityId }),
      answerTold: 'queued',
      watchers: [],
      updatedAt: after.erasedAt,
      erasedAt: expect.any(String),
    });
    // Erased on the bot's clock, once the period after the answer had passed.
    expect(Date.parse(after.erasedAt!)).toBeGreaterThanOrEqual(Date.parse(before.answer!.at) + RETENTION_DAYS * DAY);
    expect(before.asker.tenantId).not.toBe('');
    expect(await stored(closed.id)).toMatchObject({
      status: 'closed',
      text: '',
      asker: nobody,
      closed: { by: nobody, at: closedBefore.closed!.at },
      watchers: [],
    });
    // The sweep logs its count once its pass ends, which may be just after the records are written.
    const erasedLogged = () =>
      bot.logs
        .filter((line) => line.includes('questions to the privacy team erased'))
        .map((line) => (JSON.parse(line) as { erased: number }).erased)
        .reduce((sum, count) => sum + count, 0);
    await until(async () => erasedLogged() >= 2, 10_000, 'the sweep logged its count');
    expect(erasedLogged()).toBe(2);

    // The assigned question is work in progress: all of it is kept.
    expect(await stored(open.id)).toMatchObject({
      text: openText,
      status: 'assigned',
      asker: { aadObjectId: OLIVE.aadObjectId },
      assignee: { aadObjectId: CAROL.aadObjectId },
    });
    expect((await stored(open.id)).erasedAt).toBeUndefined();

    // Nothing of the asker, the team member or the words is left anywhere in the bot's storage.
    const everywhere = storedText(bot.dataDir);
    for (const gone of [
      answeredText,
      closedText,
      answerText,
      rosterMember(ERIN.id).name,
      ERIN.id,
      ERIN.aadObjectId,
      rosterMember(TEAM_BOB.id).name,
      TEAM_BOB.id,
      TEAM_BOB.aadObjectId,
    ]) {
      expect([gone, everywhere.includes(gone)]).toEqual([gone, false]);
    }
    expect(everywhere).toContain(openText);

    // The cards in the privacy channel are replaced in place by the erased version, without buttons.
    for (const { id } of [answered, closed]) {
      await until(
        () => ticketUpdates(connector, id).some((call) => shows(cardOf(call.body), 'Erased after the retention period')),
        10_000,
        'the channel card erased',
      );
      const card = cardOf(ticketUpdates(connector, id).at(-1)!.body);
      expect(cardWords(card).join('\n')).not.toMatch(/sick leave|helpdesk|occupational|Erin|Bob/i);
      expect(cardActionTitles(card)).toEqual([]);
      expect(ticketPosts(connector, id)).toHaveLength(1);
    }

    // The asker still sees that they asked, and how it ended, without the words.
    const [mine] = await sayHere(chat, connector, 'my questions', { from: ERIN });
    expect(cardWords(mine)).toEqual(expect.arrayContaining([`${answered.id}: Answered`, `${closed.id}: Closed`]));
    expect(cardWords(mine).filter((line) => line === 'Erased after the retention period')).toHaveLength(2);
    expect(cardWords(mine).join('\n')).not.toMatch(/sick leave|helpdesk|occupational/i);

    // The ticket's buttons are refused on an erased question, and change nothing. (The bot records
    // which version the channel card shows just after Teams accepts the update: wait for that first.)
    await until(async () => (await stored(closed.id)).ticket.shownVersion === (await stored(closed.id)).version, 10_000, 'the erased card recorded as shown');
    const erasedRecord = await bot.app.store.get<Question>(QUESTIONS_COLLECTION, closed.id);
    const told = answersTo(connector, ERIN).length;
    for (const [verb, data] of [
      ['question.answer', { answer: 'A late answer.' }],
      ['question.assign', {}],
      ['question.close', {}],
    ] as const) {
      const pressed = await chat.press(verb, { questionId: closed.id, ...data }, inPrivacyChannel(CAROL));
      expect(cardWords(pressed.card)).toContain('This question was erased after the retention period: nothing was changed.');
      expect(cardActionTitles(pressed.card)).toEqual([]);
    }
    const rated = await chat.press('question.rate', { questionId: answered.id, helpful: false }, { from: ERIN });
    expect(cardWords(rated.card)).toContain('This question was erased after the retention period: nothing was changed.');
    expect(await bot.app.store.get<Question>(QUESTIONS_COLLECTION, closed.id)).toEqual(erasedRecord);
    expect((await stored(answered.id)).rating).toBeUndefined();
    expect(answersTo(connector, ERIN)).toHaveLength(told);

    // Insights (within their 30 days) list only what is not erased.
    const listed = await sentToTeam();
    expect(listed).toContain(open.id);
    expect(listed).not.toContain(answered.id);
    expect(listed).not.toContain(closed.id);
  }, 60_000);
});

describe('grouping by similarity', () => {
  it('puts questions that ask the same thing in other words together, and others apart', () => {
    const groups = groupSimilar(
      [
        'Who is the data protection officer?',
        'who is our data protection officer',
        'data protection officer contact details',
        'Can my manager read my chats?',
        'can managers read chats',
        'Is my data used to train AI?',
      ],
      (text) => text,
    );
    expect(groups.map((group) => group.members.length)).toEqual([3, 2, 1]);
    expect(groups[0].representative).toMatch(/data protection officer/i);
    expect(groups[1].members).toEqual(['Can my manager read my chats?', 'can managers read chats']);
  });
});
