/**
 * Ask the privacy team over real HTTP: the bot on a free port and a local Teams connector. An asker
 * whose question the policy does not cover asks the team; the ticket appears once in the privacy
 * channel; the team assigns, answers and closes it from there; the answer reaches the asker's
 * personal chat. And every refusal: nothing is sent or changed, and the person is told why.
 */
import { ALICE, cardActionTitles, cardOf, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { rosterMember, startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { actionData, driver, facts, type Driver } from '../requests/drive';
import { NOTIFICATIONS_COLLECTION } from '../../src/notifications/notification-outbox';
import { QUESTIONS_COLLECTION } from '../../src/questions/question-service';
import {
  answersTo,
  askTheTeam,
  sayHere,
  BOB,
  CAROL,
  cardWords,
  inPrivacyChannel,
  pressForMessages,
  PRIVACY_CHANNEL,
  shows,
  ticketPosts,
  ticketUpdates,
} from './ask-drive';

const DAN: Person = { id: '29:dan', aadObjectId: 'aad-dan', name: 'Dan Example' };
const OUTSIDER: Person = { id: '29:mallory', aadObjectId: 'aad-mallory', name: 'Mallory' };
const ADMIN: Person = { id: '29:insights-admin', aadObjectId: 'aad-insights-admin', name: 'Ines Admin' };
const API_TOKEN = 'insights-api-token-0123456789';

describe('ask the privacy team', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  let chat: Driver;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL, PRIVACY_ADMIN_IDS: ADMIN.aadObjectId, NOTICE_API_TOKEN: API_TOKEN });
    chat = driver(bot, connector);
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  const ticketCard = (id: string) => cardOf(ticketPosts(connector, id)[0].body);
  const storedQuestions = async () => (await bot.app.store.list(QUESTIONS_COLLECTION)).map((item) => item.key);

  it('takes a question the policy does not cover to the privacy channel, and brings the answer back to the asker', async () => {
    const question = 'is my data used to train AI?';
    const [reply] = await sayHere(chat, connector, question);
    expect(cardWords(reply)[0]).toBe('The policy does not cover that');
    expect(cardActionTitles(reply)).toContain('Ask the privacy team');

    // The form has the question filled in, editable.
    const { cards } = await pressForMessages(chat, connector, 'question.open', actionData(reply, 'question.open'));
    const form = cards[0];
    expect(cardWords(form)[0]).toBe('Ask the privacy team');
    expect(JSON.stringify(form)).toContain(`"value":"${question}"`);
    const edited = 'Is my data used to train AI models, and can I opt out of that?';
    const sent = await chat.press('question.send', { ...actionData(form, 'question.send'), question: edited });
    expect(cardWords(sent.card)[0]).toBe('Question sent to the privacy team');
    const id = facts(sent.card).Reference;
    expect(id).toMatch(/^Q-[0-9A-Z]{8}$/);

    // The ticket: once, in the privacy channel, with the question, the asker's name from the roster, the time and the status.
    await until(() => ticketPosts(connector, id).length > 0, 10_000, 'the ticket in the privacy channel');
    const ticket = ticketCard(id);
    expect(cardWords(ticket)).toEqual(expect.arrayContaining([edited, 'Status: Open: nobody has it yet']));
    expect(cardWords(ticket).join('\n')).toMatch(
      new RegExp(`Asked by ${rosterMember(ALICE.id).name} on \\{\\{DATE\\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ, SHORT\\)\\}\\} at \\{\\{TIME\\(`),
    );
    expect(cardActionTitles(ticket)).toEqual(['Assign to me', 'Answer', 'Send answer', 'Close']);
    expect(ticket).toMatchObject({ refresh: { action: { type: 'Action.Execute', verb: 'question.refresh', data: { questionId: id } } } });

    // Assign to me: the presser sees it is theirs; everyone else's card is replaced in place.
    const assigned = await chat.press('question.assign', { questionId: id }, inPrivacyChannel(BOB));
    expect(cardWords(assigned.card)).toContain('Status: Assigned to you');
    expect(cardActionTitles(assigned.card)).not.toContain('Assign to me');
    await until(
      () => ticketUpdates(connector, id).some((call) => shows(cardOf(call.body), `Assigned to ${rosterMember(BOB.id).name}`)),
      10_000,
      'the shared card shows who has it',
    );
    const refreshed = await chat.press('question.refresh', { questionId: id }, inPrivacyChannel(CAROL));
    expect(cardWords(refreshed.card)).toContain(`Status: Assigned to ${rosterMember(BOB.id).name}`);
    expect(cardActionTitles(refreshed.card)).toContain('Assign to me');

    // Answer: the asker gets it in their personal chat, once.
    const answer = 'No: our AI features do not learn from your data. Write to privacy@contoso.example with any doubt.';
    const answered = await chat.press('question.answer', { questionId: id, answer }, inPrivacyChannel(BOB));
    expect(cardWords(answered.card)).toEqual(
      expect.arrayContaining([`Status: Answered by ${rosterMember(BOB.id).name}`, answer, `Your answer is on its way to ${rosterMember(ALICE.id).name}.`]),
    );
    expect(cardActionTitles(answered.card)).toEqual(['Close']);
    await until(() => answersTo(connector, ALICE, id).length > 0, 10_000, "the answer in the asker's personal chat");
    const delivered = answersTo(connector, ALICE, id)[0];
    expect(cardWords(delivered)[0]).toBe('Answer from the privacy team');
    expect(cardWords(delivered)).toEqual(expect.arrayContaining([edited, answer, 'Was this helpful?']));
    const rated = await chat.press('question.rate', actionData(delivered, 'question.rate'));
    expect(cardWords(rated.card)).toContain('Thanks for the feedback.');

    // my questions: reference, status and answer.
    const [mine] = await sayHere(chat, connector, 'my questions');
    expect(cardWords(mine)).toEqual(expect.arrayContaining(['Your questions to the privacy team', `${id}: Answered`, edited, answer]));

    // Close: the card shows it, and nothing more is offered on it.
    const closed = await chat.press('question.close', { questionId: id }, inPrivacyChannel(CAROL));
    expect(cardWords(closed.card)).toContain(`Status: Closed by ${rosterMember(CAROL.id).name}`);
    expect(cardActionTitles(closed.card)).toEqual([]);
    await until(() => ticketUpdates(connector, id).some((call) => shows(cardOf(call.body), 'Closed by')), 10_000, 'the shared card closed');

    // Once each: one ticket, one answer; the answer was not followed by a "closed" note.
    expect(ticketPosts(connector, id)).toHaveLength(1);
    expect(answersTo(connector, ALICE, id)).toHaveLength(1);
    expect(connector.posted().filter((call) => shows(cardOf(call.body), 'Your question was closed'))).toHaveLength(0);

    // Logs carry the reference, never the question or the answer.
    expect(bot.logs.some((line) => line.includes(id))).toBe(true);
    for (const line of bot.logs) {
      expect(line).not.toMatch(/train AI|AI models/);
      expect(line).not.toContain('privacy@contoso');
    }
  });

  it('offers to ask under every answer card, with the Markdown for content/ once the team answers', async () => {
    const [answer] = await sayHere(chat, connector, 'how long do you keep my data', { from: DAN });
    expect(cardWords(answer)[0]).toBe('Data Retention');
    expect(cardActionTitles(answer)).toContain('Ask the privacy team');
    // After "Was this helpful?" the button is still there, with the question.
    const no = await chat.press('faq.feedback', { ...actionData(answer, 'faq.feedback'), helpful: false }, { from: DAN });
    expect(actionData(no.card, 'question.open')).toMatchObject({
      question: 'how long do you keep my data',
      entryId: actionData(answer, 'faq.feedback').entryId,
    });

    const { cards } = await pressForMessages(chat, connector, 'question.open', actionData(no.card, 'question.open'), { from: DAN });
    const sent = await chat.press(
      'question.send',
      { ...actionData(cards[0], 'question.send'), question: 'How long are my chat messages kept after I leave?' },
      { from: DAN },
    );
    const id = facts(sent.card).Reference;
    await until(() => ticketPosts(connector, id).length > 0, 10_000, 'the ticket');
    expect(cardWords(ticketCard(id))).toContain('Was reading: Data Retention');

    const answered = await chat.press('question.answer', { questionId: id, answer: 'Ninety days after you leave.\n# not a heading' }, inPrivacyChannel(BOB));
    const words = cardWords(answered.card);
    expect(words).toContain('Also asked: How long are my chat messages kept after I leave?');
    expect(words).toContain('## How long are my chat messages kept after I leave?\nNinety days after you leave.\n\\# not a heading\n');
    expect(JSON.stringify(answered.card)).toContain('Under \\"Data Retention\\" in policy/02-data-protection-and-security.md');
    await until(() => answersTo(connector, DAN, id).length > 0, 10_000, 'the answer delivered');
  });

  it('offers to ask on the "Did you mean…" card too, and on the answer a candidate opens', async () => {
    // Several entries fit this one and none clearly best (the retrieval's call, on the sample policy).
    const question = 'data protection officer contact details';
    const [card] = await sayHere(chat, connector, question, { from: DAN });
    expect(cardWords(card)[0]).toBe('Did you mean…');
    expect(actionData(card, 'question.open')).toEqual({ question });
    const candidate = (card.body as Array<{ type: string; actions?: Array<{ data: Record<string, unknown> }> }>).find((item) => item.type === 'ActionSet')!
      .actions![0].data;
    const { cards } = await pressForMessages(chat, connector, 'faq.open', candidate, { from: DAN });
    expect(actionData(cards[0], 'question.open')).toEqual({ question, entryId: candidate.entryId });
  });

  it("in a channel, continues in the asker's personal chat", async () => {
    const channel = {
      conversationType: 'channel' as const,
      conversationId: '19:general@thread.tacv2',
      teamId: '19:general@thread.tacv2',
      mention: true,
      from: DAN,
    };
    const [reply] = await sayHere(chat, connector, 'will my messages train the AI model', channel);
    const inPersonal = () =>
      connector
        .posted()
        .filter((call) => call.conversationId === `a:personal-${DAN.id}`)
        .map((call) => cardOf(call.body));
    const personalBefore = inPersonal().length;
    const { cards, texts } = await pressForMessages(chat, connector, 'question.open', actionData(reply, 'question.open'), channel);
    // In the thread: a note, and no form.
    expect(texts).toEqual(['I have sent you a private message to continue. Your question stays between you and the privacy team.']);
    expect(cards).toEqual([]);
    // In the personal chat: the form, once.
    const forms = inPersonal().slice(personalBefore);
    expect(forms.map((card) => cardWords(card)[0])).toEqual(['Ask the privacy team']);
    const form = forms[0];
    // Sent from the channel instead of the personal chat: refused, nothing asked.
    const before = ticketPosts(connector).length;
    const refused = await pressForMessages(
      chat,
      connector,
      'question.send',
      { ...actionData(form, 'question.send'), question: 'will my messages train the AI model' },
      channel,
    );
    expect(refused.texts).toContain('Questions to the privacy team are private: open a chat with me (Privacy Assistant) and ask there.');
    expect(ticketPosts(connector)).toHaveLength(before);
  });

  describe('refusals', () => {
    let id: string;
    beforeAll(async () => {
      ({ id } = await askTheTeam(chat, connector, 'can my manager read my chats'));
      await until(() => ticketPosts(connector, id).length > 0, 10_000, 'the ticket');
    });

    it('an empty or over-long question gets a clear message and nothing is sent', async () => {
      const [reply] = await sayHere(chat, connector, 'what about my fishing licence');
      const { cards } = await pressForMessages(chat, connector, 'question.open', actionData(reply, 'question.open'));
      const data = actionData(cards[0], 'question.send');
      const stored = await storedQuestions();
      const empty = await chat.press('question.send', { ...data, question: '   ' });
      expect(cardWords(empty.card)).toContain('Please write your question.');
      const long = await chat.press('question.send', { ...data, question: 'x'.repeat(1001) });
      expect(cardWords(long.card)).toContain('A question can be at most 1,000 characters (yours has 1,001). Please shorten it.');
      // The form keeps what was written, to shorten rather than retype.
      expect(JSON.stringify(long.card)).toContain('x'.repeat(1001));
      const [mine] = await sayHere(chat, connector, 'my questions');
      expect(cardWords(mine).join('\n')).not.toContain(data.questionId as string);
      // Nothing stored, so nothing will ever be posted.
      expect(await storedQuestions()).toEqual(stored);
    });

    it('sends nothing from someone who already has five questions waiting', async () => {
      const eager: Person = { id: '29:eager', aadObjectId: 'aad-eager', name: 'Eager Asker' };
      for (let n = 1; n <= 5; n++) await askTheTeam(chat, connector, `what about my fishing licence number ${n}`, { from: eager });
      const [reply] = await sayHere(chat, connector, 'what about my fishing licence number 6', { from: eager });
      const { cards } = await pressForMessages(chat, connector, 'question.open', actionData(reply, 'question.open'), { from: eager });
      const stored = await storedQuestions();
      const refused = await chat.press(
        'question.send',
        { ...actionData(cards[0], 'question.send'), question: 'what about my fishing licence number 6' },
        { from: eager },
      );
      expect(cardWords(refused.card).join('\n')).toContain('You already have 5 questions waiting for the privacy team.');
      expect(await storedQuestions()).toEqual(stored);
    });

    it('refuses ticket actions from outside the privacy channel, and changes nothing', async () => {
      const updates = ticketUpdates(connector, id).length;
      for (const where of [
        { from: BOB },
        { from: BOB, conversationType: 'channel' as const, conversationId: '19:other@thread.tacv2;messageid=1', teamId: '19:other@thread.tacv2' },
        { from: BOB, conversationType: 'groupChat' as const },
      ]) {
        for (const [verb, data] of [
          ['question.assign', {}],
          ['question.answer', { answer: 'Sneaky answer' }],
          ['question.close', {}],
          ['question.refresh', {}],
        ] as const) {
          const pressed = await chat.press(verb, { questionId: id, ...data }, where);
          expect(pressed.status).toBe(403);
        }
      }
      const [mine] = await sayHere(chat, connector, 'my questions');
      expect(cardWords(mine)).toContain(`${id}: Sent to the privacy team`);
      expect(ticketUpdates(connector, id)).toHaveLength(updates);
      expect(answersTo(connector, ALICE, id)).toHaveLength(0);
    });

    it('refuses forged card data', async () => {
      expect((await chat.press('question.assign', { questionId: 'Q-ZZZZZZZZ' }, inPrivacyChannel(BOB))).status).toBe(400);
      expect((await chat.press('question.assign', { questionId: { $ne: 1 } }, inPrivacyChannel(BOB))).status).toBe(400);
      expect((await chat.press('question.rate', { questionId: id, helpful: true }, { from: OUTSIDER })).status).toBe(400);
      // A form issued to Alice, sent by someone else, or with its token altered: a fresh form, nothing asked.
      const [reply] = await sayHere(chat, connector, 'who is the DPO');
      const { cards } = await pressForMessages(chat, connector, 'question.open', actionData(reply, 'question.open'));
      const data = actionData(cards[0], 'question.send');
      const stored = await storedQuestions();
      const forgeries: Array<[Record<string, unknown>, Person]> = [
        [{ ...data }, OUTSIDER],
        [{ ...data, formToken: 'forged' }, ALICE],
        [{ ...data, questionId: id }, ALICE],
      ];
      for (const [forged, from] of forgeries) {
        const pressed = await chat.press('question.send', { ...forged, question: 'who is the DPO' }, { from });
        expect(cardWords(pressed.card)).toContain('That form has expired or was not issued to you. Here is a fresh one.');
        expect(actionData(pressed.card, 'question.send').questionId).not.toBe(forged.questionId);
      }
      expect(await storedQuestions()).toEqual(stored);
    });

    it('keeps one answer when two are sent at once, and tells the second person', async () => {
      const [first, second] = await Promise.all([
        chat.press('question.answer', { questionId: id, answer: 'Answer from Bob' }, inPrivacyChannel(BOB)),
        chat.press('question.answer', { questionId: id, answer: 'Answer from Carol' }, inPrivacyChannel(CAROL)),
      ]);
      const [winner, loser] = shows(first.card, 'Your answer is on its way') ? [first, second] : [second, first];
      const winnerText = shows(winner.card, 'Answer from Bob') ? 'Answer from Bob' : 'Answer from Carol';
      expect(shows(winner.card, 'Your answer is on its way')).toBe(true);
      expect(cardWords(loser.card).join('\n')).toMatch(/answered this question first: their answer was sent and yours was not\./);
      expect(cardWords(loser.card)).toContain(winnerText);
      await until(() => answersTo(connector, ALICE, id).length > 0, 10_000, 'the answer delivered');
      // Only one answer was ever queued for the asker, and it has left the outbox.
      await until(async () => (await bot.app.store.list(NOTIFICATIONS_COLLECTION)).length === 0, 10_000, 'the outbox empty');
      const delivered = answersTo(connector, ALICE, id);
      expect(delivered).toHaveLength(1);
      expect(cardWords(delivered[0])).toContain(winnerText);
      // A third, later answer changes nothing either.
      const late = await chat.press('question.answer', { questionId: id, answer: 'Late answer' }, inPrivacyChannel(BOB));
      expect(cardWords(late.card)).not.toContain('Late answer');
      expect(shows(late.card, 'answered this question first')).toBe(true);
    });

    it('refuses every action on a closed ticket, and changes nothing', async () => {
      const { id: other } = await askTheTeam(chat, connector, 'is my data used to train AI', { from: DAN });
      await until(() => ticketPosts(connector, other).length > 0, 10_000, 'the ticket');
      await chat.press('question.close', { questionId: other }, inPrivacyChannel(BOB));
      // Closed without an answer: the asker is told so.
      await until(
        () => connector.posted().some((call) => call.conversationId === `a:personal-${DAN.id}` && shows(cardOf(call.body), 'Your question was closed')),
        10_000,
        'the asker told of the close',
      );
      for (const [verb, data] of [
        ['question.assign', {}],
        ['question.answer', { answer: 'Too late' }],
        ['question.close', {}],
      ] as const) {
        const pressed = await chat.press(verb, { questionId: other, ...data }, inPrivacyChannel(CAROL));
        expect(cardWords(pressed.card)).toContain('This question is closed: nothing was changed.');
        expect(cardWords(pressed.card)).toContain(`Status: Closed by ${rosterMember(BOB.id).name}`);
      }
      expect(answersTo(connector, DAN, other)).toHaveLength(0);
    });
  });

  describe('insights', () => {
    it('shows privacy admins what the content is missing, and nobody else', async () => {
      for (const question of ['is my data used to train AI models?', 'will my messages train the AI model', 'is my data used to train AI']) {
        await chat.say(question, { from: OUTSIDER });
      }
      const lastText = (conversationId: string) =>
        connector
          .posted()
          .filter((call) => call.conversationId === conversationId)
          .at(-1)?.body.text;
      expect(await sayHere(chat, connector, 'insights', { from: OUTSIDER })).toEqual([]);
      expect(lastText(`a:personal-${OUTSIDER.id}`)).toBe('Only privacy admins can see insights.');
      const adminsChannel = {
        from: ADMIN,
        conversationType: 'channel' as const,
        conversationId: '19:admins@thread.tacv2',
        teamId: '19:admins@thread.tacv2',
        mention: true,
      };
      await chat.say('insights', adminsChannel);
      expect(lastText(adminsChannel.conversationId)).toBe('Insights are shown in a personal chat with me: open one and type "insights".');

      const [card] = await sayHere(chat, connector, 'insights', { from: ADMIN });
      const words = cardWords(card);
      expect(words[0]).toBe('What the content is missing');
      expect(words.find((line) => /^\d+× ".*train.*"$/.test(line))).toMatch(/^([3-9]|\d\d)× /);
      expect(words).toContain('Questions sent to the privacy team');
      expect(words.some((line) => line.includes('Answered') && line.includes('Q-'))).toBe(true);
      expect(words).toContain('Data Retention (policy/02-data-protection-and-security.md): 1 of 1 said not helpful');
    });

    it('answers GET /api/insights with the token, and 401 without', async () => {
      expect((await fetch(`${bot.url}/api/insights`)).status).toBe(401);
      expect((await fetch(`${bot.url}/api/insights`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
      const response = await fetch(`${bot.url}/api/insights`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        days: number;
        unanswered: Array<{ question: string; count: number }>;
        notHelpful: Array<{ entryId: string; notHelpful: number }>;
        sentToTeam: Array<{ id: string; status: string; question: string }>;
        paste: Array<{ questionId: string; newEntry: string; alsoAsked?: { markdown: string } }>;
      };
      expect(body.days).toBe(30);
      const training = body.unanswered.find((group) => /train/i.test(group.question));
      expect(training?.count).toBeGreaterThanOrEqual(3);
      expect(body.sentToTeam.map((item) => item.status)).toEqual(expect.arrayContaining(['answered', 'closed']));
      expect(
        body.paste.some((item) => item.newEntry.startsWith('## Is my data used to train AI models, and can I opt out of that?\nNo: our AI features')),
      ).toBe(true);
      // Nothing in it names who asked.
      const text = JSON.stringify(body);
      for (const person of [ALICE, DAN, OUTSIDER]) {
        expect(text).not.toContain(person.aadObjectId);
        expect(text).not.toContain(rosterMember(person.id).name);
      }
    });
  });
});
