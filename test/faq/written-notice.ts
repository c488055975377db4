import { createFaqService } from '../../src/faq/faq-service';
import type { FaqEntry } from '../../src/faq/types';

/** A small notice written in a test: [heading, text] pairs as the entries of one Markdown file. */
export function writtenNotice(sections: ReadonlyArray<[string, string]>, part = 'Privacy notice'): FaqEntry[] {
  return sections.map(([title, body], i) => ({
    id: `notice#${i}`,
    title,
    body,
    alsoAsked: [],
    kind: 'policy',
    part,
    source: { file: 'notice.md', heading: title, line: 1 + 3 * i },
  }));
}

/** The bot's search over such a notice: the heading of the entry it answers a question with, if any. */
export function answerTitleIn(sections: ReadonlyArray<[string, string]>): (question: string) => string | undefined {
  const faq = createFaqService(writtenNotice(sections));
  return (question) => faq.search(question).entry?.title;
}
