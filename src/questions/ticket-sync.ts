/**
 * Keeps the privacy channel in step with the questions: posts each ticket once, and replaces its
 * card whenever the question has moved on. Work items carry only the question id; the question is
 * read fresh on every attempt, so a retried or retaken item does only what is still undone.
 *
 * Once: a ticket is posted only while it has no message id, and the id is written as soon as Teams
 * answers. As with notices, a crash in the moment between Teams accepting the post and that write
 * posts it again; Teams offers no idempotency key to close that window.
 */
import type { TeamsRateLimiter } from '../limits/teams-rate-limiter';
import type { Logger } from '../logger';
import { retryDelayMs, type Claim, type WorkQueue } from '../storage/work-queue';
import type { QuestionService, TicketJob } from './question-service';
import type { TicketBoard } from './ticket-board';
import type { Question } from './types';

export interface TicketSyncOptions {
  readonly questions: Pick<QuestionService, 'get' | 'change'>;
  readonly queue: WorkQueue<TicketJob>;
  readonly board: TicketBoard;
  /** The bot's one Teams pacing: the channel's posts and updates wait for their slots like notice copies. */
  readonly pacing: Pick<TeamsRateLimiter, 'pace'>;
  /** The privacy team's channel, the conversation every ticket goes to. */
  readonly channelId: string;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Told of a ticket that could not be posted for good, so the privacy admins hear of it. */
  readonly onPostFailed?: (question: Question, reason: string) => Promise<void>;
}

/** Teams throttles for seconds: a dozen attempts over about an hour, then the ticket waits for a restart. */
const MAX_ATTEMPTS = 12;
const RETRY = { baseMs: 1000, maxMs: 10 * 60_000 };

export class TicketSync {
  private readonly now: () => number;

  constructor(private readonly options: TicketSyncOptions) {
    this.now = options.now ?? Date.now;
  }

  readonly handle = async (claim: Claim<TicketJob>): Promise<void> => {
    const { questions, queue, board, logger } = this.options;
    const { op, questionId } = claim.item.payload;
    const question = await questions.get(questionId);
    const activityId = question?.ticket.activityId;
    // Nothing to do: no such question, already posted (or erased before it ever was: nothing left to
    // show), or (for an update) not posted yet, in which case the post will show the current state.
    if (!question || (op === 'post' ? question.ticket.postedAt || question.erasedAt : !activityId)) {
      await queue.complete(claim);
      return;
    }
    const shown = question.version;
    await this.options.pacing.pace(this.options.channelId, question.asker.tenantId);
    const result = op === 'post' ? await board.post(question) : await board.update(question, activityId!);
    const log = { questionId, op, attempt: claim.item.attempts };
    if (result.ok) {
      const postedAt = new Date(this.now()).toISOString();
      const now = await questions.change(questionId, (current) => ({
        ...current,
        ticket: {
          postedAt: current.ticket.postedAt ?? postedAt,
          activityId: current.ticket.activityId ?? result.activityId,
          shownVersion: Math.max(current.ticket.shownVersion ?? 0, shown),
        },
      }));
      logger.info({ ...log, version: shown }, op === 'post' ? 'ticket posted' : 'ticket updated');
      // The question moved on while this card was on its way: show the newer state too.
      if (now && now.version > shown) {
        if (op === 'update') await queue.retryAt(claim, this.now());
        else {
          await queue.complete(claim);
          await queue.enqueue(`update.${questionId}`, { op: 'update', questionId });
        }
        return;
      }
      await queue.complete(claim);
      return;
    }
    if (result.verdict === 'retry' && claim.item.attempts < MAX_ATTEMPTS) {
      const delay = Math.max(result.retryAfterMs ?? 0, retryDelayMs(claim.item.attempts, RETRY));
      await queue.retryAt(claim, this.now() + delay);
      logger.warn({ ...log, reason: result.reason, retryInMs: delay }, 'ticket will be retried');
      return;
    }
    // The bot is not in that team, the channel is gone, or Teams kept refusing: recorded on the
    // question (a restart after the channel is fixed posts it), and loud in the logs.
    if (op === 'post') {
      await questions.change(questionId, (current) => ({ ...current, ticket: { ...current.ticket, failure: result.reason } }));
      await this.options.onPostFailed?.(question, result.reason);
    }
    await queue.complete(claim);
    logger.error({ ...log, reason: result.reason, code: 'CONNECTOR_FAILED' }, op === 'post' ? 'ticket could not be posted' : 'ticket could not be updated');
  };
}
