/**
 * Renders Adaptive Card templates (designer-compatible JSON in ./templates) with typed data.
 * Each template is prepared once, the first time a card of it is rendered: `new Template(json)`
 * parses every `${...}` expression (an ANTLR parser, the bulk of a turn's CPU when it ran per card),
 * and `expand` then only evaluates the parsed expressions against the turn's data. Preparing on first
 * use rather than at start-up, and loading the templating library (a fifth of the bot's modules) only
 * then, keeps start-up to what serving needs.
 * Every card gets the same two finishing touches here, so no template has to repeat them:
 * the user-facing strings under `strings`, and an Action.Submit fallback on every Action.Execute
 * for clients without Universal Actions.
 */
import type { Template } from 'adaptivecards-templating';
import { currentLanguage, stringsOf } from '../strings';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** A prepared template with the shape of the data it binds, so callers cannot forget a field. */
export interface CardTemplate<TData> {
  /** The template as written, for tests that compare against a fresh parse. */
  readonly json: object;
  readonly prepared: Template;
  /** Phantom: carries TData for the type checker only. */
  readonly _data?: TData;
}

let templating: typeof import('adaptivecards-templating') | undefined;

export function cardTemplate<TData>(json: object): CardTemplate<TData> {
  let prepared: Template | undefined;
  return {
    json,
    get prepared(): Template {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded with the first card, not at start-up
      templating ??= require('adaptivecards-templating') as typeof import('adaptivecards-templating');
      return (prepared ??= new templating.Template(json));
    },
  };
}

export function renderCard<TData extends object>(template: CardTemplate<TData>, data: TData): AdaptiveCard {
  // expand() is synchronous and builds a new object tree on each call, so one prepared Template
  // serves every turn; values bound from `data` are placed in the card as they are (not copied).
  return finishCard(template.prepared.expand(dataContext(data)));
}

/** The context a template is expanded with: the card's data, and the strings every template may use. */
export function dataContext<TData extends object>(data: TData): { $root: object } {
  // The plain sentences of the turn's language: the template engine walks them many times per card.
  return { $root: { ...data, strings: stringsOf(currentLanguage()) } };
}

/** The finishing touches every card gets, whichever way it was expanded. */
export function finishCard(expanded: unknown): AdaptiveCard {
  addSubmitFallbacks(expanded);
  return expanded as AdaptiveCard;
}

/** Walks the card and gives each Action.Execute a Submit twin carrying the same verb and data. */
function addSubmitFallbacks(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) addSubmitFallbacks(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const element = node as Record<string, unknown>;
  if (element.type === 'Action.Execute' && element.fallback === undefined && typeof element.verb === 'string') {
    const data = (element.data && typeof element.data === 'object' ? element.data : {}) as Record<string, unknown>;
    element.fallback = {
      type: 'Action.Submit',
      title: element.title,
      ...(element.style ? { style: element.style } : {}),
      ...(element.associatedInputs ? { associatedInputs: element.associatedInputs } : {}),
      data: { ...data, verb: element.verb },
    };
  }
  for (const value of Object.values(element)) addSubmitFallbacks(value);
}
