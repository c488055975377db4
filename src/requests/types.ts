/**
 * A privacy request as the bot keeps it. The bot is the point of receipt: the legal clock starts
 * when one of these is written, so it is durable before the requester sees its id.
 */
import type { FormValues } from './forms';
import type { RequestKind } from './kinds';

export type { RequestKind };

/** received: stored, not yet acknowledged by the privacy team's system; failed: dead-lettered. */
export type RequestStatus = 'received' | 'delivered' | 'failed';

/** What the privacy team's system reports through POST /api/requests/{id}/status. */
export const PROGRESS_STATUSES = ['in_progress', 'needs_info', 'extended', 'completed', 'rejected'] as const;
export type ReportedStatus = (typeof PROGRESS_STATUSES)[number];
/** withdrawn: the requester's own doing, from `my requests`. */
export type ProgressStatus = ReportedStatus | 'withdrawn';
/** After one of these nothing changes any more, and the retention clock starts. */
export const CLOSED_STATUSES: readonly ProgressStatus[] = ['completed', 'rejected', 'withdrawn'];

/** Who asked, as Teams authenticated them: never taken from card data. */
export interface Requester {
  readonly aadObjectId: string;
  readonly tenantId: string;
  readonly name: string;
  readonly email: string;
  readonly teamsUserId: string;
}

export interface RequestSource {
  readonly channelId: string;
  readonly conversationId: string;
  /** Where to reach Teams for this tenant later (alerts, status changes). Not sent to the webhook. */
  readonly serviceUrl: string;
}

export type RequestDetails = FormValues;

/** The request's progress after it reached the privacy team. */
export interface RequestProgress {
  readonly status: ProgressStatus;
  /** For the requester, from the privacy team. */
  readonly message?: string;
  /** https only: e.g. where an export can be downloaded. */
  readonly link?: string;
  readonly updatedAt: string;
  /** Counts the changes; the requester is told of each version once. */
  readonly version: number;
  /** The last version handed to the notification outbox: behind `version` only between two writes. */
  readonly toldVersion: number;
  readonly closedAt?: string;
}

export interface PrivacyRequest {
  readonly id: string;
  readonly kind: RequestKind;
  /** Delivery of the request to the privacy team's webhook. */
  readonly status: RequestStatus;
  readonly submittedAt: string;
  readonly dueBy: string;
  readonly requester: Requester;
  readonly details: RequestDetails;
  readonly source: RequestSource;
  readonly deliveredAt?: string;
  /** Why delivery stopped, as an HTTP status or an error code: no response bodies. */
  readonly failure?: string;
  readonly progress?: RequestProgress;
  /** Delivery of the `privacy.request.withdrawn` event, once the requester withdrew it. */
  readonly withdrawal?: { readonly delivery: 'pending' | 'delivered' | 'failed'; readonly failure?: string };
  /** When retention erased the details, name and email (REQUEST_RETENTION_DAYS after closing). */
  readonly erasedAt?: string;
}

export function isClosed(request: Pick<PrivacyRequest, 'progress'>): boolean {
  return request.progress !== undefined && CLOSED_STATUSES.includes(request.progress.status);
}

/** What a person and the digest see as its status: the privacy team's word once there is one. */
export function currentStatus(request: Pick<PrivacyRequest, 'status' | 'progress'>): RequestStatus | ProgressStatus {
  return request.progress?.status ?? request.status;
}

/** When anything last happened to it. */
export function lastUpdate(request: PrivacyRequest): string {
  return request.progress?.updatedAt ?? request.deliveredAt ?? request.submittedAt;
}
