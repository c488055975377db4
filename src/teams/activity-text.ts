/**
 * The question a person typed, as plain text: Teams wraps @mentions in <at> tags and may send HTML
 * for formatted messages, and in channels the bot's own mention would otherwise be searched for.
 */
import { TurnContext, type Activity } from 'botbuilder';
import { MAX_MESSAGE_CHARS } from '../text/clean-text';


const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

export function messageText(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  if (activity.recipient?.id && Array.isArray(activity.entities)) {
    text = TurnContext.removeMentionText(activity as Activity, activity.recipient.id) ?? text;
  }
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ') // mentions of anyone else are not part of the question either
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (entity) => ENTITIES[entity] ?? ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_MESSAGE_CHARS);
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}
