/** Drives request conversations over real HTTP: messages in, cards out of the fake connector. */
import { cardOf, cardTexts, execute, message, type ActivityOptions, type Person } from '../fakes/activities';
import type { BootedBot } from '../fakes/boot';
import type { FakeConnector } from '../fakes/connector';

export type Card = Record<string, unknown>;

export interface Driver {
  /** Sends text and returns the cards the bot posted in reply. */
  say(text: string, options?: Partial<ActivityOptions>): Promise<Card[]>;
  /** Presses an Action.Execute button; returns the card that replaces it (or undefined). */
  press(verb: string, data: Record<string, unknown>, options?: Partial<ActivityOptions>): Promise<{ card?: Card; status: number }>;
}

export function driver(bot: BootedBot, connector: FakeConnector, defaults: Partial<ActivityOptions> = {}): Driver {
  return {
    async say(text, options = {}) {
      const before = connector.posted().length;
      const activity = message(text, { serviceUrl: connector.url, ...defaults, ...options });
      // Replies name the message they answer; anything else posted meanwhile (a status card, an alert) is not one.
      const replies = () =>
        connector
          .posted()
          .slice(before)
          .filter((call) => call.body.replyToId === activity.id);
      const response = await bot.post('/api/messages', activity);
      if (response.status !== 200) throw new Error(`message answered ${response.status}`);
      await connector.waitFor(() => replies().length > 0);
      return replies()
        .map((call) => cardOf(call.body))
        .filter((card): card is Card => card !== undefined);
    },
    async press(verb, data, options = {}) {
      const response = await bot.post('/api/messages', execute(verb, data, { serviceUrl: connector.url, ...defaults, ...options }));
      const body = response.body as { statusCode?: number; type?: string; value?: unknown } | undefined;
      const card = body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as Card) : undefined;
      return { card, status: body?.statusCode ?? response.status };
    },
  };
}

/** The data of the card's Action.Execute with this verb: what pressing it would send. */
export function actionData(card: Card | undefined, verb: string): Record<string, unknown> {
  const found = findActions(card).find((action) => action.verb === verb);
  if (!found) throw new Error(`no ${verb} action in card: ${JSON.stringify(card).slice(0, 300)}`);
  return { ...(found.data as Record<string, unknown>) };
}

export function findActions(card: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Execute') found.push(element);
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

/** Fact values by title, from every FactSet in the card. */
export function facts(card: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'FactSet') for (const fact of element.facts as Array<{ title: string; value: string }>) result[fact.title] = fact.value;
    Object.values(element).forEach(walk);
  };
  walk(card);
  return result;
}

/** Opens the form of a kind by typing, fills it, submits (through the confirmation step, if any); returns the receipt card. */
export async function fileRequest(who: Driver, text: string, answers: Record<string, string>, options: { from?: Person } = {}): Promise<Card | undefined> {
  const [form] = await who.say(text, options);
  const first = findActions(form).some((action) => action.verb === 'request.review') ? 'request.review' : 'request.submit';
  if (first === 'request.submit' && !findActions(form).some((action) => action.verb === first))
    throw new Error(`no form in reply to "${text}": ${cardTexts(form)[0]}`);
  const pressed = await who.press(first, { ...actionData(form, first), ...answers }, options);
  if (first === 'request.submit') return pressed.card;
  const confirmed = await who.press('request.submit', { ...actionData(pressed.card, 'request.submit'), confirm: 'true' }, options);
  return confirmed.card;
}
