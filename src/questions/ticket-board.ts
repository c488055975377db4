/**
 * The port through which tickets reach the privacy team's channel. The question service decides
 * when a ticket is posted and when its card must change; the Teams layer
 * (src/teams/ticket-board.ts) renders the card and makes the calls. Answers are judged by the shared
 * outbound table, so throttling is retried and a channel the bot cannot reach is told apart.
 */
import type { OutboundResult } from '../outbound/outcome';
import type { Question } from './types';

export interface TicketBoard {
  /** Posts the ticket as a new message in the channel; `activityId` of the result is the card's id. */
  post(question: Question): Promise<OutboundResult>;
  /** Replaces the posted card in place with the question's current state, for everyone in the channel. */
  update(question: Question, activityId: string): Promise<OutboundResult>;
}
