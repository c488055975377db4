/**
 * The narrow port through which notices reach Teams. The notice service decides what goes where
 * and when; the Teams layer (src/teams/notice-publisher.ts) renders the cards and makes the calls.
 * Every answer is judged by the shared outbound table, so the service can tell throttling from a
 * team that removed the bot.
 */
import type { ConversationRef } from '../outbound/conversation-ref';
import type { OutboundResult } from '../outbound/outcome';
import type { Notice, NoticeOrigin, NoticeStatus } from './types';

export interface NoticePublisher {
  /** Posts the notice as a new message in a team's channel; `activityId` of the result is the copy's id. */
  post(channel: ConversationRef, notice: Notice): Promise<OutboundResult>;
  /** Replaces a posted copy in place. */
  update(channel: ConversationRef, activityId: string, notice: Notice): Promise<OutboundResult>;
  /** Deletes a posted copy. */
  delete(channel: ConversationRef, activityId: string): Promise<OutboundResult>;
  /** Refreshes the admin's summary card where the notice was sent from Teams. */
  showProgress(origin: NoticeOrigin, notice: Notice, status: NoticeStatus): Promise<OutboundResult>;
}
