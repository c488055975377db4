/**
 * The status card every feature answers with: a styled heading and line, facts, optionally a
 * person's own words quoted as plain text and a small note, and buttons. Receipts, refusals,
 * cancellations and confirmations of requests, notices and questions all use this one template.
 */
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import statusJson from './templates/status.json';
import type { CardVerb } from './verbs';

export type StatusStyle = 'good' | 'warning' | 'attention' | 'emphasis' | 'default';

export interface Fact {
  title: string;
  value: string;
}

export interface StatusAction {
  title: string;
  verb: CardVerb;
  data: Record<string, string>;
}

export interface StatusCardData {
  speak: string;
  style: StatusStyle;
  title: string;
  text?: string;
  facts: Fact[];
  /** Someone's own words (a question): shown as plain text, never as Markdown. */
  quote?: { heading: string; text: string };
  note?: string;
  actions: readonly StatusAction[];
}

const statusTemplate = cardTemplate<StatusCardData>(statusJson);

export function statusCardOf(data: StatusCardData): AdaptiveCard {
  return renderCard(statusTemplate, data);
}

/** A short card with a title and a line (cancelled, refused, saved), spoken as both. */
export function statusCard(
  title: string,
  text: string,
  style: StatusStyle = 'default',
  facts: Fact[] = [],
  actions: readonly StatusAction[] = [],
): AdaptiveCard {
  return statusCardOf({ speak: `${title}. ${text}`, style, title, text, facts, actions });
}
