/**
 * The bot's storage limitation for questions to the privacy team: REQUEST_RETENTION_DAYS after a
 * question was answered or closed, its text, the asker's name and ids, where to reach them, the
 * answer's text, the team members who handled it, its watchers and its rating are erased. What
 * stays identifies nobody: id, status, the dates, the FAQ entry it was asked from, the tenant, and
 * the ticket's place in the privacy channel (so its card there is replaced by the erased version).
 * Open and assigned questions are work in progress and are kept. The asker's pointer stays under
 * its one-way key, so `my questions` still lists the question for them, without its words. The
 * unanswered-log record the question was asked from goes with it, so its words are not kept on.
 */
import type { Logger } from '../logger';
import { eraseEach, pastRetention } from '../storage/retention-sweep';
import type { Store } from '../storage/store';
import type { WorkQueue } from '../storage/work-queue';
import type { ContentGaps } from './content-gaps';
import { QUESTIONS_COLLECTION, type TicketJob } from './question-service';
import type { Person, Question } from './types';

export interface QuestionRetentionOptions {
  readonly store: Pick<Store, 'list' | 'put'>;
  readonly queue: Pick<WorkQueue<TicketJob>, 'enqueue'>;
  /** The unanswered log, where a question asked from a not-covered reply came from. */
  readonly gaps: Pick<ContentGaps, 'erase'>;
  readonly retentionDays: number;
  readonly logger: Logger;
  readonly now: () => number;
}

export class QuestionRetention {
  constructor(private readonly options: QuestionRetentionOptions) {}

  /** Erases every answered or closed question past its retention; the number erased. Safe to run on every instance at once. */
  async sweep(): Promise<number> {
    const { store, queue, gaps, retentionDays, logger } = this.options;
    const now = this.options.now();
    const items = await store.list<Question>(QUESTIONS_COLLECTION);
    // Before the question: erasing the question drops the key, so a crash in between is finished by the next sweep.
    let unanswered = 0;
    for (const { value: question } of items) {
      if (question.unansweredKey && isExpired(question, now, retentionDays) && (await gaps.erase(question.unansweredKey))) unanswered++;
    }
    const erased = await eraseEach(store, QUESTIONS_COLLECTION, items, (question) =>
      isExpired(question, now, retentionDays) ? erasedQuestion(question, now) : undefined,
    );
    for (const { value: question } of erased) {
      // The card in the channel still shows the words: the ticket sync replaces it (and recovery does, after a crash here).
      if (question.ticket.activityId) await queue.enqueue(`update.${question.id}`, { op: 'update', questionId: question.id });
    }
    if (erased.length > 0) logger.info({ erased: erased.length, unanswered, retentionDays }, 'questions to the privacy team erased');
    return erased.length;
  }
}

/** When the team finished with it: the close, or else the answer; undefined while it is still open. */
function finishedAt(question: Question): string | undefined {
  if (question.status === 'closed') return question.closed?.at;
  if (question.status === 'answered') return question.answer?.at;
  return undefined;
}

function isExpired(question: Question, now: number, retentionDays: number): boolean {
  return !question.erasedAt && pastRetention(finishedAt(question), retentionDays, now);
}

/** The question with everything personal taken out; the version moves on so the channel's card is replaced. */
export function erasedQuestion(question: Question, now: number): Question {
  const at = new Date(now).toISOString();
  const nobody: Person = { aadObjectId: '', tenantId: question.asker.tenantId, name: '', teamsUserId: '' };
  return {
    id: question.id,
    text: '',
    askedAt: question.askedAt,
    asker: nobody,
    replyTo: {
      userId: '',
      tenantId: question.replyTo.tenantId,
      serviceUrl: question.replyTo.serviceUrl,
      ...(question.replyTo.channelId ? { channelId: question.replyTo.channelId } : {}),
    },
    channel: question.channel,
    ...(question.entryId ? { entryId: question.entryId } : {}),
    status: question.status,
    version: question.version + 1,
    ...(question.answer ? { answer: { text: '', by: nobody, at: question.answer.at } } : {}),
    ...(question.closed ? { closed: { by: nobody, at: question.closed.at } } : {}),
    ticket: question.ticket,
    ...(question.answerTold ? { answerTold: question.answerTold } : {}),
    ...(question.closeTold ? { closeTold: question.closeTold } : {}),
    watchers: [],
    updatedAt: at,
    erasedAt: at,
  };
}
