/**
 * Teaching the bot from the console, over real HTTP (the bot on a free port, a local Teams
 * connector), signed in locally as a privacy admin: an answer with an entry reaches the asker as
 * that entry's card, teaching makes the question answerable, and Forget takes it away again.
 */
import { ALICE, cardOf, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { askTheTeam, cardWords, didYouMeanQuestion, PRIVACY_CHANNEL, pressForMessages, sayHere, shows } from '../questions/ask-drive';
import { actionData, driver, type Driver } from '../requests/drive';
import { PLAYGROUND_USER } from '../../src/config';
import { AUDIT_COLLECTION } from '../../src/console/audit-trail';
import { consoleApi } from './console-drive';

const DAN: Person = { id: '29:console-teach-dan', aadObjectId: 'aad-console-teach-dan', name: 'Dan Example' };
const ADMIN: Person = { id: '29:console-teach-admin', aadObjectId: PLAYGROUND_USER, name: 'Tess Admin' };
const QUESTION = 'Does the canteen menu use my badge swipes?';

interface Taught {
  id: string;
  kind: string;
  question: string;
  title?: string;
  markdown: string;
}

describe('teaching the bot from the console', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  let chat: Driver;
  const api = consoleApi(() => bot.url);
  const replyTitle = async (question: string) => cardWords((await sayHere(chat, connector, question, { from: DAN }))[0])[0];

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ PRIVACY_ADMIN_IDS: PLAYGROUND_USER, PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL });
    chat = driver(bot, connector);
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
  });

  it('answers with an entry: the asker gets its card, the bot learns the question, Forget unlearns it', async () => {
    const notCovered = await replyTitle(QUESTION);
    const { id } = await askTheTeam(chat, connector, QUESTION, { from: ALICE });

    // The Answer form's choices: every entry the bot answers with, content and taught.
    const detail = await api.get<{ choices: Array<{ id: string; title: string }> }>(`questions/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.choices.length).toBe(bot.app.faq.entries.length);
    // An entry of the default language's content, where teaching goes (other languages' ids start with their folder).
    const entry = detail.body.choices.find((choice) => !/^(de|fr)\//.test(choice.id))!;
    expect(entry.title).not.toBe(notCovered);

    // An entry that is not one is refused, and nothing is sent.
    const unknown = await api.post(`questions/${id}/answer`, { answer: '', entryId: 'policy/none#nothing', teach: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ message: 'That entry is no longer in the policy: choose another or write an answer.' });

    const words = 'Only to open doors.';
    const answered = await api.post<{
      taught?: string;
      answer: { entryId: string; entryTitle: string };
      audit: Array<{ action: string; params?: Record<string, string> }>;
    }>(`questions/${id}/answer`, { answer: words, entryId: entry.id, teach: true });
    expect(answered.status).toBe(200);
    expect(answered.body.taught).toBe('taught');
    expect(answered.body.answer).toMatchObject({ entryId: entry.id, entryTitle: entry.title });
    expect(answered.body.audit.at(-1)).toMatchObject({ action: 'answer', params: { entry: entry.id, teach: 'yes' } });

    // The asker's chat: that entry's own card, saying the team chose it, with the team's words.
    const delivered = () =>
      connector
        .posted()
        .filter((call) => call.conversationId === `a:personal-${ALICE.id}`)
        .map((call) => cardOf(call.body))
        .filter((card) => shows(card, `your question ${id}`));
    await until(() => delivered().length === 1, 10_000, "the answer in the asker's chat");
    const [title, chosen, from, text] = cardWords(delivered()[0]);
    expect([title, chosen, from, text]).toEqual([entry.title, `The privacy team chose this answer for your question ${id}.`, 'From the privacy team:', words]);

    // Taught: the same question is now answered with the entry.
    expect(await replyTitle(QUESTION)).toBe(entry.title);
    const learned = await api.get<{ taught: Taught[] }>('learned');
    const item = learned.body.taught.find((taught) => taught.question === QUESTION)!;
    expect(item).toMatchObject({ kind: 'alsoAsked', title: entry.title, markdown: `Also asked: ${QUESTION}` });
    // The same list in Teams, asked for by the command's German name.
    const [inTeams] = await sayHere(chat, connector, 'Gelerntes', { from: ADMIN });
    expect(shows(inTeams, QUESTION)).toBe(true);

    // Forget: gone from the list and from the answers, and in the audit trail.
    const forgotten = await api.del(`learned/${item.id}`);
    expect(forgotten.status).toBe(200);
    expect((await api.get<{ taught: Taught[] }>('learned')).body.taught.some((taught) => taught.id === item.id)).toBe(false);
    expect(await replyTitle(QUESTION)).toBe(notCovered);
    const audit = (await bot.app.store.list<{ item: string; action: string }>(AUDIT_COLLECTION)).map((stored) => stored.value);
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ item: `learned.${item.id}`, action: 'forget' })]));
    expect((await api.del(`learned/${item.id}`)).status).toBe(404);
  }, 60_000);

  it('lists a suggestion under insights; Accept teaches it, and an accepted one is gone', async () => {
    const { question, candidate } = await didYouMeanQuestion(chat, connector, DAN);
    const { cards } = await pressForMessages(chat, connector, 'faq.open', candidate, { from: DAN });
    const entryTitle = cardWords(cards[0])[0];
    await chat.press('faq.feedback', { ...actionData(cards[0], 'faq.feedback'), helpful: true }, { from: DAN });

    type Listed = { suggestions: Array<{ id: string; question: string; title?: string; count: number }> };
    await until(async () => (await api.get<Listed>('insights')).body.suggestions.length === 1, 10_000, 'the suggestion in insights');
    const [suggestion] = (await api.get<Listed>('insights')).body.suggestions;
    expect(suggestion).toMatchObject({ question, title: entryTitle, count: 1 });

    const accepted = await api.post<{ outcome: string }>(`suggestions/${suggestion.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.outcome).toBe('taught');
    expect(await replyTitle(question)).toBe(entryTitle);
    expect((await api.get<Listed>('insights')).body.suggestions).toEqual([]);
    expect((await api.post(`suggestions/${suggestion.id}/accept`)).status).toBe(404);
    expect((await api.post(`suggestions/${suggestion.id}/dismiss`)).status).toBe(404);
  }, 60_000);
});
