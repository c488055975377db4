/**
 * FAQ benchmark and calibration:
 *
 *   CONTENT_DIR=path/to/policy npm run bench:faq -- questions.json [more.json ...]
 *   npm run bench:faq                      (the sample, ../shared/eval/fabrikam and our employee, clinic, university, fitness-app and homeware-shop fixtures)
 *   npm run bench:faq -- --startup         (also start `node dist/src/index.js` and time it)
 *
 * A question file is either the fabrikam format (`units`: id -> title regex, `faq`: {q, accept:
 * [ids]}, `out_of_scope`) or the sample's (`faq`: {q, expect: [titles]}, `out_of_scope`). Without
 * CONTENT_DIR, a `content/` folder beside the question file is used, else the project's content/.
 *
 * For each set it runs the bot's own path (classifyIntent, then the FAQ service: an instruction the
 * bot routes to a request form gets the policy's answer card after the form only when the answer is
 * sure, as FaqFeature.alongside does) and, in the same run, plain lunr on the same
 * entries (default pipeline, the raw question to `index.search`, parse errors counted as no answer).
 * It reports top-1 (the answer card is right), top-3 (the right entry is the answer or among the
 * "Did you mean…" candidates; lunr: among its first three hits), off-topic questions declined, and
 * answer time. It then prints, for each question, the coverage the best entry reached and its lead
 * over the runner-up, which is what calibration.json's levels are set from (see docs/design.md, "Your own policy").
 * Informational: it never fails on a score.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import { leadOf } from '../src/faq/answer-policy';
import { loadContent } from '../src/faq/content-loader';
import { createFaqService, type ExplainingFaqService, type Explanation } from '../src/faq/faq-service';
import { readQuestionFile, type QuestionFile } from '../src/faq/question-file';
import type { FaqEntry } from '../src/faq/types';
import { classifyIntent } from '../src/intents/classify';
import { REPO_ROOT } from '../test/fakes/boot';
import { TINY } from './size';

interface QuestionSet extends QuestionFile {
  file: string;
  contentDir: string;
}

function readSet(file: string, contentDir: string | undefined): QuestionSet {
  const beside = path.join(path.dirname(file), 'content');
  const dir = contentDir ?? (fs.existsSync(beside) ? beside : path.join(REPO_ROOT, 'content'));
  return { file, contentDir: dir, ...readQuestionFile(file) };
}

type Outcome =
  | { kind: 'answer'; titles: string[] }
  | { kind: 'choices'; titles: string[] }
  | { kind: 'declined'; titles: string[] }
  | { kind: 'request'; titles: string[]; requestKind: string };

/** What the bot shows for q; `searchAnew` skips the service's cache of recent questions, for timing the search itself. */
function botOutcome(faq: ExplainingFaqService, q: string, searchAnew = false): Outcome {
  const intent = classifyIntent(q);
  const answer = searchAnew ? faq.search(q) : faq.answer(q);
  if (intent.type === 'request') return { kind: 'request', titles: answer.entry ? [answer.entry.title] : [], requestKind: intent.kind };
  if (answer.entry) return { kind: 'answer', titles: [answer.entry.title] };
  if (answer.candidates.length > 0) return { kind: 'choices', titles: answer.candidates.map((entry) => entry.title) };
  return { kind: 'declined', titles: [] };
}

/** The title on the answer card shown, alone or after a request form; none for "Did you mean…" or a decline. */
function answerCardOf(outcome: Outcome): string | undefined {
  return outcome.kind === 'answer' || outcome.kind === 'request' ? outcome.titles[0] : undefined;
}

function plainLunr(entries: FaqEntry[]) {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('body');
    for (const entry of entries) this.add(entry);
  });
  return (q: string): Outcome => {
    try {
      const titles = index
        .search(q)
        .slice(0, 3)
        .map((hit) => byId.get(hit.ref)?.title ?? '');
      return titles.length > 0 ? { kind: 'answer', titles } : { kind: 'declined', titles: [] };
    } catch {
      return { kind: 'declined', titles: [] }; // QueryParseError on user text: no answer
    }
  };
}

interface Score {
  top1: number;
  top3: number;
  choices: number;
  routed: number;
  declined: number;
}

