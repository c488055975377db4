/**
 * The FAQ and the request intents in German and French, beside plain lunr with that language's
 * lunr-languages pipeline (stemmer, stop words, trimmer), in the same run:
 *
 *   npm run bench:faq-languages                       (our German and French development policies)
 *   npm run bench:faq-languages -- de path/questions.json [fr other.json ...]
 *
 * A question file is the sample's format (`faq`: {q, expect: [titles]}, `out_of_scope`), plus
 * optional `content_dir` (the content, relative to the file), `intents` ({q, kind}: the message must open that request form) and `not_requests`
 * (questions that must not open a form); its content is the `content/` folder beside it.
 * Reports top-1 (the answer card is right), top-3 (the answer or a "Did you mean…" choice; lunr:
 * its first three hits), off-topic declined (no card at all; lunr: no hit), intents, and the
 * answer time's p99 as a ratio to lunr's. Then start-up: building the FAQ of the sample content
 * with its German and French folders, as a ratio to English alone. Informational: never fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import { loadContent } from '../src/faq/content-loader';
import { loadFaqService } from '../src/faq/faq-service';
import { loadMultilingualFaq } from '../src/faq/languages/multilingual-faq';
import { createLocalizedFaqService } from '../src/faq/languages/localized-faq';
import { pipelineFor } from '../src/faq/languages/analysis';
import { readCalibration } from '../src/faq/calibration';
import { readQuestionFile } from '../src/faq/question-file';
import type { FaqEntry } from '../src/faq/types';
import { classifyIntent } from '../src/intents/classify';
import { REPO_ROOT } from '../test/fakes/boot';

const FIXTURES = path.join(REPO_ROOT, 'test/faq/fixtures/languages');
const DEFAULT_SETS: Array<[string, string]> = [
  ['de', path.join(FIXTURES, 'de-stadtwerke/questions.json')],
  ['fr', path.join(FIXTURES, 'fr-clinique/questions.json')],
  ['de', path.join(FIXTURES, 'sample/de.json')],
  ['fr', path.join(FIXTURES, 'sample/fr.json')],
];

interface Extra {
  /** The content, relative to the question file, when it is not the `content/` folder beside it. */
  content_dir?: string;
  intents?: Array<{ q: string; kind: string }>;
  not_requests?: string[];
}

function plainLunr(language: string, entries: readonly FaqEntry[]) {
  pipelineFor(language); // registers lunr.<language>
  const plugin = (lunr as unknown as Record<string, lunr.Builder.Plugin>)[language === 'nl' ? 'du' : language];
  const index = lunr(function () {
    this.use(plugin);
    this.ref('id');
    this.field('title');
    this.field('body');
    for (const entry of entries) this.add(entry);
  });
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return (q: string): string[] => {
    try {
      return index
        .search(q)
        .slice(0, 3)
        .map((hit) => byId.get(hit.ref)!.title);
    } catch {
      return []; // a query lunr cannot parse is no answer
    }
  };
}

function p99(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(0.99 * (sorted.length - 1))];
}

const pct = (n: number, of: number) => (of === 0 ? '-' : `${Math.round((100 * n) / of)}% (${n}/${of})`);

