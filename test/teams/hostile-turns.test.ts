/**
 * Well-formed activities that tried to make the bot misbehave (issue 9), over real HTTP: the real bot,
 * a local Teams connector, the example receiver.
 */
import { ALICE, cardOf, cardTexts, execute, message, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { FEEDBACK_COLLECTION as FEEDBACK } from '../../src/teams/faq-feature';
import { actionData, driver, facts } from '../requests/drive';

/** The activity as a client that does not say what kind of conversation it is would send it. */
function untyped(activity: Record<string, unknown>): Record<string, unknown> {
  const { conversationType: _left, ...conversation } = activity.conversation as Record<string, unknown>;
  return { ...activity, conversation };
}

const ADMIN: Person = { id: '29:hostile-admin', aadObjectId: 'aad-hostile-admin', name: 'Ada Admin' };

describe('hostile turns', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BootedBot;

  beforeAll(async () => {
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    bot = await bootBot({ PRIVACY_WEBHOOK_URL: receiver.url, PRIVACY_WEBHOOK_SECRET: receiver.secret, PRIVACY_ADMIN_IDS: ADMIN.aadObjectId });
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([receiver.close(), connector.close()]);
  });
  afterEach(() => {
    receiver.gate = undefined;
  });

  /** Posts an activity and returns what the bot posted back into any conversation. */
  async function turn(activity: Record<string, unknown>, replies = 1) {
    const before = connector.posted().length;
    const response = await bot.post('/api/messages', activity);
    expect(response.status).toBe(200);
    await connector.waitFor(() => connector.posted().length >= before + replies);
    return connector.posted().slice(before);
  }

  it.each(['constructor', 'what is the constructor of my data', '__proto__', 'toString', 'does hasOwnProperty valueOf apply to me'])(
    'answers "%s" with an answer or the not-covered card, not the apology',
    async (question) => {
      const [reply] = await turn(message(question, { serviceUrl: connector.url }));
      expect(String(reply.body.text ?? '')).not.toMatch(/something went wrong/i);
      expect(cardTexts(cardOf(reply.body)).length).toBeGreaterThan(0);
    },
  );

  it('takes mention entities of any shape without failing the turn', async () => {
    const activity = {
      ...message('how long do you keep my data', { serviceUrl: connector.url }),
      entities: [null, {}, { type: 5 }, { type: 'mention', mentioned: null }, 'text'],
    };
    const [reply] = await turn(activity);
    expect(cardTexts(cardOf(reply.body))[0]).toMatch(/retention/i);
  });

  it('treats a conversation without a conversationType as shared: lists and forms go to a personal chat', async () => {
    const person: Person = { id: '29:untyped', aadObjectId: 'aad-untyped', name: 'Una' };
    const where = { serviceUrl: connector.url, from: person, conversationId: '19:somewhere@thread.v2' };
    for (const text of ['my requests', 'export my data']) {
      const posts = await turn(untyped(message(text, where)), 2);
      const inConversation = posts.filter((call) => call.conversationId === where.conversationId);
      const inPersonal = posts.filter((call) => call.conversationId === `a:personal-${person.id}`);
      expect(inConversation.map((call) => String(call.body.text))).toEqual([expect.stringMatching(/private message/)]);
      expect(inConversation.every((call) => cardOf(call.body) === undefined)).toBe(true);
      expect(inPersonal.map((call) => cardOf(call.body) !== undefined)).toEqual([true]);
    }
    // A form pressed there is not taken either: the answers would show in the shared conversation.
    const [form] = await driver(bot, connector, { from: person }).say('delete my data');
    const before = connector.posted().length;
    const pressed = await bot.post('/api/messages', untyped(execute('request.review', { ...actionData(form, 'request.review'), scope: 'everything' }, where)));
    expect(JSON.stringify(pressed.body)).not.toContain('Confirm your deletion request');
    // The person is told where to go on instead.
    await connector.waitFor(() =>
      connector
        .posted()
        .slice(before)
        .some((call) => call.conversationId === where.conversationId && /Privacy requests are private/.test(String(call.body.text))),
    );
  });

  it('lists failed requests for "replay failed requests" only in a personal chat', async () => {
    receiver.gate = () => ({ status: 410 });
    const person: Person = { id: '29:replayed', aadObjectId: 'aad-replayed', name: 'Rita' };
    const chat = driver(bot, connector, { from: person });
    const [form] = await chat.say('export my data');
    const id = facts((await chat.press('request.submit', { ...actionData(form, 'request.submit'), include: 'account', format: 'json' })).card).Reference;
    // The admin's alert comes first: it goes to their personal chat, with the id.
    await connector.waitFor(() =>
      connector.posted().some((call) => call.conversationId === `a:personal-${ADMIN.aadObjectId}` && JSON.stringify(call.body).includes(id)),
    );
    receiver.gate = undefined;

    const channel = { conversationType: 'channel' as const, conversationId: '19:general@thread.tacv2;messageid=9', teamId: '19:team@thread.tacv2' };
    const [inChannel] = await turn(message('replay failed requests', { serviceUrl: connector.url, from: ADMIN, mention: true, ...channel }));
    expect(inChannel.conversationId).toBe(channel.conversationId);
    expect(String(inChannel.body.text)).toMatch(/only do it in a personal chat/);
    expect(JSON.stringify(inChannel.body)).not.toContain(id);
    // The alert card's button, pressed in the channel, is refused the same way.
    const before = connector.posted().length;
    await driver(bot, connector, { from: ADMIN, ...channel }).press('request.replay', { requestId: id });
    const refusal = connector.posted().slice(before);
    expect(refusal.map((call) => [call.conversationId, String(call.body.text)])).toEqual([
      [channel.conversationId, expect.stringMatching(/only do it in a personal chat/)],
    ]);
    const [list] = await chat.say('my requests');
    expect(facts(list).Status).toMatch(/failed/i);

    const [inPersonal] = await turn(message('replay failed requests', { serviceUrl: connector.url, from: ADMIN }));
    expect(String(inPersonal.body.text)).toContain(id);
  });

  it('keeps one feedback record per person and entry, and slows down a person who clicks 150 times at once', async () => {
    const person: Person = { id: '29:clicker', aadObjectId: 'aad-clicker', name: 'Cleo' };
    const [first, second] = bot.app.faq.entries;
    const before = (await bot.app.store.list(FEEDBACK)).length;
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        bot.post(
          '/api/messages',
          execute('faq.feedback', { entryId: (i % 2 === 0 ? first : second).id, helpful: i % 3 === 0 }, { serviceUrl: connector.url, from: person }),
        ),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const bodies = answers.map((answer) => answer.body as { type: string; value: unknown });
    const taken = bodies.filter((body) => body.type === 'application/vnd.microsoft.card.adaptive');
    // The bucket holds 40 clicks and earns one back a second.
    expect(taken.length).toBeGreaterThanOrEqual(40);
    expect(taken.length).toBeLessThanOrEqual(40 + Math.ceil(seconds) + 1);
    // Every other click is answered with the request to slow down, shown where the card was clicked.
    expect(new Set(bodies.filter((body) => !taken.includes(body)).map((body) => JSON.stringify(body)))).toEqual(
      new Set([
        JSON.stringify({
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: 'You are sending me messages faster than I can answer them. Please wait a few seconds, then try again.',
        }),
      ]),
    );
    expect((await bot.app.store.list(FEEDBACK)).length - before).toBe(2);

    // Someone else is not held up by it.
    const other = await driver(bot, connector, { from: { id: '29:other', aadObjectId: 'aad-other', name: 'Otto' } }).press('faq.feedback', {
      entryId: first.id,
      helpful: false,
    });
    expect(cardTexts(other.card)).toContain('Thanks for telling me. Try asking in other words, or contact the privacy team.');
    expect((await bot.app.store.list(FEEDBACK)).length - before).toBe(3);
  });

  it('answers a flood of messages up to the limit, says "slow down" once, and answers again after a pause', async () => {
    const person: Person = { id: '29:flooder', aadObjectId: 'aad-flooder', name: 'Flo' };
    const before = connector.posted().length;
    for (let i = 0; i < 60; i++) await bot.post('/api/messages', message(`thanks ${i}`, { serviceUrl: connector.url, from: person }));
    const replies = connector
      .posted()
      .slice(before)
      .map((call) => String(call.body.text));
    const slowDown = replies.filter((text) => /faster than I can answer/.test(text));
    expect(slowDown).toHaveLength(1);
    // A burst of 30, and one more every 2 seconds while the 60 were sent.
    expect(replies.length - 1).toBeGreaterThanOrEqual(30);
    expect(replies.length - 1).toBeLessThan(60);
    const answered = async () => {
      const count = connector.posted().length;
      await bot.post('/api/messages', message('thanks', { serviceUrl: connector.url, from: person }));
      return connector.posted().length > count;
    };
    await until(answered, 10_000, 'an answer once the bucket refills');
  });

  it('never logs the text of hostile messages', () => {
    expect(bot.logs.join('\n')).not.toMatch(/hasOwnProperty|constructor of my data/);
    expect(bot.logs.join('\n')).not.toContain(ALICE.name);
  });
});