function score(set: QuestionSet, outcomes: Outcome[], offTopic: Outcome[], isBot: boolean): Score {
  let top1 = 0;
  let top3 = 0;
  set.faq.forEach((question, i) => {
    const outcome = outcomes[i];
    const shown = answerCardOf(outcome);
    if (shown !== undefined && question.accepts(shown)) top1++;
    const pool = isBot ? (shown !== undefined ? [shown] : outcome.kind === 'choices' ? outcome.titles : []) : outcome.titles;
    if (pool.some((title) => question.accepts(title))) top3++;
  });
  return {
    top1,
    top3,
    choices: outcomes.filter((outcome) => outcome.kind === 'choices').length,
    routed: outcomes.filter((outcome) => outcome.kind === 'request').length,
    declined: offTopic.filter((outcome) => outcome.kind === 'declined').length,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const pct = (n: number, total: number) => (total === 0 ? '-' : `${n}/${total} (${Math.round((100 * n) / total)}%)`);

function runSet(set: QuestionSet, verbose: boolean): string {
  const entries = loadContent(set.contentDir);
  const buildStart = performance.now();
  const faq = createFaqService(entries);
  const buildMs = performance.now() - buildStart;
  const lunrAsk = plainLunr(entries);

  const bot = set.faq.map(({ q }) => botOutcome(faq, q));
  const botOff = set.outOfScope.map((q) => botOutcome(faq, q));
  const base = set.faq.map(({ q }) => lunrAsk(q));
  const baseOff = set.outOfScope.map((q) => lunrAsk(q));
  const b = score(set, bot, botOff, true);
  const l = score(set, base, baseOff, false);

  // Answer time, the way the bot answers (intent, then search) but never from its cache of recent
  // questions: each question on first sight on a fresh service (its words not yet cached), then
  // every question 20 times more.
  const all = [...set.faq.map(({ q }) => q), ...set.outOfScope];
  const fresh = createFaqService(entries, { thresholds: faq.thresholds });
  const firstSight = all.map((q) => {
    const start = performance.now();
    botOutcome(fresh, q, true);
    return performance.now() - start;
  });
  firstSight.sort((x, y) => x - y);
  // Wall time, and this process's CPU time: on a shared machine the wall time of a few answers
  // includes waiting for a core, which the CPU time does not.
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of all) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      botOutcome(faq, q, true);
      const cpu = process.cpuUsage(cpuStart);
      times.push(performance.now() - start);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  cpuTimes.sort((x, y) => x - y);
  times.sort((x, y) => x - y);

  const n = set.faq.length;
  const lines = [
    `${path.relative(process.cwd(), set.file)} on ${path.relative(process.cwd(), set.contentDir) || '.'}/ (${entries.length} entries, ${n} questions, ${set.outOfScope.length} off-topic)`,
    `  ${'measure'.padEnd(34)}${'bot'.padEnd(18)}plain lunr`,
    `  ${'top-1 (answer card right)'.padEnd(34)}${pct(b.top1, n).padEnd(18)}${pct(l.top1, n)}`,
    `  ${'top-3 (answer or "Did you mean…")'.padEnd(34)}${pct(b.top3, n).padEnd(18)}${pct(l.top3, n)}`,
    `  ${'off-topic declined'.padEnd(34)}${pct(b.declined, set.outOfScope.length).padEnd(18)}${pct(l.declined, set.outOfScope.length)}`,
    `  ${'"Did you mean…" shown'.padEnd(34)}${pct(b.choices, n).padEnd(18)}-`,
    `  ${'routed to a request form'.padEnd(34)}${pct(b.routed, n).padEnd(18)}-`,
    `  ${'answer time p50 / p99 (ms)'.padEnd(34)}${`${percentile(times, 50).toFixed(2)} / ${percentile(times, 99).toFixed(2)}`.padEnd(18)}(first sight of each question: p50 ${percentile(firstSight, 50).toFixed(2)}, max ${firstSight[firstSight.length - 1].toFixed(2)})`,
    `  ${'answer CPU time p50 / p99 (ms)'.padEnd(34)}${`${percentile(cpuTimes, 50).toFixed(2)} / ${percentile(cpuTimes, 99).toFixed(2)}`}`,
    `  ${'index build (ms)'.padEnd(34)}${buildMs.toFixed(0)}`,
    `  thresholds: ${JSON.stringify(faq.thresholds)}`,
  ];
  if (verbose) {
    const describe = (outcome: Outcome) =>
      outcome.kind === 'request' ? `(request form: ${outcome.requestKind})${outcome.titles.length > 0 ? ` + ${outcome.titles[0]}` : ''}` : outcome.kind === 'declined' ? '(not covered)' : `${outcome.kind === 'choices' ? 'did you mean: ' : ''}${outcome.titles.join(' / ')}`;
    const coverage = ({ candidates, aboutPrivacy, aboutAsker }: Explanation) => {
      const [first, second] = candidates;
      const about = aboutPrivacy ? 'P' : aboutAsker ? 'A' : '-';
      return `${first ? `${first.coverage.toFixed(2)} ${leadOf(first, second).toFixed(2).padStart(5)}` : '0.00  0.00'} ${about}`;
    };
    const explained = set.faq.map((question) => faq.explain(question.q));
    const ranked = set.faq.filter((question, i) => {
      const first = explained[i].candidates[0];
      return first !== undefined && question.accepts(first.entry.title);
    }).length;
    lines.push(`  ranked first by the search, whatever the outcome: ${pct(ranked, n)}`);
    lines.push('  questions (coverage of the best entry, its lead over the runner-up, P names a privacy concept / A speaks of the asker / - neither, outcome):');
    set.faq.forEach((question, i) => {
      const outcome = bot[i];
      const shown = answerCardOf(outcome);
      const mark = shown !== undefined && question.accepts(shown) ? 'ok  ' : outcome.titles.some((title) => question.accepts(title)) ? 'top3' : 'MISS';
      lines.push(`    ${mark} ${coverage(explained[i])} "${question.q}" -> ${describe(outcome)}${mark === 'ok  ' ? '' : ` [want ${question.expected}]`}`);
    });
    set.outOfScope.forEach((q, i) => lines.push(`    ${botOff[i].kind === 'declined' ? 'off ' : 'LEAK'} ${coverage(faq.explain(q))} "${q}" -> ${describe(botOff[i])}`));
  }
  return lines.join('\n');
}

/** `node dist/src/index.js` until it logs that it is serving: wall time and resident memory then. */
async function startup(contentDir: string): Promise<{ ms: number; rssMb: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-faq-'));
  const start = performance.now();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/src/index.js')], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, CONTENT_DIR: contentDir, LOG_LEVEL: 'info' },
  });
  try {
    const ms = await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`bot did not start in 60 s: ${output.slice(-500)}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('privacy assistant serving')) {
          clearTimeout(timer);
          resolve(performance.now() - start);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`bot exited with ${code}: ${output.slice(-500)}`)));
    });
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    // Gone before its data dir is removed: a bot still writing there makes the removal fail.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = !args.includes('--quiet');
  const withStartup = args.includes('--startup');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const contentDir = process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : undefined;
  // ../shared beside the project (its main checkout), or beside the folder of worktrees.
  const shared = [path.resolve(REPO_ROOT, '../shared'), path.resolve(REPO_ROOT, '../../shared')].find((dir) => fs.existsSync(dir)) ?? path.resolve(REPO_ROOT, '../shared');
  const defaults = [
    path.join(shared, 'eval/faq-dev.json'),
    path.join(shared, 'eval/fabrikam/questions.json'),
    path.join(REPO_ROOT, 'test/faq/fixtures/employee-notice/questions.json'),
    path.join(REPO_ROOT, 'test/faq/fixtures/clinic-notice/questions.json'),
    path.join(REPO_ROOT, 'test/faq/fixtures/university-notice/questions.json'),
    path.join(REPO_ROOT, 'test/faq/fixtures/fitness-app/questions.json'),
    path.join(REPO_ROOT, 'test/faq/fixtures/homeware-shop/questions.json'),
  ].filter((file) => fs.existsSync(file));
  const sets = (files.length > 0 ? files.map((file) => path.resolve(file)) : defaults).map((file) => readSet(file, contentDir));
  // Tiny (CI): the first set only, to show the bench still runs end to end.
  for (const set of TINY ? sets.slice(0, 1) : sets) console.log(`${runSet(set, verbose)}\n`);
  if (withStartup) {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/src/index.js'))) throw new Error('build first: npm run build');
    for (const dir of [...new Set(sets.map((set) => set.contentDir))]) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await startup(dir));
      runs.sort((x, y) => x.ms - y.ms);
      const median = runs[1];
      console.log(`start-up on ${path.relative(process.cwd(), dir)}/: ${median.ms.toFixed(0)} ms to serving, RSS ${median.rssMb.toFixed(0)} MB (median of 3)`);
    }
  }
}

main().catch((err: unknown) => {
  // One line, not a stack: the usual cause is a wrong path to the question file or content.
  console.error(`bench:faq: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
