/**
 * FAQ benchmark: the bot beside plain lunr on every policy we have questions for.
 *
 *   npm run bench:faq                        every set: ../shared/eval (each folder with a questions.json,
 *                                            and faq-dev.json on the project's content/) and
 *                                            test/faq/fixtures/* (each folder with a questions.json)
 *   npm run bench:faq -- --verbose           also every question with what the bot did
 *   npm run bench:faq -- --tune fusionDepth=20,60 answerLead=0.1,0.2
 *                                            also choose those constants leave-one-policy-out
 *   npm run bench:faq -- --startup           also start `node dist/src/index.js` and time it
 *   npm run bench:faq -- --skip a,b          leave out the sets named a and b (held-out policies)
 *   npm run bench:faq -- --quiet             only the table (and --tune's figures): no per-set lines nor timing
 *   CONTENT_DIR=path/to/policy npm run bench:faq -- questions.json [more.json ...]
 *
 * A question file is either the fabrikam format (`units`: id -> title regex, `faq`: {q, accept:
 * [ids]}, `out_of_scope`) or the sample's (`faq`: {q, expect: [titles]}, `out_of_scope`). Without
 * CONTENT_DIR, a `content/` folder beside the question file is used, else the project's content/.
 *
 * For each set it runs the bot's own path (classifyIntent, then the FAQ service) and, in the same
 * run, plain lunr on the same entries (default English pipeline, title and body, the raw question to
 * `index.search`, a parse error counted as no answer). Measures:
 * - top-1: the answer card is right (lunr: its first hit);
 * - one click away: the answer, a "Did you mean…" choice or one of the first two related links is
 *   right (lunr: one of its first three hits);
 * - off-topic declined: an out-of-scope question gets no answer card and no choices (lunr: no hit);
 * - covered declined: a question the content answers is declined as not covered (lunr: no hit).
 *
 * Constants are chosen leave-one-policy-out: for each policy, the value the other policies score best
 * with, scored on that policy; the mean of those held-out scores is the honest figure for a policy
 * nobody has seen. Informational: it never fails on a score.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import { answerAbout } from '../src/faq/answer-about';
import { createFaqService, type ExplainingFaqService } from '../src/faq/faq-service';
import { DEFAULT_TUNING, type Tuning } from '../src/faq/tuning';
import type { FaqAnswer, FaqEntry } from '../src/faq/types';
import { classifyIntent, rightAskedIn } from '../src/intents/classify';
import { REPO_ROOT } from '../test/fakes/boot';
import { defaultSetFiles, readSet, type QuestionSet } from './question-sets';
import { TINY } from './size';

type Outcome =
  | { kind: 'answer'; titles: string[]; related: string[] }
  | { kind: 'choices'; titles: string[] }
  | { kind: 'declined' }
  | { kind: 'request'; titles: string[]; related: string[]; requestKind: string };

/** What the bot shows for q; `searchAnew` skips the service's cache of recent questions, for timing the search itself. */
function botOutcome(faq: ExplainingFaqService, q: string, searchAnew = false): Outcome {
  const intent = classifyIntent(q);
  // As the bot answers (src/teams/faq-feature.ts): towards the right the message is about.
  const answer: FaqAnswer = answerAbout(searchAnew ? { answer: (text) => faq.search(text) } : faq, q, rightAskedIn(intent));
  const related = answer.related.map((entry) => entry.title);
  if (intent.type === 'request') return { kind: 'request', titles: answer.entry ? [answer.entry.title] : [], related, requestKind: intent.kind };
  if (answer.entry) return { kind: 'answer', titles: [answer.entry.title], related };
  if (answer.candidates.length > 0) return { kind: 'choices', titles: answer.candidates.map((entry) => entry.title) };
  return { kind: 'declined' };
}

function plainLunr(entries: FaqEntry[]): (q: string) => Outcome {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('body');
    for (const entry of entries) this.add(entry);
  });
  return (q) => {
    try {
      const titles = index
        .search(q)
        .slice(0, 3)
        .map((hit) => byId.get(hit.ref)?.title ?? '');
      return titles.length > 0 ? { kind: 'answer', titles: titles.slice(0, 1), related: titles.slice(1) } : { kind: 'declined' };
    } catch {
      return { kind: 'declined' }; // QueryParseError on user text: no answer
    }
  };
}

