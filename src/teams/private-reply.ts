/**
 * Replies meant for one person only (their forms, their lists): given here in a personal chat;
 * from a channel or group chat, posted to a new personal chat with a short note left here.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { conversationKind } from './activity-text';
import type { Proactive } from './proactive';
import { activityTenantId } from './tenant';

/** The feature's notes for here: the message went to a personal chat, or could not. */
export interface PrivateReplyNotes {
  readonly movedToPersonal: string;
  readonly movedToPersonalFailed: string;
}

/** What to send here so that `message` reaches the sender privately. */
export async function privateReply(
  turn: TurnContext,
  proactive: Pick<Proactive, 'postToUser'>,
  message: Partial<Activity>,
  notes: PrivateReplyNotes,
): Promise<Partial<Activity> | string> {
  if (conversationKind(turn.activity) === 'personal') return message;
  const where = { serviceUrl: turn.activity.serviceUrl, tenantId: activityTenantId(turn.activity) ?? '', channelId: turn.activity.channelId };
  const outcome = await proactive.postToUser(where, turn.activity.from.id, message);
  return outcome.ok ? notes.movedToPersonal : notes.movedToPersonalFailed;
}
