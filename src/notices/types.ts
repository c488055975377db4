/** Policy-change notices, the installations they go to, and what people and admins do with them afterwards. */
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
  /** The admin's time zone (IANA name) as their Teams client reported it: scheduled times are shown in it. */
  readonly timeZone?: string;
}

export interface Notice extends NoticeContent {
  readonly id: string;
  readonly createdAt: string;
  /** Teams it goes to: counted when it is created, settled once its teams are all listed. */
  readonly targets: number;
  readonly via: 'api' | 'teams' | 'console';
  readonly origin?: NoticeOrigin;
  /** Chosen teams (listed in the audience collection); absent for every team with the bot. */
  readonly chosenTeams?: boolean;
  /** ISO time it is (or was) due to go out; absent for "now". */
  readonly sendAt?: string;
  /** Set once every target has a record and a queued post. */
  readonly released?: boolean;
  /** 1 when sent; each edit adds one. Posted copies record the revision they show. */
  readonly revision?: number;
  readonly updatedAt?: string;
  readonly recalledAt?: string;
  /** Recalled before it was released: nothing was ever posted. */
  readonly cancelled?: boolean;
  /** Erased with the notice (DELETE ?purge=true) or after the retention period: no list, no count. */
  readonly acknowledgementsErasedAt?: string;
  /** Counted in tallies (notices from before tallies are counted from their target records). */
  readonly tallied?: boolean;
}

export type TargetState = 'pending' | 'sent' | 'failed' | 'cancelled';

/** Which instance counted a change to a record, as which of its tally's changes, and what it counted. */
export interface Stamp {
  readonly by: string;
  readonly seq: number;
  readonly at: number;
  readonly events: readonly string[];
}

/** One notice to one team: its own record, so instances update targets without contending on one. */
export interface NoticeTarget {
  readonly noticeId: string;
  readonly teamId: string;
  readonly state: TargetState;
  readonly activityId?: string;
  readonly reason?: string;
  readonly settledAt?: string;
  /** The notice revision the posted copy shows. */
  readonly postedRevision?: number;
  /** The latest revision an update of the copy failed for (the copy is gone, or the bot was removed). */
  readonly updateFailedRevision?: number;
  readonly recall?: 'deleted' | 'failed';
  /** Per kind of change (post, update, recall): the stamp of the tally that counted it. */
  readonly stamps?: Readonly<Record<string, Stamp>>;
}

/** One person's "I have read this". Personal data: erased with the notice, and after the retention period. */
export interface Acknowledgement {
  readonly aadObjectId: string;
  readonly name: string;
  readonly at: string;
  /** The team whose channel copy they acknowledged. */
  readonly teamId: string;
  readonly stamp?: Stamp;
}

export type NoticeState = 'scheduled' | 'sending' | 'updating' | 'done' | 'recalling' | 'recalled' | 'cancelled';

export interface NoticeStatus {
  readonly id: string;
  readonly status: NoticeState;
  readonly targets: number;
  readonly delivered: number;
  readonly failed: number;
  readonly pending: number;
  readonly acknowledged: number;
  readonly sendAt?: string;
  /** After an edit: the revision, when, and how many copies show it or could not be updated. */
  readonly revision?: number;
  readonly updatedAt?: string;
  readonly updated?: number;
  readonly updateFailed?: number;
  /** After a recall: copies deleted, copies that could not be deleted, posts stopped before they went out. */
  readonly recalledAt?: string;
  readonly deleted?: number;
  readonly deleteFailed?: number;
  readonly cancelled?: number;
}
