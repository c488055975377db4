/** The answer card: title first (Teams and screen readers read it first), answer, source, related, feedback. */
import type { FaqEntry } from '../faq/types';
import { format, strings } from '../strings';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import type { CardVerb } from './verbs';
import answerJson from './templates/faq-answer.json';

/** A button under the answer that starts something, e.g. the request form a question was about. */
export interface FollowUp {
  readonly title: string;
  readonly verb: CardVerb;
  readonly data: Record<string, string>;
}

interface FaqAnswerCardData {
  id: string;
  title: string;
  body: string;
  source: string;
  speak: string;
  followUps: readonly FollowUp[];
  related: ReadonlyArray<{ id: string; buttonTitle: string; tooltip: string }>;
  relatedIds: string;
  question: string;
  feedbackGiven?: string;
  chosen?: { line: string; text?: string };
  chosenVia: string;
}

const answerTemplate = cardTemplate<FaqAnswerCardData>(answerJson);

export interface FaqAnswerCardInput {
  readonly entry: FaqEntry;
  readonly related: readonly FaqEntry[];
  readonly followUps?: readonly FollowUp[];
  /** After "Was this helpful?" is answered: the thank-you line replaces the buttons. */
  readonly feedbackGiven?: string;
  /**
   * What the person asked, carried in the card's buttons so the answer's follow-ups (such as asking
   * the privacy team) still have it after a related entry is opened or feedback is given.
   */
  readonly question?: string;
  /** The privacy team chose this entry for the person: the line saying so, and the team's own text, if any. */
  readonly chosen?: { readonly line: string; readonly text?: string };
  /**
   * How the person got here, carried in "Was this helpful?": 'didYouMean' when they chose the entry
   * among "Did you mean…" candidates, which makes a "yes" a suggestion for the privacy team.
   */
  readonly via?: 'didYouMean';
}

export function faqAnswerCard({ entry, related, followUps = [], feedbackGiven, question = '', chosen, via }: FaqAnswerCardInput): AdaptiveCard {
  return renderCard(answerTemplate, {
    id: entry.id,
    title: entry.title,
    body: entry.body,
    source: format(strings.faq.sourceLabel, { file: entry.source.file, heading: entry.source.heading }),
    speak: format(strings.faq.answerSpeak, { title: entry.title }),
    followUps,
    related: related.map((item) => {
      const full = format(strings.faq.relatedButton, { title: item.title });
      // Card buttons do not wrap: a long FAQ question is cut short on the button, whole in the tooltip.
      return { id: item.id, buttonTitle: shorten(full, BUTTON_TITLE_MAX), tooltip: full };
    }),
    relatedIds: related.map((item) => item.id).join(' '),
    question,
    feedbackGiven,
    ...(chosen ? { chosen: { line: chosen.line, ...(chosen.text ? { text: chosen.text } : {}) } } : {}),
    chosenVia: via ?? '',
  });
}

/** About what fits on one button in Teams' chat column. */
const BUTTON_TITLE_MAX = 40;

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
