/**
 * Who is asking, as Teams authenticated them. The activity gives the Entra object id and tenant;
 * the roster (TeamsInfo.getMember) gives the name and email. Card data never enters into it.
 */
import type { TeamsChannelAccount, TurnContext } from 'botbuilder';
import { AppError } from '../errors';
import type { Requester } from '../requests/types';
import { rosterMember } from './roster-member';
import { activityTenantId, tenantServed } from './tenant';

export type RequesterLookup =
  | { readonly ok: true; readonly requester: Requester }
  /** No work account (anonymous, another tenant's guest, a bot): requests are refused. */
  | { readonly ok: false; readonly reason: 'no-account' | 'guest' };

/**
 * Throws AppError ROSTER_UNAVAILABLE when the roster cannot be read (an error, 404, 429, 5xx, or no
 * answer within ROSTER_DEADLINE_MS): the action is refused, never done with the name the activity
 * gives. A roster member of another
 * organisation than the activity's, or of a tenant outside ALLOWED_TENANT_IDS (an external member of
 * a shared channel), is refused like a guest.
 */
export async function requesterOf(turn: TurnContext): Promise<RequesterLookup> {
  const from = turn.activity.from;
  const tenantId = activityTenantId(turn.activity);
  if (!from?.aadObjectId || !tenantId) return { ok: false, reason: 'no-account' };
  let member: TeamsChannelAccount;
  try {
    member = await rosterMember(turn, from.id);
  } catch (err) {
    throw new AppError('ROSTER_UNAVAILABLE', 'the Teams roster could not be read', { status: rosterStatus(err) }, { cause: err });
  }
  if (member.userRole === 'guest' || member.userRole === 'anonymous') return { ok: false, reason: 'guest' };
  const memberTenant = member.tenantId?.toLowerCase();
  if (memberTenant && (memberTenant !== tenantId || !tenantServed(turn, memberTenant))) return { ok: false, reason: 'guest' };
  return {
    ok: true,
    requester: {
      aadObjectId: from.aadObjectId,
      tenantId,
      name: member.name || from.name || '',
      email: member.email || member.userPrincipalName || '',
      teamsUserId: from.id,
    },
  };
}

/** The HTTP status the connector answered the roster call with, for the log; 0 when it never answered. */
function rosterStatus(err: unknown): number {
  const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : 0;
}

/** A privacy admin is named in PRIVACY_ADMIN_IDS by the Entra object id Teams authenticated, never by card data. */
export function isPrivacyAdmin(turn: TurnContext, adminIds: readonly string[]): boolean {
  const id = turn.activity.from?.aadObjectId;
  // PRIVACY_ADMIN_IDS is read lower-cased; GUIDs compare without regard to case.
  return Boolean(id && adminIds.includes(id.toLowerCase()));
}

/**
 * A person as the key of per-person records and limits: the Entra object id Teams authenticated,
 * else (a local client) their channel id, else `orElse`.
 */
export function personKey(from: { readonly id?: string; readonly aadObjectId?: string } | undefined, orElse = ''): string {
  return from?.aadObjectId ? `aad:${from.aadObjectId.toLowerCase()}` : `id:${from?.id ?? orElse}`;
}
