/**
 * FAQ benchmark: `npm run bench:faq [eval.json]` (or FAQ_EVAL_FILE). Runs the bot's own code path
 * (loadContent -> classifyIntent -> createFaqService().answer()) over an evaluation set and, in the
 * same run, a plain-lunr baseline over the same entries, so a change to the search is judged against
 * both the previous figures and "what lunr gives for free". Informational: it never fails on a score.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import { loadContent } from '../src/faq/content-loader';
import { createFaqService } from '../src/faq/faq-service';
import type { FaqEntry } from '../src/faq/types';
import { classifyIntent } from '../src/intents/classify';

interface EvalSet {
  faq: { q: string; expect: string[] }[];
  out_of_scope: string[];
  intents: { q: string; type: string }[];
}

// From dist/bench/ (the compiled location) up to the repository and its sibling shared/ folder.
const REPO = path.resolve(__dirname, '../..');
const DEFAULT_EVAL = path.resolve(REPO, '../shared/eval/faq-dev.json');
const CONTENT_DIR = path.resolve(REPO, 'content');

function readEvalSet(file: string): EvalSet {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<EvalSet>;
  if (!Array.isArray(parsed.faq)) throw new Error(`${file}: expected a "faq" array`);
  return { faq: parsed.faq, out_of_scope: parsed.out_of_scope ?? [], intents: parsed.intents ?? [] };
}

interface Outcome {
  title?: string;
  /** Set when the bot would not search at all: the intent it saw instead. */
  routedTo?: string;
  ms: number;
}

interface Run {
  name: string;
  buildMs: number;
  faq: Outcome[];
  outOfScope: Outcome[];
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function runBot(entries: FaqEntry[], set: EvalSet): Run {
  const { value: service, ms: buildMs } = timed(() => createFaqService(entries));
  // The bot answers from the FAQ only what it routes there: a question classified as a request
  // opens a form instead, which for this set is a miss.
  const ask = (q: string): Outcome => {
    const { value, ms } = timed(() => {
      const intent = classifyIntent(q);
      if (intent.type !== 'question') return { routedTo: intent.type === 'request' ? `request ${intent.kind}` : intent.type };
      return { title: service.answer(q).entry?.title };
    });
    return { ...value, ms };
  };
  return { name: 'bot', buildMs, faq: set.faq.map(({ q }) => ask(q)), outOfScope: set.out_of_scope.map(ask) };
}

/** lunr as it comes: default pipeline, `index.search(raw text)`, top hit; a thrown parse error is a miss. */
function runBaseline(entries: FaqEntry[], set: EvalSet): Run {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const { value: index, ms: buildMs } = timed(() =>
    lunr(function () {
      this.ref('id');
      this.field('title');
      this.field('body');
      for (const entry of entries) this.add(entry);
    }),
  );
  const ask = (q: string): Outcome => {
    const { value, ms } = timed(() => {
      try {
        const top = index.search(q)[0];
        return top ? byId.get(top.ref)?.title : undefined;
      } catch {
        return undefined; // QueryParseError on user text: the baseline has no answer
      }
    });
    return { title: value, ms };
  };
  return { name: 'baseline (plain lunr)', buildMs, faq: set.faq.map(({ q }) => ask(q)), outOfScope: set.out_of_scope.map(ask) };
}

const pct = (n: number, total: number) => (total === 0 ? '-' : `${((100 * n) / total).toFixed(1)}%`);
const frac = (n: number, total: number) => `${n}/${total}${total ? ` (${pct(n, total)})` : ''}`;
const mean = (outcomes: Outcome[]) => outcomes.reduce((sum, o) => sum + o.ms, 0) / Math.max(outcomes.length, 1);

function main(): void {
  const evalFile = path.resolve(process.argv[2] ?? process.env.FAQ_EVAL_FILE ?? DEFAULT_EVAL);
  const set = readEvalSet(evalFile);
  const entries = loadContent(CONTENT_DIR);

  const bot = runBot(entries, set);
  const base = runBaseline(entries, set);
  const correct = (run: Run) => run.faq.filter((o, i) => o.title !== undefined && set.faq[i].expect.includes(o.title)).length;
  // Declined: no answer card. Routed to a request form would be wrong too, so it is not a decline.
  const declined = (run: Run) => run.outOfScope.filter((o) => o.title === undefined && !o.routedTo?.startsWith('request')).length;
  const intentsOk = set.intents.filter(({ q, type }) => {
    const intent = classifyIntent(q);
    return intent.type === 'request' && intent.kind === type;
  });

  const rows: [string, string, string][] = [
    ['top-1 accuracy', frac(correct(bot), set.faq.length), frac(correct(base), set.faq.length)],
    ['out-of-scope declined', frac(declined(bot), set.out_of_scope.length), frac(declined(base), set.out_of_scope.length)],
    ['intent routing', frac(intentsOk.length, set.intents.length), '-'],
    ['FAQ questions routed as requests', `${bot.faq.filter((o) => o.routedTo?.startsWith('request')).length}/${set.faq.length}`, '-'],
    ['index build (ms)', bot.buildMs.toFixed(1), base.buildMs.toFixed(1)],
    ['mean per question (ms)', mean([...bot.faq, ...bot.outOfScope]).toFixed(2), mean([...base.faq, ...base.outOfScope]).toFixed(2)],
  ];
  const widths = [34, 20, 22];
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' ').trimEnd();
  console.log(`FAQ benchmark: ${path.relative(process.cwd(), evalFile) || evalFile}, ${entries.length} entries from ${path.relative(process.cwd(), CONTENT_DIR)}/`);
  console.log(line(['', 'bot', 'baseline (plain lunr)']));
  for (const row of rows) console.log(line(row));

  const misses = (run: Run) => [
    ...run.faq.flatMap((o, i) =>
      o.title !== undefined && set.faq[i].expect.includes(o.title)
        ? []
        : [`  "${set.faq[i].q}" -> ${o.routedTo ? `(routed as ${o.routedTo})` : (o.title ?? '(no answer)')} (expected ${set.faq[i].expect.join(' | ')})`],
    ),
    ...run.outOfScope.flatMap((o, i) =>
      o.title === undefined && !o.routedTo?.startsWith('request') ? [] : [`  out of scope "${set.out_of_scope[i]}" -> ${o.title ?? o.routedTo}`],
    ),
  ];
  for (const run of [bot, base]) {
    const list = misses(run);
    console.log(`\nmisses, ${run.name}: ${list.length}`);
    for (const miss of list) console.log(miss);
  }
  const wrongIntents = set.intents.filter((item) => !intentsOk.includes(item));
  console.log(`\nintent misses: ${wrongIntents.length}`);
  for (const { q, type } of wrongIntents) console.log(`  "${q}" -> ${JSON.stringify(classifyIntent(q))} (expected request ${type})`);
}

try {
  main();
} catch (err) {
  // One line, not a stack: the usual cause is a wrong path to the evaluation file or content.
  console.error(`bench:faq: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