function benchSet(language: string, file: string): void {
  const set = readQuestionFile(file);
  const extra = JSON.parse(fs.readFileSync(file, 'utf8')) as Extra;
  const dir = path.resolve(path.dirname(file), extra.content_dir ?? 'content');
  const entries = loadContent(dir);
  const faq = createLocalizedFaqService(language, entries, readCalibration(dir));
  const lunrAsk = plainLunr(language, entries);

  let top1 = 0,
    top3 = 0,
    lunrTop1 = 0,
    lunrTop3 = 0;
  const misses: string[] = [];
  for (const { q, accepts, expected } of set.faq) {
    const answer = faq.answer(q);
    const shown = answer.entry ? [answer.entry.title] : answer.candidates.map((entry) => entry.title);
    if (answer.entry && accepts(answer.entry.title)) top1++;
    else
      misses.push(
        `    miss "${q}" -> ${answer.entry ? answer.entry.title : answer.candidates.length > 0 ? `did you mean: ${shown.join(' / ')}` : '(not covered)'}   [want ${expected}]`,
      );
    if (shown.some(accepts)) top3++;
    const hits = lunrAsk(q);
    if (hits[0] && accepts(hits[0])) lunrTop1++;
    if (hits.some(accepts)) lunrTop3++;
  }
  let declined = 0,
    lunrDeclined = 0;
  for (const q of set.outOfScope) {
    const answer = faq.answer(q);
    if (!answer.entry && answer.candidates.length === 0) declined++;
    else misses.push(`    LEAK "${q}" -> ${answer.entry?.title ?? answer.candidates.map((entry) => entry.title).join(' / ')}`);
    if (lunrAsk(q).length === 0) lunrDeclined++;
  }
  const intents = extra.intents ?? [];
  let opened = 0;
  for (const { q, kind } of intents) {
    const intent = classifyIntent(q);
    if (intent.type === 'request' && intent.kind === kind) opened++;
    else misses.push(`    intent "${q}" -> ${intent.type === 'request' ? intent.kind : intent.type}   [want ${kind}]`);
  }
  const questions = extra.not_requests ?? [];
  const kept = questions.filter((q) => classifyIntent(q).type !== 'request').length;

  // Timing: every question many times, the bot's search and lunr's in the same run.
  const all = [...set.faq.map(({ q }) => q), ...set.outOfScope];
  const botTimes: number[] = [];
  const lunrTimes: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of all) {
      let t = performance.now();
      faq.answer(q);
      botTimes.push(performance.now() - t);
      t = performance.now();
      lunrAsk(q);
      lunrTimes.push(performance.now() - t);
    }
  }

  console.log(`\n${path.relative(REPO_ROOT, file)} [${language}] (${entries.length} entries, ${set.faq.length} questions, ${set.outOfScope.length} off-topic)`);
  console.log(`  ${''.padEnd(30)}${'bot'.padEnd(18)}lunr + lunr.${language}`);
  console.log(`  ${'top-1'.padEnd(30)}${pct(top1, set.faq.length).padEnd(18)}${pct(lunrTop1, set.faq.length)}`);
  console.log(`  ${'top-3'.padEnd(30)}${pct(top3, set.faq.length).padEnd(18)}${pct(lunrTop3, set.faq.length)}`);
  console.log(`  ${'off-topic declined'.padEnd(30)}${pct(declined, set.outOfScope.length).padEnd(18)}${pct(lunrDeclined, set.outOfScope.length)}`);
  console.log(`  ${'request intents opened'.padEnd(30)}${pct(opened, intents.length)}`);
  console.log(`  ${'questions kept as questions'.padEnd(30)}${pct(kept, questions.length)}`);
  console.log(
    `  ${'answer p99'.padEnd(30)}${`${p99(botTimes).toFixed(2)} ms`.padEnd(18)}${p99(lunrTimes).toFixed(2)} ms (bot/lunr ${(p99(botTimes) / p99(lunrTimes)).toFixed(2)}x)`,
  );
  console.log(`  levels: ${JSON.stringify(faq.thresholds)}`);
  for (const line of misses) console.log(line);
}

function startup(): void {
  const content = path.join(REPO_ROOT, 'content');
  const time = (build: () => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      build();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[3];
  };
  const english = time(() => loadFaqService(content));
  const three = time(() => loadMultilingualFaq(content, 'en', loadFaqService(content)));
  console.log(
    `\nFAQ build on content/: en + de + fr ${three.toFixed(0)} ms, English alone ${english.toFixed(0)} ms (${(three / english).toFixed(2)}x); RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
}

const args = process.argv.slice(2);
const sets: Array<[string, string]> = [];
for (let i = 0; i + 1 < args.length; i += 2) sets.push([args[i], path.resolve(args[i + 1])]);
for (const [language, file] of sets.length > 0 ? sets : DEFAULT_SETS) benchSet(language, file);
startup();
