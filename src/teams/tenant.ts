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

/** With ALLOWED_TENANT_IDS set, only those tenants are served. */
export function tenantAllowed(config: Config, turn: TurnContext): boolean {
  if (config.allowedTenantIds.length === 0) return true;
  const tenant = activityTenantId(turn.activity);
  return tenant !== undefined && config.allowedTenantIds.includes(tenant);
}
