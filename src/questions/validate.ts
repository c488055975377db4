/** What a question and an answer must be: some words, and no more than fits a card and a careful reading. */
import { format, strings } from '../strings';
import { cleanText, MAX_MESSAGE_CHARS } from '../text/clean-text';

/** The contract's limit: the same as the longest message the bot reads, so any message can be asked as it is. */
export const MAX_QUESTION_CHARS = MAX_MESSAGE_CHARS;
export const MAX_ANSWER_CHARS = 4000;

export type Checked = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly text: string; readonly problem: string };

export function checkQuestion(raw: unknown): Checked {
  return check(raw, MAX_QUESTION_CHARS, strings.questions.problemEmpty, strings.questions.problemTooLong);
}

export function checkAnswer(raw: unknown): Checked {
  return check(raw, MAX_ANSWER_CHARS, strings.questions.answerEmpty, strings.questions.answerTooLong);
}

function check(raw: unknown, max: number, empty: string, tooLong: string): Checked {
  // Card data is untrusted: a value that is not text, or absurdly long, is never cleaned whole.
  const text = typeof raw === 'string' ? cleanText(raw.slice(0, max * 4), true) : '';
  if (!text) return { ok: false, text, problem: empty };
  // The text comes back whole, so the person can shorten what they wrote rather than retype it.
  if (text.length > max)
    return { ok: false, text, problem: format(tooLong, { max: max.toLocaleString(strings.locale), length: text.length.toLocaleString(strings.locale) }) };
  return { ok: true, text };
}
