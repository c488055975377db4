/**
 * Teaching the bot, over real HTTP: two bot instances share Azure Table Storage (Azurite), each on
 * its own port, with the local Teams connector. The privacy team answers a ticket on one instance;
 * the question is answered by the other within the contract's 60 seconds (each instance polls at its
 * default interval), with no restart. Then `learned`, GET and DELETE /api/learned, Forget, and
 * suggestions made through "Did you mean…" and accepted from insights.
 */
import { LEARNED_POLL_MS } from '../../src/wiring/learning';
import { ALICE, cardActionTitles, cardOf, type Person } from '../fakes/activities';
import { startAzurite, type Azurite } from '../fakes/azurite';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { actionData, driver, findActions, type Card, type Driver } from '../requests/drive';
import { LEARNED_COLLECTION } from '../../src/questions/learned';
import { SUGGESTIONS_COLLECTION } from '../../src/questions/suggestions';
import {
  answersTo,
  askTheTeam,
  BOB,
  cardWords,
  didYouMeanQuestion,
  inPrivacyChannel,
  PRIVACY_CHANNEL,
  pressForMessages,
  sayHere,
  shows,
  ticketPosts,
} from './ask-drive';

const ADMIN: Person = { id: '29:teach-admin', aadObjectId: 'aad-teach-admin', name: 'Tess Admin' };
const DAN: Person = { id: '29:teach-dan', aadObjectId: 'aad-teach-dan', name: 'Dan Example' };
const TOKEN = 'learned-api-token-0123456789';
const NOT_COVERED = 'The policy does not cover that';
/** The contract: taught content is searched by every instance within 60 seconds. */
const LIVE_WITHIN_MS = 60_000;

