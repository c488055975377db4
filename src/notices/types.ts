/** Policy-change notices and the installations they go to. */
import type { ConversationRef } from '../outbound/conversation-ref';

/** A team with the bot installed: where its General channel is, and whose it is. */
export interface Installation {
  readonly teamId: string;
  readonly teamName: string;
  readonly tenantId: string;
  /** The General channel (its conversation id is the team id). */
  readonly reference: ConversationRef;
  readonly installedAt: string;
  /** Set when Teams answered 403/404 to a post: removed without us being told, or the channel is gone. */
  readonly staleSince?: string;
}

export interface NoticeContent {
  readonly title: string;
  readonly text: string;
  readonly url?: string;
  /** YYYY-MM-DD: when the change takes effect, shown on the card. */
  readonly effectiveDate?: string;
}

/** Where a notice sent from Teams shows its progress: the admin's summary card, updated in place. */
export interface NoticeOrigin {
  readonly reference: ConversationRef;
  readonly activityId: string;
}

export interface Notice extends NoticeContent {
  readonly id: string;
  readonly createdAt: string;
  readonly targets: number;
  readonly via: 'api' | 'teams';
  readonly origin?: NoticeOrigin;
}

export type TargetState = 'pending' | 'sent' | 'failed';

/** One notice to one team: its own record, so instances update targets without contending on one. */
export interface NoticeTarget {
  readonly noticeId: string;
  readonly teamId: string;
  readonly state: TargetState;
  readonly activityId?: string;
  readonly reason?: string;
  readonly settledAt?: string;
}

export interface NoticeStatus {
  readonly id: string;
  readonly status: 'sending' | 'done';
  readonly targets: number;
  readonly delivered: number;
  readonly failed: number;
  readonly pending: number;
}
