/**
 * Who is asking, as Teams authenticated them. The activity gives the Entra object id and tenant;
 * the roster (TeamsInfo.getMember) gives the name and email. Card data never enters into it.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Requester } from '../requests/types';
import { activityTenantId } from './tenant';

export type RequesterLookup =
  | { readonly ok: true; readonly requester: Requester }
  /** No work account (anonymous, another tenant's guest, a bot): requests are refused. */
  | { readonly ok: false; readonly reason: 'no-account' | 'guest' };

export async function requesterOf(turn: TurnContext): Promise<RequesterLookup> {
  const from = turn.activity.from;
  const tenantId = activityTenantId(turn.activity);
  if (!from?.aadObjectId || !tenantId) return { ok: false, reason: 'no-account' };
  let name = from.name ?? '';
  let email = '';
  try {
    const member = await TeamsInfo.getMember(turn, from.id);
    if (member.userRole === 'guest' || member.userRole === 'anonymous') return { ok: false, reason: 'guest' };
    name = member.name || name;
    email = member.email || member.userPrincipalName || '';
  } catch {
    // The roster can be unreachable (a local client, a Teams hiccup); the request still counts,
    // identified by the authenticated ids, and the privacy team can look the email up.
  }
  return { ok: true, requester: { aadObjectId: from.aadObjectId, tenantId, name, email, teamsUserId: from.id } };
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
