/**
 * A privacy request as the bot keeps it. The bot is the point of receipt: the legal clock starts
 * when one of these is written, so it is durable before the requester sees its id.
 */
import type { RequestKind } from '../intents/classify';

export type { RequestKind };

export const REQUEST_KINDS: readonly RequestKind[] = ['export', 'deletion', 'optout', 'rectification'];

/** The everyday rights, offered as buttons on the welcome card; the others are asked for in words. */
export const FEATURED_REQUEST_KINDS = ['export', 'deletion', 'optout'] as const satisfies readonly RequestKind[];

/** received: stored, not yet acknowledged by the privacy team's system; failed: dead-lettered. */
export type RequestStatus = 'received' | 'delivered' | 'failed';

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
  /** Where to reach Teams for this tenant later (dead-letter alerts). Not sent to the webhook. */
  readonly serviceUrl: string;
}

export type RequestDetails = Readonly<Record<string, string>>;

export interface PrivacyRequest {
  readonly id: string;
  readonly kind: RequestKind;
  readonly status: RequestStatus;
  readonly submittedAt: string;
  readonly dueBy: string;
  readonly requester: Requester;
  readonly details: RequestDetails;
  readonly source: RequestSource;
  readonly deliveredAt?: string;
  /** Why delivery stopped, as an HTTP status or an error code: no response bodies. */
  readonly failure?: string;
}

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (REQUEST_KINDS as readonly string[]).includes(value);
}
