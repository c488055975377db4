/**
 * The Answer form of a ticket, wherever it is shown (the ticket card in Teams, the console): the
 * entries it offers, and what its inputs mean as a ticket action. One place, so both ask the same.
 */
import type { FaqEntry, FaqService } from '../faq/types';
import { strings } from '../strings';
import type { TicketAction } from './types';
import { checkAnswer } from './validate';

/** The entries a ticket can be answered with, content and taught, as they are now. */
export type EntryCatalog = Pick<FaqService, 'getEntry' | 'entries' | 'answer'>;

/** Longer than any entry id the content makes: anything longer is not looked up. */
const MAX_ENTRY_ID_CHARS = 200;

/** Every entry, those the search finds for the question first: the likely answer is at the top of the list. */
export function answerChoices(text: string, catalog: EntryCatalog): readonly FaqEntry[] {
  const found = catalog.answer(text);
  const first = [...(found.entry ? [found.entry] : []), ...found.candidates, ...found.related];
  const ids = new Set(first.map((entry) => entry.id));
  return [...first, ...catalog.entries.filter((entry) => !ids.has(entry.id))];
}

/** An entry id from a form, kept only if the catalog has it. */
export function knownEntryId(value: unknown, catalog: Pick<FaqService, 'getEntry'>): string | undefined {
  return typeof value === 'string' && value.length <= MAX_ENTRY_ID_CHARS && catalog.getEntry(value) ? value : undefined;
}

/** The Answer form's inputs: an answer, an entry, or both; and whether to teach the bot the question. */
export function answerFrom(
  input: { readonly answer?: unknown; readonly entryId?: unknown; readonly teach?: unknown },
  catalog: Pick<FaqService, 'getEntry'>,
): TicketAction | { problem: string } {
  const { entryId: rawEntry, answer: rawAnswer, teach } = input;
  const entryId = typeof rawEntry === 'string' && rawEntry !== '' ? rawEntry : undefined;
  if (entryId !== undefined && !knownEntryId(entryId, catalog)) return { problem: strings.learned.entryUnknown };
  // The toggle is on by default and always sends its value; a form from before it existed did not offer teaching.
  const teaching = teach === true || teach === 'true';
  const empty = typeof rawAnswer !== 'string' || rawAnswer.trim() === '';
  if (empty) return entryId ? { type: 'answer', text: '', entryId, teach: teaching } : { problem: strings.learned.answerOrEntry };
  const checked = checkAnswer(rawAnswer);
  if (!checked.ok) return { problem: checked.problem };
  return { type: 'answer', text: checked.text, ...(entryId ? { entryId } : {}), teach: teaching };
}
