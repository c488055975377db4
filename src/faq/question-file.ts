/**
 * An organisation's question file, for measuring and calibrating the search on its own content
 * (`npm run bench:faq`, see the README): questions people ask with the entries that answer them, and
 * questions the bot must decline. Two formats: `units` (id -> a regular expression of the entry's
 * title) with `faq: [{ q, accept: [ids] }]`, or `faq: [{ q, expect: [titles] }]`; both with
 * `out_of_scope: [questions]`.
 */
import fs from 'node:fs';

export interface QuestionCase {
  q: string;
  /** Whether an entry of this title answers the question. */
  accepts: (title: string) => boolean;
  /** What answers it, for reports. */
  expected: string;
}

export interface QuestionFile {
  faq: QuestionCase[];
  outOfScope: string[];
}

export function readQuestionFile(file: string): QuestionFile {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    units?: Record<string, string>;
    faq?: Array<{ q: string; accept?: string[]; expect?: string[] }>;
    out_of_scope?: string[];
  };
  if (!Array.isArray(parsed.faq)) throw new Error(`${file}: expected a "faq" array`);
  const units = parsed.units ?? {};
  const faq = parsed.faq.map(({ q, accept, expect }): QuestionCase => {
    if (accept) {
      const patterns = accept.map((id) => {
        if (units[id] === undefined) throw new Error(`${file}: unknown unit "${id}"`);
        return new RegExp(units[id], 'i');
      });
      return { q, accepts: (title) => patterns.some((pattern) => pattern.test(title)), expected: accept.join(' | ') };
    }
    const titles = expect ?? [];
    return { q, accepts: (title) => titles.includes(title), expected: titles.join(' | ') };
  });
  return { faq, outOfScope: parsed.out_of_scope ?? [] };
}
