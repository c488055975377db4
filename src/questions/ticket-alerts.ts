/**
 * A ticket that could not be posted in the privacy channel (the bot is not in that team, the channel
 * is gone, Teams kept refusing) is a question nobody will answer: each privacy admin hears of it in
 * their personal chat, through the durable notification outbox. The alert names the question's
 * reference and the reason, never its words or who asked.
 */
import type { Notification } from '../notifications/types';
import type { Question } from './types';

export const QUESTION_TICKET_FAILED = 'question.ticketFailed';

export interface TicketFailedData {
  readonly id: string;
  readonly reason: string;
}

export function ticketFailedAlerts(adminIds: readonly string[], question: Question, reason: string): Notification[] {
  const data: TicketFailedData = { id: question.id, reason };
  return adminIds.map((adminId) => ({
    id: `${QUESTION_TICKET_FAILED}.${question.id}.${adminId}`,
    // Teams opens a personal chat from the Entra object id, in the tenant the question came from.
    to: { ...question.replyTo, userId: adminId },
    kind: QUESTION_TICKET_FAILED,
    data: { ...data },
  }));
}

/** The alert's data back as the card needs it, or undefined when it is not that shape. */
export function ticketFailedData(data: Readonly<Record<string, unknown>>): TicketFailedData | undefined {
  return typeof data.id === 'string' && typeof data.reason === 'string' ? (data as unknown as TicketFailedData) : undefined;
}
