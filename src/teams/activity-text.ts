/**
 * The question a person typed, as plain text: Teams wraps @mentions in <at> tags and may send HTML
 * for formatted messages, and in channels the bot's own mention would otherwise be searched for.
 */
import type { Activity } from 'botbuilder';
import { MAX_MESSAGE_CHARS } from '../text/clean-text';

/**
 * How much of a message is looked at, before any expression runs: mentions and markup may pad a
 * question, but 250,000 `<` once kept the event loop busy for half a minute.
 */
const MAX_SCANNED_LENGTH = 4 * MAX_MESSAGE_CHARS;

const ENTITIES = new Map([
  ['&nbsp;', ' '],
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#39;', "'"],
  ['&apos;', "'"],
]);

export function messageText(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text.slice(0, MAX_SCANNED_LENGTH) : '';
  const botMention = activity.recipient?.id ? mentionOf(activity, activity.recipient.id) : undefined;
  if (botMention) text = text.replace(botMention, ' ');
  return (
    text
      .replace(/<at>[^<]*<\/at>/gi, ' ') // mentions of anyone else are not part of the question either
      .replace(/<[^<>]*>/g, ' ') // [^<>]: a run of '<' with no '>' costs one pass, not one per '<'
      .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (entity) => ENTITIES.get(entity) ?? ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_MESSAGE_CHARS)
  );
}

/** The text of the first mention of `id` ("<at>Privacy Assistant</at>"), as Teams put it in the message. */
function mentionOf(activity: Partial<Activity>, id: string): string | undefined {
  if (!Array.isArray(activity.entities)) return undefined;
  // Entities are the sender's data: any shape may arrive, so nothing about one is assumed.
  const mention = activity.entities.find((entity: unknown) => {
    const { type, mentioned } = (entity ?? {}) as { type?: unknown; mentioned?: { id?: unknown } };
    return typeof type === 'string' && type.toLowerCase() === 'mention' && mentioned?.id === id;
  }) as { text?: unknown } | undefined;
  return typeof mention?.text === 'string' && mention.text !== '' ? mention.text : undefined;
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/**
 * Only a chat Teams calls personal is private. One that says nothing (another channel, a client that
 * leaves conversationType out) may have other people in it, so it is treated as a group chat.
 */
export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'personal') return 'personal';
  if (type === 'channel') return 'channel';
  return 'groupChat';
}

/** A message read as a command: lower case, words only ("My questions!" is `my questions`). */
export function commandWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