describe('teaching the bot (two instances on Azurite)', () => {
  let azurite: Azurite;
  let connector: FakeConnector;
  let a: BootedBot;
  let b: BootedBot;
  let onA: Driver;
  let onB: Driver;

  beforeAll(async () => {
    [azurite, connector] = await Promise.all([startAzurite(), startFakeConnector()]);
    const env = {
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL,
      PRIVACY_ADMIN_IDS: ADMIN.aadObjectId,
      NOTICE_API_TOKEN: TOKEN,
    };
    // Each instance checks for taught content every 15 s by default (LEARNED_POLL_MS, well inside the
    // contract's 60 s); here every second, so the file waits on the same check without its default pace.
    const options = { learnedEveryMs: 1_000 };
    [a, b] = await Promise.all([bootBot(env, options), bootBot(env, options)]);
    [onA, onB] = [driver(a, connector), driver(b, connector)];
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([azurite?.dispose(), connector?.close()]);
  });

  /** The title the bot answers `question` with on this instance (the first TextBlock of its reply). */
  const replyTitle = async (chat: Driver, question: string, from: Person = DAN) => cardWords((await sayHere(chat, connector, question, { from }))[0])[0];
  /**
   * Waits until this instance answers `question` with `title`, asking once a second as a person of
   * its own (people are rate-limited, and a poll is not a person asking again and again).
   */
  let pollers = 0;
  const untilAnswered = async (chat: Driver, question: string, title: string, what: string) => {
    const poller: Person = { id: `29:poller-${++pollers}`, aadObjectId: `aad-poller-${pollers}`, name: 'Poller' };
    let last = '';
    await until(
      async () => {
        last = await replyTitle(chat, question, poller);
        if (last !== title) await new Promise((resolve) => setTimeout(resolve, 1000));
        return last === title;
      },
      LIVE_WITHIN_MS,
      () => `${what} (last reply: ${last})`,
    );
  };
  const api = (bot: BootedBot, method: string, path: string, token: string | null = TOKEN) =>
    fetch(`${bot.url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const ticketOf = async (id: string): Promise<Card> => {
    await until(() => ticketPosts(connector, id).length > 0, 20_000, 'the ticket in the privacy channel');
    return cardOf(ticketPosts(connector, id)[0].body)!;
  };
  /** The Answer form inside the ticket's Answer button. */
  const answerForm = (ticket: Card) => {
    const show = (ticket.actions as Array<Record<string, unknown>>).find((action) => action.type === 'Action.ShowCard')!;
    return (show.card as { body: Array<Record<string, unknown>> }).body;
  };

  it("looks for taught content often enough by default to search it within the contract's 60 s", () => {
    expect(LEARNED_POLL_MS).toBeLessThan(LIVE_WITHIN_MS);
  });

  it('answers with a chosen entry: the asker gets its card, and the question is answered from it on the other instance', async () => {
    const question = 'can the bailiffs see my payslip';
    // Not covered anywhere yet: both instances say so.
    expect(await replyTitle(onA, question)).toBe(NOT_COVERED);
    expect(await replyTitle(onB, question)).toBe(NOT_COVERED);

    const { id } = await askTheTeam(onA, connector, question);
    const ticket = await ticketOf(id);
    // The form: answer, entryId (filtered, every entry a choice), teach (on by default), Send answer.
    const form = answerForm(ticket);
    expect(form.map((input) => input.id)).toEqual(['answer', 'entryId', 'teach']);
    const choice = form[1] as { type: string; style: string; choices: Array<{ title: string; value: string }> };
    expect(choice).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered' });
    expect(choice.choices.length).toBe(a.app.faq.entries.length);
    expect(form[2]).toMatchObject({ type: 'Input.Toggle', value: 'true', title: 'Teach the bot this question' });
    expect(form[0].isRequired).not.toBe(true);
    const sharing = choice.choices.find((item) => item.title === 'Data Sharing')!;

    // Sent from the other instance: the asker gets the entry's own card, saying the team chose it, with the team's words.
    const words = 'Only with a court order, and we tell you first.';
    const answered = await onB.press('question.answer', { questionId: id, answer: words, entryId: sharing.value, teach: 'true' }, inPrivacyChannel(BOB));
    expect(cardWords(answered.card)).toEqual(expect.arrayContaining(['Answered with: Data Sharing']));
    expect(cardWords(answered.card).join('\n')).toContain('The bot was taught this question');
    await until(
      () => connector.posted().some((call) => call.conversationId === `a:personal-${ALICE.id}` && shows(cardOf(call.body), id)),
      20_000,
      "the answer in the asker's chat",
    );
    const delivered = connector
      .posted()
      .filter((call) => call.conversationId === `a:personal-${ALICE.id}` && shows(cardOf(call.body), id))
      .map((call) => cardOf(call.body)!);
    expect(delivered).toHaveLength(1);
    const [title, chosen, from, text] = cardWords(delivered[0]);
    expect([title, chosen, from, text]).toEqual([
      'Data Sharing',
      `The privacy team chose this answer for your question ${id}.`,
      'From the privacy team:',
      words,
    ]);
    expect(cardWords(delivered[0])).toContain('Was this helpful?');

    // Taught as an Also asked: line: the question as asked, verbatim, on both instances, with no restart.
    expect(await replyTitle(onB, question)).toBe('Data Sharing');
    await untilAnswered(onA, question, 'Data Sharing', 'the taught line answered on the other instance');

    // Stored without who asked.
    const stored = await a.app.store.list(LEARNED_COLLECTION);
    // Not who asked: none of the asker's identifiers (a time such as 13:29 is no Teams id, so the
    // identifiers themselves are looked for, not their "29:" prefix).
    const storedText = JSON.stringify(stored);
    for (const identifier of [ALICE.id, ALICE.aadObjectId, ALICE.name]) expect(storedText).not.toContain(identifier);
    expect(storedText).not.toMatch(/aad-/);
  }, 120_000);

  it('answers with no entry: a new taught entry, listed with its Markdown, then forgotten through the API', async () => {
    const question = 'Does the canteen menu use my badge swipes?';
    expect(await replyTitle(onB, question)).toBe(NOT_COVERED);
    const { id } = await askTheTeam(onB, connector, question);
    await ticketOf(id);
    const answer = 'No. Badge swipes open doors and nothing else; the canteen never sees them.';
    const answered = await onA.press('question.answer', { questionId: id, answer, entryId: '', teach: 'true' }, inPrivacyChannel(BOB));
    expect(cardWords(answered.card).join('\n')).toContain('The bot was taught this question');
    await until(() => answersTo(connector, ALICE, id).length > 0, 20_000, 'the answer to the asker');

    // On the other instance: the new entry, its title the question, its body the answer.
    await untilAnswered(onB, question, question, 'the taught entry on the other instance');
    const [card] = await sayHere(onB, connector, question, { from: DAN });
    expect(cardWords(card)).toContain(answer);

    // GET /api/learned: both teachings, with when, and the Markdown to paste; nobody's name.
    expect((await api(a, 'GET', '/api/learned', null)).status).toBe(401);
    expect((await api(a, 'GET', '/api/learned', 'wrong-token-0123456789')).status).toBe(401);
    const response = await api(a, 'GET', '/api/learned');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: Array<{ id: string; kind: string; question: string; taughtAt: string; markdown: string; target?: { file: string } }>;
    };
    const entry = body.items.find((item) => item.kind === 'entry' && item.question === question)!;
    expect(entry.markdown).toBe(`## ${question}\n${answer}\n`);
    expect(Date.parse(entry.taughtAt)).toBeGreaterThan(0);
    const line = body.items.find((item) => item.kind === 'alsoAsked')!;
    expect(line).toMatchObject({
      question: 'can the bailiffs see my payslip',
      markdown: 'Also asked: can the bailiffs see my payslip',
      target: { file: 'policy/04-third-party-services.md' },
    });
    expect(JSON.stringify(body)).not.toMatch(/Alice|aad-|Bob/);

    // DELETE: gone from the search on the instance asked at once, and on the other within the deadline.
    expect((await api(a, 'DELETE', `/api/learned/${entry.id}`, null)).status).toBe(401);
    expect((await api(b, 'DELETE', `/api/learned/${entry.id}`)).status).toBe(204);
    expect(await replyTitle(onB, question)).toBe(NOT_COVERED);
    await untilAnswered(onA, question, NOT_COVERED, 'the forgotten entry gone on the other instance');
    expect((await api(b, 'DELETE', `/api/learned/${entry.id}`)).status).toBe(404);
    expect((await api(b, 'DELETE', '/api/learned/not-an-id')).status).toBe(404);

    // Logs name references and ids, never what was asked or answered.
    for (const line of [...a.logs, ...b.logs]) expect(line).not.toMatch(/bailiffs|payslip|canteen|badge swipes|court order/);
    expect(a.logs.some((line) => line.includes(entry.id))).toBe(true);
  }, 120_000);

  it('learned: privacy admins in a personal chat see it and Forget removes a line at once; nobody else can', async () => {
    const question = 'can the bailiffs see my payslip';
    expect(await replyTitle(onA, question)).toBe('Data Sharing');

    // Not an admin: refused, in words and for the button.
    const [refusedText] = await sayHereTexts(onA, 'learned', { from: DAN });
    expect(refusedText).toBe('Only privacy admins can see and change what the bot was taught.');
    // An admin, but in a channel: told to use a personal chat.
    const [inChannel] = await sayHereTexts(onA, 'learned', {
      from: ADMIN,
      conversationType: 'channel',
      conversationId: '19:general@thread.tacv2',
      teamId: '19:general@thread.tacv2',
      mention: true,
    } as Parameters<Driver['say']>[1]);
    expect(inChannel).toContain('personal chat');

    const [card] = await sayHere(onA, connector, 'learned', { from: ADMIN });
    expect(cardWords(card)[0]).toBe('What the privacy team taught me');
    expect(cardWords(card)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Taught .*: "can the bailiffs see my payslip"$/), 'Also asked: can the bailiffs see my payslip']),
    );
    const listed = (await (await api(a, 'GET', '/api/learned')).json()) as { items: Array<{ id: string; question: string }> };
    const learnedId = listed.items.find((item) => item.question === question)!.id;
    const forget = findActions(card).find((action) => (action.data as { learnedId?: string }).learnedId === learnedId)!.data as Record<string, unknown>;
    const forged = await onA.press('learned.forget', forget, { from: DAN });
    expect(forged.status).toBe(403);
    expect(await replyTitle(onA, question)).toBe('Data Sharing');

    const forgotten = await onA.press('learned.forget', forget, { from: ADMIN });
    expect(cardWords(forgotten.card)).toContain(`Forgotten: the bot no longer answers "${question}" from it.`);
    expect(await replyTitle(onA, question)).toBe(NOT_COVERED);
    await untilAnswered(onB, question, NOT_COVERED, 'forgotten on the other instance');
    expect(await a.app.store.list(LEARNED_COLLECTION)).toHaveLength(0);
  }, 120_000);

  it('teach off, or an answer with neither words nor entry: nothing is taught', async () => {
    const question = 'will my gym membership be shared with payroll';
    expect(await replyTitle(onA, question)).toBe(NOT_COVERED);
    const { id } = await askTheTeam(onA, connector, question);
    await ticketOf(id);
    const empty = await onA.press('question.answer', { questionId: id, answer: '  ', entryId: '', teach: 'true' }, inPrivacyChannel(BOB));
    expect(cardWords(empty.card)).toContain('Write an answer or choose an entry before sending.');
    const unknown = await onA.press('question.answer', { questionId: id, answer: '', entryId: 'policy/none#nothing', teach: 'true' }, inPrivacyChannel(BOB));
    expect(cardWords(unknown.card)).toContain('That entry is no longer in the policy: choose another or write an answer.');
    const answered = await onA.press('question.answer', { questionId: id, answer: 'Never.', entryId: '', teach: 'false' }, inPrivacyChannel(BOB));
    expect(cardWords(answered.card).join('\n')).not.toContain('taught');
    await until(() => answersTo(connector, ALICE, id).length > 0, 20_000, 'the answer to the asker');
    expect(await a.app.store.list(LEARNED_COLLECTION)).toHaveLength(0);
    expect(await replyTitle(onB, question)).toBe(NOT_COVERED);
  }, 60_000);

  it('a "Did you mean…" choice that helped is a suggestion in insights; Accept teaches it, Dismiss drops it', async () => {
    const { question, candidate } = await didYouMeanQuestion(onA, connector, DAN);
    expect(candidate).toMatchObject({ verb: 'faq.open', via: 'didYouMean', question });
    const { cards } = await pressForMessages(onA, connector, 'faq.open', candidate, { from: DAN });
    const entryTitle = cardWords(cards[0])[0];
    // "Yes, this helped" on the entry they chose.
    await onA.press('faq.feedback', { ...actionData(cards[0], 'faq.feedback'), helpful: true }, { from: DAN });
    await until(async () => (await b.app.store.list(SUGGESTIONS_COLLECTION)).length === 1, 10_000, 'the suggestion stored');
    // The same entry opened from a related link (not "Did you mean…") and found helpful suggests nothing.
    await onA.press('faq.feedback', { entryId: candidate.entryId, helpful: true, question: 'something else entirely' }, { from: DAN });

    const [insights] = await sayHere(onB, connector, 'insights', { from: ADMIN });
    expect(cardWords(insights)).toContain(`1× "${question}" → ${entryTitle}`);
    expect(cardActionTitles(insights)).toEqual(expect.arrayContaining(['Accept', 'Dismiss']));
    expect(await b.app.store.list(SUGGESTIONS_COLLECTION)).toHaveLength(1);
    const accept = actionData(insights, 'suggestion.accept');
    expect((await onB.press('suggestion.accept', accept, { from: DAN })).status).toBe(403);

    const accepted = await pressForMessages(onB, connector, 'suggestion.accept', accept, { from: ADMIN });
    expect(cardWords(accepted.cards[0]).join('\n')).toContain(`now finds "${entryTitle}"`);
    expect(await b.app.store.list(SUGGESTIONS_COLLECTION)).toHaveLength(0);
    // Taught: the same question is now answered with the entry, on both instances.
    expect(await replyTitle(onB, question)).toBe(entryTitle);
    await untilAnswered(onA, question, entryTitle, 'the accepted suggestion on the other instance');

    // Another suggestion, kept without the email address and phone number typed into it; dismissed: nothing taught.
    await onA.press(
      'faq.feedback',
      {
        entryId: candidate.entryId,
        helpful: true,
        question: 'protection contact please, mail dan@contoso.example or call +44 20 7946 0958',
        via: 'didYouMean',
      },
      { from: DAN },
    );
    const kept = (await b.app.store.list<{ question: string }>(SUGGESTIONS_COLLECTION)).map((item) => item.value.question);
    expect(kept).toEqual(['protection contact please, mail [email] or call [phone]']);
    const [again] = await sayHere(onB, connector, 'insights', { from: ADMIN });
    const dismissed = await pressForMessages(onB, connector, 'suggestion.dismiss', actionData(again, 'suggestion.dismiss'), { from: ADMIN });
    expect(dismissed.texts).toEqual(['Dismissed.']);
    expect(await b.app.store.list(SUGGESTIONS_COLLECTION)).toHaveLength(0);
    expect((await a.app.store.list(LEARNED_COLLECTION)).map((item) => (item.value as { question: string }).question)).toEqual([question]);
  }, 120_000);

  /** Says `text` and returns the plain-text replies. */
  async function sayHereTexts(chat: Driver, text: string, options: Parameters<Driver['say']>[1]): Promise<string[]> {
    const before = connector.posted().length;
    await chat.say(text, options);
    return connector
      .posted()
      .slice(before)
      .map((call) => call.body.text)
      .filter((value): value is string => typeof value === 'string');
  }
});
