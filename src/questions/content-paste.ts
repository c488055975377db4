/**
 * The Markdown the privacy team pastes into content/ so the bot answers a question itself next
 * time: an `Also asked:` line for the entry the asker was reading (the contract's content format:
 * one line directly under the heading, ways of asking separated by semicolons), and a new FAQ entry
 * (the question as its heading, the team's answer under it).
 */
import type { FaqEntry } from '../faq/types';
import type { Question } from './types';

export interface ContentPaste {
  readonly questionId: string;
  /** For an existing entry: where the line goes, and the line. */
  readonly alsoAsked?: { readonly file: string; readonly heading: string; readonly markdown: string };
  /** A new FAQ entry with the team's answer (none when the team answered with an entry alone). */
  readonly newEntry?: string;
}

/** What to paste for an answered question; undefined until it has an answer, and once it is erased. */
export function contentPaste(question: Question, entry: FaqEntry | undefined): ContentPaste | undefined {
  if (!question.answer || question.erasedAt) return undefined;
  return {
    questionId: question.id,
    ...(entry ? { alsoAsked: { file: entry.source.file, heading: entry.source.heading, markdown: alsoAskedLine(question.text) } } : {}),
    ...(question.answer.text ? { newEntry: newEntryMarkdown(question.text, question.answer.text) } : {}),
  };
}

/** The `Also asked:` line for a question (the content format separates ways of asking with semicolons). */
export function alsoAskedLine(question: string): string {
  return `Also asked: ${oneLine(question).replace(/;/g, ',')}`;
}

/** A new FAQ entry: the question as its heading, the answer under it. */
export function newEntryMarkdown(question: string, answer: string): string {
  return `## ${headingText(oneLine(question))}\n${answerBody(answer)}\n`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A heading's text: no leading #s (they would change its level), a question mark to read as a question. */
function headingText(text: string): string {
  const plain = text.replace(/^#+\s*/, '');
  return /[?.!]$/.test(plain) ? plain : `${plain}?`;
}

/**
 * The answer as the entry's body. A line starting with # would become a heading (escaped), and a
 * first line starting "Also asked:" would be read as ways of asking (a blank line keeps it text).
 */
function answerBody(text: string): string {
  const body = text
    .split('\n')
    .map((line) => line.replace(/^(\s*)#/, '$1\\#'))
    .join('\n');
  return /^also asked:/i.test(body) ? `\n${body}` : body;
}