interface Score {
  questions: number;
  offTopic: number;
  top1: number;
  oneClick: number;
  coveredDeclined: number;
  /** Covered questions answered with a card of another entry. */
  wrongAnswers: number;
  offTopicDeclined: number;
  choices: number;
  routed: number;
}

/** The answer card's title, alone or after a request form; none for "Did you mean…" or a decline. */
function cardOf(outcome: Outcome): string | undefined {
  return outcome.kind === 'answer' || outcome.kind === 'request' ? outcome.titles[0] : undefined;
}

/** One click away: the answer, a choice, or one of the first two related links. */
function oneClickOf(outcome: Outcome): string[] {
  if (outcome.kind === 'choices') return outcome.titles;
  if (outcome.kind === 'declined') return [];
  return [...outcome.titles, ...outcome.related.slice(0, 2)];
}

function score(set: QuestionSet, outcomes: Outcome[], offTopic: Outcome[]): Score {
  let top1 = 0;
  let oneClick = 0;
  set.faq.forEach((question, i) => {
    const card = cardOf(outcomes[i]);
    if (card !== undefined && question.accepts(card)) top1++;
    if (oneClickOf(outcomes[i]).some((title) => question.accepts(title))) oneClick++;
  });
  return {
    questions: set.faq.length,
    offTopic: set.outOfScope.length,
    top1,
    oneClick,
    coveredDeclined: outcomes.filter((outcome) => outcome.kind === 'declined').length,
    wrongAnswers: set.faq.filter((question, i) => {
      const card = cardOf(outcomes[i]);
      return card !== undefined && !question.accepts(card);
    }).length,
    offTopicDeclined: offTopic.filter((outcome) => outcome.kind === 'declined').length,
    choices: outcomes.filter((outcome) => outcome.kind === 'choices').length,
    routed: outcomes.filter((outcome) => outcome.kind === 'request').length,
  };
}

const share = (n: number, total: number) => (total === 0 ? 0 : n / total);
const percent = (value: number) => `${Math.round(100 * value)}%`;
/** Means over many policies move by less than a point when one answer changes: one decimal. */
const percentTenths = (value: number) => `${(100 * value).toFixed(1)}%`;
const pct = (n: number, total: number) => (total === 0 ? '-' : `${n}/${total} (${percent(n / total)})`);

/**
 * What the constants are chosen for, per policy: a right answer card most, the right entry one click
 * away and an off-topic question declined next; a covered question declined costs as much as a
 * right answer earns, since the asker is told the policy does not say what it does; a wrong answer
 * card costs half as much (the contract: never an unrelated section; "Did you mean…" instead). Plain
 * search is the floor: each point of top-1 below plain lunr's on the same policy costs twice.
 */
function objective(s: Score, plainTop1: number): number {
  const top1 = share(s.top1, s.questions);
  return (
    top1 +
    0.5 * share(s.oneClick, s.questions) +
    0.5 * share(s.offTopicDeclined, s.offTopic) -
    share(s.coveredDeclined, s.questions) -
    0.5 * share(s.wrongAnswers, s.questions) -
    2 * Math.max(0, plainTop1 - top1)
  );
}

function runBot(set: QuestionSet, tuning?: Partial<Tuning>): { faq: ExplainingFaqService; outcomes: Outcome[]; offTopic: Outcome[]; score: Score } {
  const faq = createFaqService(set.entries, { tuning });
  const outcomes = set.faq.map(({ q }) => botOutcome(faq, q));
  const offTopic = set.outOfScope.map((q) => botOutcome(faq, q));
  return { faq, outcomes, offTopic, score: score(set, outcomes, offTopic) };
}

