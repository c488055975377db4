/**
 * Routes Adaptive Card actions by verb. The same handler serves Action.Execute (an
 * `adaptiveCard/action` invoke) and Action.Submit (a message whose value carries the verb), so a
 * form works in every client. Verbs form a closed set, the catalog in src/cards/verbs.ts: only
 * registered ones run; anything else, including forged card data, gets UNKNOWN_VERB.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { AppError } from '../errors';
import type { AdaptiveCard } from '../cards/render';
import { CARD_VERBS, type CardVerb } from '../cards/verbs';

export interface CardAction {
  readonly verb: string;
  /** Card data merged with input values. Untrusted: every handler validates what it reads. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly via: 'execute' | 'submit';
}

export interface CardActionResult {
  /** Replaces the card the person acted on. */
  readonly card?: AdaptiveCard;
  /** New messages for the conversation, after the card is answered. */
  readonly send?: ReadonlyArray<Partial<Activity> | string>;
}

export type CardActionHandler = (turn: TurnContext, action: CardAction) => Promise<CardActionResult>;

export class CardActionRouter {
  private readonly handlers = new Map<string, CardActionHandler>();

  register(verb: CardVerb, handler: CardActionHandler): void {
    if (this.handlers.has(verb)) throw new AppError('INTERNAL', `verb registered twice ${verb}`, { verb });
    this.handlers.set(verb, handler);
  }

  has(verb: string): boolean {
    return this.handlers.has(verb);
  }

  /** Once every feature registered: a catalog verb nobody handles is a button that could only fail, so the bot does not start. */
  requireEveryVerb(): void {
    const unhandled = CARD_VERBS.filter((verb) => !this.handlers.has(verb));
    if (unhandled.length > 0) throw new AppError('INTERNAL', `card verbs without a handler: ${unhandled.join(', ')}`, { verbs: unhandled.join(',') });
  }

  async dispatch(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    const handler = this.handlers.get(action.verb);
    if (!handler) {
      throw new AppError('UNKNOWN_VERB', 'unknown card action verb', { verb: action.verb.slice(0, 40) });
    }
    return handler(turn, action);
  }
}

/** Card data as a plain object, or undefined: arrays, strings and null are not card data. */
export function asCardData(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
