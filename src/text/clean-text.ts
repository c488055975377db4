/**
 * Text that people typed, made safe to keep and show: whatever reaches a card, a log line, the
 * store or the privacy team's system goes through here first.
 */

/**
 * The longest message the bot reads. No privacy question needs more, and every step after this
 * (regular expressions, search) then works on bounded input.
 */
export const MAX_MESSAGE_CHARS = 1000;

/**
 * Keeps what a person typed and nothing that could break a card, a log line or the receiving
 * system: control characters and invisible direction marks go (newlines stay in multi-line text),
 * Unicode is normalised, and surrounding space is trimmed.
 */
export function cleanText(raw: string, multiline: boolean): string {
  const normalised = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  // Control characters, bidirectional overrides and zero-width marks; a multi-line field keeps its line breaks.
  /* eslint-disable no-control-regex */
  const invisible = multiline
    ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g
    : /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
  /* eslint-enable no-control-regex */
  const stripped = normalised.replace(invisible, '');
  return stripped.replace(/\n{3,}/g, '\n\n').trim();
}
