/**
 * Which organisation an activity comes from, and whether the bot serves it. Teams puts the tenant
 * in channelData; some clients only in the conversation.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Config } from '../config';

/** The activity's tenant id, lower-cased, or undefined when it names none. */
export function activityTenantId(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  const id = typeof fromChannelData === 'string' ? fromChannelData : activity.conversation?.tenantId;
  return id ? id.toLowerCase() : undefined;
}

const ALLOWED_TENANTS = Symbol('allowedTenantIds');

/**
 * With ALLOWED_TENANT_IDS set, only those tenants are served. The list is kept on the turn, so what
 * runs later in it (the roster check) compares against the same list.
 */
export function tenantAllowed(config: Config, turn: TurnContext): boolean {
  turn.turnState.set(ALLOWED_TENANTS, config.allowedTenantIds);
  const tenant = activityTenantId(turn.activity);
  return tenant !== undefined ? tenantServed(turn, tenant) : config.allowedTenantIds.length === 0;
}

/** True when the turn's ALLOWED_TENANT_IDS (empty: any) includes `tenantId` (lower-case). */
export function tenantServed(turn: TurnContext, tenantId: string): boolean {
  const allowed = (turn.turnState.get(ALLOWED_TENANTS) as readonly string[] | undefined) ?? [];
  return allowed.length === 0 || allowed.includes(tenantId);
}
