/** Tickets as Teams messages in the privacy team's channel: posted, then replaced as their state changes. */
import { ticketCard, type TicketView } from '../cards/question-cards';
import type { FaqEntry } from '../faq/types';
import { contentPaste } from '../questions/content-paste';
import type { TicketBoard } from '../questions/ticket-board';
import type { Question } from '../questions/types';
import { cardMessage } from './card-message';
import type { Proactive } from './proactive';
import { DEFAULT_LANGUAGE, inLanguage, type Language } from '../strings';

export type EntryLookup = (id: string) => FaqEntry | undefined;

export class TeamsTicketBoard implements TicketBoard {
  constructor(
    private readonly proactive: Pick<Proactive, 'post' | 'update'>,
    private readonly entryOf: EntryLookup,
    /** The privacy team's channel speaks the organisation's language (CONTENT_LANGUAGE's, when the bot speaks it). */
    private readonly language: Language = DEFAULT_LANGUAGE,
  ) {}

  post(question: Question) {
    return this.proactive.post(question.channel, inLanguage(this.language, () => cardMessage(ticketCard(question, ticketView(question, this.entryOf)))));
  }

  update(question: Question, activityId: string) {
    return this.proactive.update(question.channel, activityId, inLanguage(this.language, () => cardMessage(ticketCard(question, ticketView(question, this.entryOf)))));
  }
}

/** What a ticket shows beyond the question itself: the entry the asker was reading, and once answered, the Markdown to paste. */
export function ticketView(question: Question, entryOf: EntryLookup, extra: Omit<TicketView, 'reading' | 'paste'> = {}): TicketView {
  const entry = question.entryId ? entryOf(question.entryId) : undefined;
  const paste = contentPaste(question, entry);
  return { ...extra, ...(entry ? { reading: entry.title } : {}), ...(paste ? { paste } : {}) };
}
