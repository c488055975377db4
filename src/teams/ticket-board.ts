/** Tickets as Teams messages in the privacy team's channel: posted, then replaced as their state changes. */
import { ticketCard, type TicketView } from '../cards/question-cards';
import type { FaqEntry } from '../faq/types';
import { answerChoices, type EntryCatalog } from '../questions/answer-form';
import { contentPaste } from '../questions/content-paste';
import type { TicketBoard } from '../questions/ticket-board';
import type { Question } from '../questions/types';
import { cardMessage } from './card-message';
import type { Proactive } from './proactive';
import { DEFAULT_LANGUAGE, inLanguage, type Language } from '../strings';

export type EntryLookup = (id: string) => FaqEntry | undefined;
export type { EntryCatalog };

export class TeamsTicketBoard implements TicketBoard {
  constructor(
    private readonly proactive: Pick<Proactive, 'post' | 'update'>,
    private readonly catalog: EntryCatalog,
    /** The privacy team's channel speaks the organisation's language (CONTENT_LANGUAGE's, when the bot speaks it). */
    private readonly language: Language = DEFAULT_LANGUAGE,
  ) {}

  post(question: Question) {
    return this.proactive.post(
      question.channel,
      inLanguage(this.language, () => cardMessage(ticketCard(question, ticketView(question, this.catalog)))),
    );
  }

  update(question: Question, activityId: string) {
    return this.proactive.update(
      question.channel,
      activityId,
      inLanguage(this.language, () => cardMessage(ticketCard(question, ticketView(question, this.catalog)))),
    );
  }
}

/** What a ticket shows beyond the question itself: the entry the asker was reading, and once answered, the Markdown to paste. */
export function ticketView(question: Question, catalog: EntryCatalog, extra: Omit<TicketView, 'reading' | 'paste' | 'chosen' | 'choices'> = {}): TicketView {
  const entryOf = (id: string) => catalog.getEntry(id);
  const entry = question.entryId ? entryOf(question.entryId) : undefined;
  const chosen = question.answer?.entryId ? entryOf(question.answer.entryId) : undefined;
  // The line to paste goes under the entry the team chose, or else the one the asker was reading.
  const paste = contentPaste(question, chosen ?? entry);
  const open = question.status === 'open' || question.status === 'assigned';
  return {
    ...extra,
    ...(entry ? { reading: entry.title } : {}),
    ...(chosen ? { chosen: chosen.title } : {}),
    ...(paste ? { paste } : {}),
    ...(open ? { choices: answerChoices(question.text, catalog) } : {}),
  };
}
