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
