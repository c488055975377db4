import path from 'node:path';
import { loadContent } from '../src/faq/content-loader';
import { createLocalizedFaqService } from '../src/faq/languages/localized-faq';
import { readQuestionFile } from '../src/faq/question-file';
import { REPO_ROOT } from '../test/fakes/boot';
const sets = [['de', 'de-stadtwerke'], ['fr', 'fr-clinique']].map(([l, d]) => {
  const file = path.join(REPO_ROOT, 'test/faq/fixtures/languages', d, 'questions.json');
  return { l, set: readQuestionFile(file), entries: loadContent(path.join(path.dirname(file), 'content')) };
});
const rows: string[] = [];
for (const minCoverage of [0.2, 0.25, 0.3, 0.35, 0.4]) for (const answerCoverage of [0.3, 0.35, 0.4, 0.45, 0.5]) for (const answerLead of [-0.5, -0.35, -0.2]) {
  if (answerCoverage < minCoverage) continue;
  const parts: string[] = [];
  let total = 0;
  for (const { l, set, entries } of sets) {
    const faq = createLocalizedFaqService(l, entries, { minCoverage, answerCoverage, answerLead, minCoverageWithoutPrivacy: minCoverage });
    const top1 = set.faq.filter(({ q, accepts }) => { const a = faq.answer(q); return a.entry && accepts(a.entry.title); }).length / set.faq.length;
    const wrong = set.faq.filter(({ q, accepts }) => { const a = faq.answer(q); return a.entry && !accepts(a.entry.title); }).length / set.faq.length;
    const dec = set.outOfScope.filter((q) => { const a = faq.answer(q); return !a.entry && a.candidates.length === 0; }).length / set.outOfScope.length;
    parts.push(`${l} top1 ${(top1 * 100).toFixed(0)} wrong ${(wrong * 100).toFixed(0)} dec ${(dec * 100).toFixed(0)}`);
    total += top1 + (dec >= 0.8 ? 0 : -1) - wrong;
  }
  rows.push(`${total.toFixed(3)} min ${minCoverage} ans ${answerCoverage} lead ${answerLead} | ${parts.join(' | ')}`);
}
rows.sort().reverse();
console.log(rows.slice(0, 15).join('\n'));
