/**
 * Drives "Ask the privacy team" over real HTTP: an asker's personal chat and the privacy team's
 * channel, through the real bot and the local Teams connector. Cards are read as a person would:
 * by their texts and their buttons.
 */
import { cardOf, type ActivityOptions, type Person } from '../fakes/activities';
import type { ConnectorCall, FakeConnector } from '../fakes/connector';
import { actionData, facts, type Card, type Driver } from '../requests/drive';

/** The privacy team's channel: here its team's General channel, whose id is the team's. */
export const PRIVACY_CHANNEL = '19:privacyteam@thread.tacv2';

export const BOB: Person = { id: '29:bob-team', aadObjectId: 'aad-bob-team', name: 'Bob Teamer' };
export const CAROL: Person = { id: '29:carol-team', aadObjectId: 'aad-carol-team', name: 'Carol Teamer' };

/** Where a button on a ticket card is pressed: the ticket's thread in the privacy channel. */
export function inPrivacyChannel(from: Person, messageId = 'ticket'): Partial<ActivityOptions> {
  return { from, conversationType: 'channel', conversationId: `${PRIVACY_CHANNEL};messageid=${messageId}`, teamId: PRIVACY_CHANNEL };
}

/** Every piece of text a card shows (TextBlocks, rich text runs, facts, inputs' values), in order. */
export function cardWords(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if ((element.type === 'TextBlock' || element.type === 'TextRun') && typeof element.text === 'string') found.push(element.text);
    if (element.type === 'FactSet') for (const fact of element.facts as Array<{ title: string; value: string }>) found.push(`${fact.title}: ${fact.value}`);
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.value === 'string') found.push(element.value);
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback' && key !== 'refresh') walk(value);
  };
  walk(card);
  return found;
}

export const shows = (card: unknown, text: string) => cardWords(card).join('\n').includes(text);

/** Presses a button whose result is new messages (not a replaced card): returns the cards posted. */
export async function pressForMessages(
  chat: Driver,
  connector: FakeConnector,
  verb: string,
  data: Record<string, unknown>,
  options: Partial<ActivityOptions> = {},
): Promise<{ cards: Card[]; texts: string[] }> {
  const before = connector.posted().length;
  const { status } = await chat.press(verb, data, options);
  if (status !== 200) throw new Error(`${verb} answered ${status}`);
  // The bot sends these before it answers the invoke: they are all here by now.
  const posted = replies(connector.posted().slice(before));
  return {
    cards: posted.map((call) => cardOf(call.body)).filter((card): card is Card => card !== undefined),
    texts: posted.map((call) => call.body.text).filter((text): text is string => typeof text === 'string'),
  };
}

/**
 * The bot's replies among calls: POST .../activities/{replyToId}. Tickets and answers the bot posts
 * on its own meanwhile (POST .../activities, no id) are not replies to anyone.
 */
function replies(calls: readonly ConnectorCall[]): ConnectorCall[] {
  return calls.filter((call) => /\/activities\/[^/]+$/.test(call.path));
}

/** Says `text` and returns the cards the bot replied with. */
export async function sayHere(chat: Driver, connector: FakeConnector, text: string, options: Partial<ActivityOptions> = {}): Promise<Card[]> {
  const before = connector.posted().length;
  await chat.say(text, options);
  return replies(connector.posted().slice(before))
    .map((call) => cardOf(call.body))
    .filter((card): card is Card => card !== undefined);
}

/** Asks a question, presses Ask the privacy team under the reply, and sends the form (with `edit` if given). */
export async function askTheTeam(
  chat: Driver,
  connector: FakeConnector,
  question: string,
  options: Partial<ActivityOptions> & { edit?: string } = {},
): Promise<{ id: string; receipt: Card; form: Card }> {
  const [reply] = await sayHere(chat, connector, question, options);
  const { cards } = await pressForMessages(chat, connector, 'question.open', actionData(reply, 'question.open'), options);
  const form = cards[0];
  const sent = await chat.press('question.send', { ...actionData(form, 'question.send'), question: options.edit ?? question }, options);
  const id = facts(sent.card).Reference;
  if (!/^Q-[0-9A-Z]{8}$/.test(id ?? '')) throw new Error(`no receipt: ${JSON.stringify(sent.card).slice(0, 400)}`);
  return { id, receipt: sent.card!, form };
}

/** The ticket cards posted into the privacy channel (new messages, not updates). */
export function ticketPosts(connector: FakeConnector, id?: string): ConnectorCall[] {
  return connector.posted().filter((call) => call.conversationId === PRIVACY_CHANNEL && (!id || shows(cardOf(call.body), `Question ${id}`)));
}

/** The replacements (PUT .../activities/{id}) of ticket cards in the privacy channel. */
export function ticketUpdates(connector: FakeConnector, id: string): ConnectorCall[] {
  return connector.calls.filter((call) => call.method === 'PUT' && call.conversationId === PRIVACY_CHANNEL && shows(cardOf(call.body), `Question ${id}`));
}

/** Answers from the privacy team that reached this person's personal chat. */
export function answersTo(connector: FakeConnector, person: Person, id?: string): Card[] {
  return connector
    .posted()
    .filter((call) => call.conversationId === `a:personal-${person.id}`)
    .map((call) => cardOf(call.body))
    .filter((card): card is Card => card !== undefined && shows(card, 'Answer from the privacy team') && (!id || shows(card, id)));
}

/**
 * A question the sample content answers with "Did you mean…" (the retrieval's call, so the first of a
 * few that does), asked by `from`, with its first choice's data.
 */
export async function didYouMeanQuestion(
  chat: Driver,
  connector: FakeConnector,
  from: Person,
): Promise<{ question: string; candidate: Record<string, unknown> }> {
  for (const question of ['data protection officer contact details', 'who is in charge of my information', 'information about protection']) {
    const [card] = await sayHere(chat, connector, question, { from });
    if (cardWords(card)[0] !== 'Did you mean…') continue;
    const choices = (card.body as Array<{ type: string; actions?: Array<{ data: Record<string, unknown> }> }>).find((item) => item.type === 'ActionSet')!;
    return { question, candidate: choices.actions![0].data };
  }
  throw new Error('none of the questions got "Did you mean…" from the sample content');
}
