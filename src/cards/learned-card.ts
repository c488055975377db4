/** `learned`: what the privacy team taught the bot, each with the Markdown to paste and Forget. */
import type { LearnedListing } from '../questions/learned';
import { format, strings } from '../strings';
import { formatDate } from '../text/dates';
import { plainText } from '../text/markdown';
import { shorten } from './faq-answer-card';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import learnedJson from './templates/learned.json';

const s = strings.learned;

interface LearnedData {
  speak: string;
  notice?: string;
  items: ReadonlyArray<{ id: string; line: string; target: string; markdown: string }>;
  more?: string;
}

const learnedTemplate = cardTemplate<LearnedData>(learnedJson);

/**
 * What fits a card (Teams refuses one over about 28 KB): the newest, up to a count and a budget of
 * Markdown (a taught entry carries its whole answer); GET /api/learned has everything.
 */
export const LEARNED_SHOWN = 15;
const MARKDOWN_BUDGET = 12_000;
const QUESTION_SHOWN = 160;

function fitting(items: readonly LearnedListing[]): readonly LearnedListing[] {
  let used = 0;
  const shown: LearnedListing[] = [];
  for (const item of items.slice(0, LEARNED_SHOWN)) {
    used += item.markdown.length;
    // The first is always shown: a single entry is within the limits of an answer.
    if (shown.length > 0 && used > MARKDOWN_BUDGET) break;
    shown.push(item);
  }
  return shown;
}

export function learnedCard(items: readonly LearnedListing[], notice?: string): AdaptiveCard {
  const shown = fitting(items);
  return renderCard(learnedTemplate, {
    speak: format(s.learnedSpeak, { count: items.length }),
    ...(notice ? { notice } : {}),
    items: shown.map((item) => ({
      id: item.id,
      line: format(s.learnedLine, { date: formatDate(item.taughtAt), question: plainText(shorten(item.question, QUESTION_SHOWN)) }),
      target: targetOf(item),
      markdown: item.markdown,
    })),
    ...(items.length > shown.length ? { more: format(s.learnedMore, { count: items.length - shown.length }) } : {}),
  });
}

function targetOf(item: LearnedListing): string {
  if (item.kind === 'entry') return s.learnedNewEntry;
  if (!item.target || !item.title) return s.learnedEntryGone;
  return format(s.learnedAlsoAskedTarget, { title: item.title, file: item.target.file });
}
