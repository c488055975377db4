/**
 * "Did you mean…": when several entries fit a question and none is clearly best, one button per
 * entry, titled with the entry's title; a click opens that entry's answer card (verb faq.open).
 */
import type { FaqEntry } from '../faq/types';
import { format, strings } from '../strings';
import type { FollowUp } from './faq-answer-card';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import didYouMeanJson from './templates/faq-did-you-mean.json';

interface DidYouMeanCardData {
  speak: string;
  candidates: ReadonlyArray<{ id: string; title: string }>;
  question: string;
  actions: readonly FollowUp[];
}

const didYouMeanTemplate = cardTemplate<DidYouMeanCardData>(didYouMeanJson);

/**
 * At most three buttons, in the order given (the best fit first). `question` rides along in each so
 * the answer card it opens can still offer `actions` (such as "Ask the privacy team") for it.
 */
export function faqDidYouMeanCard(candidates: readonly FaqEntry[], options: { question?: string; actions?: readonly FollowUp[] } = {}): AdaptiveCard {
  const shown = candidates.slice(0, 3);
  return renderCard(didYouMeanTemplate, {
    speak: format(strings.faq.didYouMeanSpeak, { titles: shown.map((entry) => entry.title).join('; ') }),
    candidates: shown.map((entry) => ({ id: entry.id, title: entry.title })),
    question: options.question ?? '',
    actions: options.actions ?? [],
  });
}