function runLunr(set: QuestionSet): Score {
  const ask = plainLunr(set.entries);
  return score(
    set,
    set.faq.map(({ q }) => ask(q)),
    set.outOfScope.map((q) => ask(q)),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Answer time the way the bot answers (intent, then search), never from its cache of recent
 * questions: wall time, and this process's CPU time, which on a shared machine leaves out the
 * waits for a core that the wall time of a few answers includes.
 */
function timing(set: QuestionSet, faq: ExplainingFaqService): string {
  const all = [...set.faq.map(({ q }) => q), ...set.outOfScope];
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
  times.sort((x, y) => x - y);
  cpuTimes.sort((x, y) => x - y);
  return `p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (CPU p50 ${percentile(cpuTimes, 50).toFixed(2)}, p99 ${percentile(cpuTimes, 99).toFixed(2)} ms)`;
}

function describe(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'declined':
      return '(not covered)';
    case 'choices':
      return `did you mean: ${outcome.titles.join(' / ')}`;
    case 'request':
      return `(request form: ${outcome.requestKind})${outcome.titles.length > 0 ? ` + ${outcome.titles[0]}` : ''}`;
    default:
      return `${outcome.titles[0]}${outcome.related.length > 0 ? `  [related: ${outcome.related.slice(0, 2).join(' / ')}]` : ''}`;
  }
}

function details(set: QuestionSet, outcomes: Outcome[], offTopic: Outcome[]): string[] {
  const lines: string[] = [];
  const ask = plainLunr(set.entries);
  set.faq.forEach((question, i) => {
    const card = cardOf(outcomes[i]);
    const mark = card !== undefined && question.accepts(card) ? 'ok   ' : oneClickOf(outcomes[i]).some((title) => question.accepts(title)) ? 'click' : 'MISS ';
    const plainCard = cardOf(ask(question.q));
    const plainRight = plainCard !== undefined && question.accepts(plainCard) ? ' (lunr right)' : '';
    lines.push(`    ${mark} "${question.q}" -> ${describe(outcomes[i])}${mark === 'ok   ' ? '' : ` [want ${question.expected}]${plainRight}`}`);
  });
  set.outOfScope.forEach((q, i) => lines.push(`    ${offTopic[i].kind === 'declined' ? 'off  ' : 'LEAK '} "${q}" -> ${describe(offTopic[i])}`));
  return lines;
}

interface Row {
  name: string;
  bot: Score;
  lunr: Score;
}

function table(rows: Row[]): string {
  const cell = (s: Score) => [
    percent(share(s.top1, s.questions)),
    percent(share(s.oneClick, s.questions)),
    percent(share(s.offTopicDeclined, s.offTopic)),
    percent(share(s.coveredDeclined, s.questions)),
  ];
  const lines = [
    '| set | questions | top-1 bot | top-1 lunr | one click bot | one click lunr | off-topic declined bot | off-topic declined lunr | covered declined bot | covered declined lunr |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { name, bot, lunr: base } of rows) {
    const [b1, bc, bo, bd] = cell(bot);
    const [l1, lc, lo, ld] = cell(base);
    lines.push(`| ${name} | ${bot.questions} + ${bot.offTopic} | ${b1} | ${l1} | ${bc} | ${lc} | ${bo} | ${lo} | ${bd} | ${ld} |`);
  }
  const mean = (pick: (row: Row) => number) => percent(rows.reduce((sum, row) => sum + pick(row), 0) / rows.length);
  lines.push(
    `| mean of ${rows.length} | | ${mean((r) => share(r.bot.top1, r.bot.questions))} | ${mean((r) => share(r.lunr.top1, r.lunr.questions))} | ${mean((r) => share(r.bot.oneClick, r.bot.questions))} | ${mean((r) => share(r.lunr.oneClick, r.lunr.questions))} | ${mean((r) => share(r.bot.offTopicDeclined, r.bot.offTopic))} | ${mean((r) => share(r.lunr.offTopicDeclined, r.lunr.offTopic))} | ${mean((r) => share(r.bot.coveredDeclined, r.bot.questions))} | ${mean((r) => share(r.lunr.coveredDeclined, r.lunr.questions))} |`,
  );
  return lines.join('\n');
}

/** "fusionDepth=20,60" -> ['fusionDepth', [20, 60]]. */
function parseTune(args: string[]): Array<[keyof Tuning, number[]]> {
  return args.map((arg) => {
    const [key, values] = arg.split('=');
    if (!(key in DEFAULT_TUNING)) throw new Error(`unknown constant "${key}" (known: ${Object.keys(DEFAULT_TUNING).join(', ')})`);
    return [key as keyof Tuning, values.split(',').map(Number)];
  });
}

/** Objectives closer than this are a tie (sums of shares, so float noise only). */
const TIE = 1e-9;

function grid(axes: Array<[keyof Tuning, number[]]>): Array<Partial<Tuning>> {
  let combinations: Array<Partial<Tuning>> = [{}];
  for (const [key, values] of axes) combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [key]: value })));
  return combinations;
}

