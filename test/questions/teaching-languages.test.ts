/**
 * Teaching and languages, over real HTTP: the Answer form offers the entries of every content
 * language, and a question answered with a German entry is taught into the German content: a German
 * speaker asking it again gets that entry, while English speakers keep getting English content.
 */
import { cardOf, message, type Person } from '../fakes/activities';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../fakes/connector';
import { until } from '../fakes/until';
import { driver, type Card, type Driver } from '../requests/drive';
import { askTheTeam, BOB, cardWords, inPrivacyChannel, PRIVACY_CHANNEL, sayHere, ticketPosts } from './ask-drive';

const GRETA: Person = { id: '29:teach-greta', aadObjectId: 'aad-teach-greta', name: 'Greta Beispiel' };
const DAN: Person = { id: '29:teach-lang-dan', aadObjectId: 'aad-teach-lang-dan', name: 'Dan Example' };
const GERMAN_SHARING = 'Weitergabe von Daten';

describe('teaching into the chosen entry’s language', () => {
  let connector: FakeConnector;
  let bot: BootedBot;
  let chat: Driver;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await bootBot({ PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL });
    chat = driver(bot, connector);
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
  });

  /** The title of the bot's reply to a person whose Teams speaks `locale` (the first TextBlock of its card). */
  const replyTitleIn = async (locale: string, text: string, from: Person): Promise<string> => {
    const activity: Record<string, unknown> = { ...message(text, { serviceUrl: connector.url, from }), locale };
    const replies = () => connector.posted().filter((call: ConnectorCall) => call.body.replyToId === activity.id);
    const response = await bot.post('/api/messages', activity);
    expect(response.status).toBe(200);
    await connector.waitFor(() => replies().length > 0);
    const card = replies()
      .map((call) => cardOf(call.body))
      .find((found): found is Card => found !== undefined);
    return card ? cardWords(card)[0] : String(replies()[0].body.text);
  };

  it('offers German entries on the Answer form and teaches the question into the German content', async () => {
    const question = 'Dürfen Gerichtsvollzieher meine Gehaltsabrechnung einsehen';
    expect(await replyTitleIn('de-DE', question, GRETA)).not.toBe(GERMAN_SHARING);

    const { id } = await askTheTeam(chat, connector, question);
    await until(() => ticketPosts(connector, id).length > 0, 20_000, 'the ticket in the privacy channel');
    const ticket = cardOf(ticketPosts(connector, id)[0].body)!;
    const show = (ticket.actions as Array<Record<string, unknown>>).find((action) => action.type === 'Action.ShowCard')!;
    const choices = ((show.card as { body: Array<Record<string, unknown>> }).body[1] as { choices: Array<{ title: string; value: string }> }).choices;
    const german = choices.find((choice) => choice.title === GERMAN_SHARING);
    expect(german?.value).toMatch(/^de\//);

    const answered = await chat.press('question.answer', { questionId: id, entryId: german!.value, teach: 'true' }, inPrivacyChannel(BOB));
    expect(cardWords(answered.card)).toEqual(expect.arrayContaining([`Answered with: ${GERMAN_SHARING}`]));

    // Taught into the German content: a German speaker asking it again gets the German entry.
    expect(await replyTitleIn('de-DE', question, GRETA)).toBe(GERMAN_SHARING);
    // An English speaker is still answered from the English content, never with a German entry.
    const [english] = await sayHere(chat, connector, question, { from: DAN });
    expect(cardWords(english)[0]).not.toBe(GERMAN_SHARING);
  }, 90_000);
});
