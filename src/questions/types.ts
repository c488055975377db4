/**
 * A question for the privacy team, as the bot keeps it: one record per question, keyed by its
 * reference, holding the asker (to answer them), the ticket's state in the privacy channel and
 * what the team did with it. Every change is an ETag-conditional write, so two people acting on
 * one ticket at once (on one instance or two) never both win.
 */
import type { Recipient } from '../notifications/types';
import type { ConversationRef } from '../outbound/conversation-ref';

/** open: nobody has it; assigned: someone on the team has it; answered: the asker has been sent the answer. */
export type QuestionStatus = 'open' | 'assigned' | 'answered' | 'closed';

/** A person as Teams authenticated them (the name from the roster). Never taken from card data. */
export interface Person {
  readonly aadObjectId: string;
  readonly tenantId: string;
  readonly name: string;
  /** The Teams user id (`29:...`): where the answer goes, and whose card view Teams refreshes. */
  readonly teamsUserId: string;
}

/** Whether the asker has been told: pending until the notification is queued in the durable outbox. */
export type Telling = 'pending' | 'queued';

export interface Question {
  readonly id: string;
  readonly text: string;
  readonly askedAt: string;
  readonly asker: Person;
  /** Where the asker's personal chat is reached. */
  readonly replyTo: Recipient;
  /** The privacy team's channel as it was configured when the question was asked. */
  readonly channel: ConversationRef;
  /** The FAQ entry the asker was reading when they asked, if any. */
  readonly entryId?: string;
  /**
   * The unanswered-log record of the asker's own question this one was asked from (the not-covered
   * reply's "Ask the privacy team"): erased with this question, so its words do not outlive it.
   */
  readonly unansweredKey?: string;
  readonly status: QuestionStatus;
  /** Goes up by one with every change the channel's card must show. */
  readonly version: number;
  readonly assignee?: Person;
  /**
   * The team's answer: its text (empty when an entry says it all), the content entry it chose for
   * the asker, if any, and whether the team taught the bot the question with it.
   */
  readonly answer?: { readonly text: string; readonly by: Person; readonly at: string; readonly entryId?: string; readonly teach?: boolean };
  /** Teaching the bot this question: pending until the taught line or entry is stored. */
  readonly taught?: 'pending' | 'done';
  readonly closed?: { readonly by: Person; readonly at: string };
  /** The card in the privacy channel: when it was posted, its message id, the version it shows, why it could not be posted. */
  readonly ticket: { readonly postedAt?: string; readonly activityId?: string; readonly shownVersion?: number; readonly failure?: string };
  readonly answerTold?: Telling;
  /** Closed without an answer: the asker is told that too. */
  readonly closeTold?: Telling;
  /** The asker's "Was this helpful?" on the team's answer. */
  readonly rating?: { readonly helpful: boolean; readonly at: string };
  /** Teams ids of the team members who acted on it: their view of the card refreshes itself (Teams takes 60). */
  readonly watchers: readonly string[];
  readonly updatedAt: string;
  /** When retention erased the words and the people (REQUEST_RETENTION_DAYS after it was answered or closed). */
  readonly erasedAt?: string;
}

/** What the ticket's buttons do. */
export type TicketAction =
  | { readonly type: 'assign' }
  | { readonly type: 'answer'; readonly text: string; readonly entryId?: string; readonly teach?: boolean }
  | { readonly type: 'close' };

/** Why an action changed nothing. */
export type Refusal =
  | { readonly reason: 'closed' }
  /** Erased after the retention period: nothing about it can change any more. */
  | { readonly reason: 'erased' }
  /** Someone else answered first (or at the same moment): their answer stands. */
  | { readonly reason: 'answered'; readonly by: Person };
