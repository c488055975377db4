/**
 * What the asker is told in their personal chat, through the durable notification outbox: the
 * team's answer, or that the question was closed without one. The data is plain JSON for the card;
 * it holds the question and the answer, so it is stored with the notification and never logged.
 */
import type { Notification } from '../notifications/types';
import type { Question } from './types';

export const QUESTION_ANSWERED = 'question.answered';
export const QUESTION_CLOSED = 'question.closed';

export interface AnsweredNoticeData {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly answeredBy: string;
  readonly answeredAt: string;
  /** The entry the team chose for the asker: its answer card is what they get, with `answer` under it. */
  readonly entryId?: string;
}

export interface ClosedNoticeData {
  readonly id: string;
  readonly question: string;
}

export type AnsweredQuestion = Question & { readonly answer: NonNullable<Question['answer']> };

export function answeredNotice(question: AnsweredQuestion): Notification {
  return { id: `${QUESTION_ANSWERED}.${question.id}`, to: question.replyTo, kind: QUESTION_ANSWERED, data: { ...answeredDataOf(question) } };
}

/** What the answer card shows, from the stored question. */
export function answeredDataOf(question: AnsweredQuestion): AnsweredNoticeData {
  const { text, by, at, entryId } = question.answer;
  return { id: question.id, question: question.text, answer: text, answeredBy: by.name, answeredAt: at, ...(entryId ? { entryId } : {}) };
}

export function closedNotice(question: Question): Notification {
  const data: ClosedNoticeData = { id: question.id, question: question.text };
  return { id: `${QUESTION_CLOSED}.${question.id}`, to: question.replyTo, kind: QUESTION_CLOSED, data: { ...data } };
}

/** The notification's data back as the card needs it, or undefined when it is not that shape. */
export function answeredData(data: Readonly<Record<string, unknown>>): AnsweredNoticeData | undefined {
  const { id, question, answer, answeredBy, answeredAt } = data;
  const fields = [id, question, answer, answeredBy, answeredAt];
  return fields.every((value) => typeof value === 'string') && (data.entryId === undefined || typeof data.entryId === 'string')
    ? (data as unknown as AnsweredNoticeData)
    : undefined;
}

export function closedData(data: Readonly<Record<string, unknown>>): ClosedNoticeData | undefined {
  return typeof data.id === 'string' && typeof data.question === 'string' ? (data as unknown as ClosedNoticeData) : undefined;
}