/**
 * Leave-one-policy-out: for each policy, the combination with the best mean objective over the
 * others, and that combination's score on it. Also the current defaults' scores, for comparison.
 */
function leaveOneOut(sets: QuestionSet[], axes: Array<[keyof Tuning, number[]]>): string[] {
  const combinations = grid(axes);
  const plainTop1 = sets.map((set) => {
    const s = runLunr(set);
    return share(s.top1, s.questions);
  });
  const objectiveOf = (s: Score, i: number) => objective(s, plainTop1[i]);
  const scores = combinations.map((tuning) => sets.map((set) => runBot(set, tuning).score));
  const lines = [`leave-one-policy-out over ${sets.length} policies, ${combinations.length} combinations of ${axes.map(([key]) => key).join(', ')}:`];
  // A tie keeps the defaults, if the grid has them: no change without evidence, and a fold's choice then says something.
  const defaults = combinations.findIndex((tuning) => axes.every(([key]) => tuning[key] === DEFAULT_TUNING[key]));
  const better = (value: number, c: number, bestValue: number) => value > bestValue + TIE || (c === defaults && value > bestValue - TIE);
  const heldOut: Score[] = [];
  sets.forEach((set, held) => {
    let best = 0;
    let bestValue = -Infinity;
    combinations.forEach((_tuning, c) => {
      const value = scores[c].reduce((sum, s, i) => (i === held ? sum : sum + objectiveOf(s, i)), 0);
      if (better(value, c, bestValue)) [best, bestValue] = [c, value];
    });
    const s = scores[best][held];
    heldOut.push(s);
    lines.push(
      `  ${set.name.padEnd(20)} chose ${JSON.stringify(combinations[best])}: top-1 ${percent(share(s.top1, s.questions))}, one click ${percent(share(s.oneClick, s.questions))}, off-topic declined ${percent(share(s.offTopicDeclined, s.offTopic))}, covered declined ${percent(share(s.coveredDeclined, s.questions))}`,
    );
  });
  const mean = (pick: (s: Score) => number) => percentTenths(heldOut.reduce((sum, s) => sum + pick(s), 0) / heldOut.length);
  lines.push(
    `  held-out mean: top-1 ${mean((s) => share(s.top1, s.questions))}, one click ${mean((s) => share(s.oneClick, s.questions))}, off-topic declined ${mean((s) => share(s.offTopicDeclined, s.offTopic))}, covered declined ${mean((s) => share(s.coveredDeclined, s.questions))}`,
  );
  const overall = combinations.map((_tuning, c) => scores[c].reduce((sum, s, i) => sum + objectiveOf(s, i), 0));
  combinations.forEach((tuning, c) => {
    const meanOf = (pick: (s: Score) => number) => percentTenths(scores[c].reduce((sum, s) => sum + pick(s), 0) / sets.length);
    // How broad a gain is: on how many policies the objective rises and falls beside the defaults.
    const moved =
      defaults < 0 || c === defaults
        ? ''
        : (() => {
            const change = scores[c].map((s, i) => objectiveOf(s, i) - objectiveOf(scores[defaults][i], i));
            return `, beside the defaults better on ${change.filter((d) => d > TIE).length} and worse on ${change.filter((d) => d < -TIE).length} policies`;
          })();
    lines.push(
      `  all ${sets.length} with ${JSON.stringify(tuning)}: top-1 ${meanOf((s) => share(s.top1, s.questions))}, one click ${meanOf((s) => share(s.oneClick, s.questions))}, off-topic declined ${meanOf((s) => share(s.offTopicDeclined, s.offTopic))}, covered declined ${meanOf((s) => share(s.coveredDeclined, s.questions))}, objective ${(overall[c] / sets.length).toFixed(3)}${moved}`,
    );
  });
  let chosen = 0;
  overall.forEach((value, c) => {
    if (better(value, c, overall[chosen]) && c !== chosen) chosen = c;
  });
  lines.push(
    `  best on all ${sets.length} together: ${JSON.stringify(combinations[chosen])} (defaults now: ${JSON.stringify(Object.fromEntries(axes.map(([key]) => [key, DEFAULT_TUNING[key]])))})`,
  );
  return lines;
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
  const verbose = args.includes('--verbose');
  // Tuning runs many grids: the per-set lines and their timing (20 rounds of every question) are skipped.
  const quiet = args.includes('--quiet');
  const withStartup = args.includes('--startup');
  const tuneAt = args.indexOf('--tune');
  const tuneArgs = tuneAt >= 0 ? args.slice(tuneAt + 1).filter((arg) => arg.includes('=')) : [];
  // Held-out policies are left out by name, so that nothing is read or tuned on them by accident.
  const skipAt = args.indexOf('--skip');
  const skipArg = skipAt >= 0 ? args[skipAt + 1] : undefined;
  const skipped = new Set((skipArg ?? '').split(',').filter(Boolean));
  const files = args.filter((arg) => !arg.startsWith('--') && !tuneArgs.includes(arg) && arg !== skipArg);
  const contentDir = process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : undefined;
  const sets = (files.length > 0 ? files.map((file) => path.resolve(file)) : defaultSetFiles())
    .map((file) => readSet(file, contentDir))
    .filter((set) => !skipped.has(set.name));
  const rows: Row[] = [];
  // Tiny (CI): the first set only, to show the bench still runs end to end.
  for (const set of TINY ? sets.slice(0, 1) : sets) {
    const buildStart = performance.now();
    const bot = runBot(set);
    const buildMs = performance.now() - buildStart;
    const base = runLunr(set);
    rows.push({ name: set.name, bot: bot.score, lunr: base });
    if (quiet) continue;
    const n = set.faq.length;
    const lines = [
      `${set.name}: ${path.relative(process.cwd(), set.file)} on ${path.relative(process.cwd(), set.contentDir) || '.'}/ (${set.entries.length} entries, ${n} questions, ${set.outOfScope.length} off-topic)`,
      `  ${'measure'.padEnd(36)}${'bot'.padEnd(18)}plain lunr`,
      `  ${'top-1 (answer card right)'.padEnd(36)}${pct(bot.score.top1, n).padEnd(18)}${pct(base.top1, n)}`,
      `  ${'one click away'.padEnd(36)}${pct(bot.score.oneClick, n).padEnd(18)}${pct(base.oneClick, n)}`,
      `  ${'off-topic declined'.padEnd(36)}${pct(bot.score.offTopicDeclined, set.outOfScope.length).padEnd(18)}${pct(base.offTopicDeclined, set.outOfScope.length)}`,
      `  ${'covered declined'.padEnd(36)}${pct(bot.score.coveredDeclined, n).padEnd(18)}${pct(base.coveredDeclined, n)}`,
      `  ${'wrong answer card'.padEnd(36)}${pct(bot.score.wrongAnswers, n).padEnd(18)}${pct(base.wrongAnswers, n)}`,
      `  ${'"Did you mean…" shown'.padEnd(36)}${pct(bot.score.choices, n)}`,
      `  ${'routed to a request form'.padEnd(36)}${pct(bot.score.routed, n)}`,
      `  ${'answer time'.padEnd(36)}${timing(set, bot.faq)} (build and first run ${buildMs.toFixed(0)} ms)`,
    ];
    if (verbose) lines.push(...details(set, bot.outcomes, bot.offTopic));
    console.log(`${lines.join('\n')}\n`);
  }
  console.log(`${table(rows)}\n`);
  if (tuneArgs.length > 0) console.log(`${leaveOneOut(sets, parseTune(tuneArgs)).join('\n')}\n`);
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
