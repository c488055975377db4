/**
 * `npm run bench:learned`: what teaching costs and what it buys, on every shared policy with a
 * question file (the sample's dev set, and each ../shared/eval/<policy>/questions.json), and on every
 * fixture of ours (test/faq/fixtures/<policy>) that has its questions in other words
 * (bench/fixtures/<policy>-other-words.json).
 *
 * `-- --quality` skips the timings (what teaching buys only); `-- --only=a,b` runs those policies;
 * `-- --misses` also lists each taught question that, asked in other words, still gets no right card.
 *
 * Cost: the FAQ service as the bot runs it (LiveFaq) with nothing taught, and with 1,000 taught
 * `Also asked:` lines and 100 taught entries, timed on the same questions in alternating rounds (each
 * answer searched anew, past the cache of recent questions): p50 and p99 of each, and their ratio.
 * Then the longest one rebuild holds the event loop (it is built in slices) and its whole length,
 * with nothing and with all of that taught.
 *
 * What it buys: every question the content alone does not answer right is taught once, as the
 * team would (a line of its entry, through the same LiveFaq), and then asked again verbatim: the
 * share answered right, and the off-topic questions still declined, before and after; and, for a
 * policy with bench/fixtures/<policy>-other-words.json, the same questions in other words.
 * Informational: it never fails on a score.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { answerAbout } from '../src/faq/answer-about';
import { createFaqServiceInSlices, loadFaqService, type ExplainingFaqService } from '../src/faq/faq-service';
import { LiveFaq, type TaughtContent } from '../src/faq/live-faq';
import { readQuestionFile, type QuestionFile } from '../src/faq/question-file';
import type { FaqEntry } from '../src/faq/types';
import type { Tuning } from '../src/faq/tuning';
import { classifyIntent, rightAskedIn } from '../src/intents/classify';
import { createLogger } from '../src/logger';
import { taughtEntry } from '../src/questions/learned';
import { REPO_ROOT } from '../test/fakes/boot';
import { HeldTaughtSource } from '../test/fakes/held-taught-source';

const TAUGHT_LINES = 1_000;
const TAUGHT_ENTRIES = 100;
const ROUNDS = 6;
const REBUILDS = 10;
const logger = createLogger('silent');

interface PolicySet extends QuestionFile {
  readonly name: string;
  readonly contentDir: string;
}

function sets(): PolicySet[] {
  const shared = [path.resolve(REPO_ROOT, '../shared'), path.resolve(REPO_ROOT, '../../shared')].find((dir) => fs.existsSync(dir));
  const found: PolicySet[] = [];
  if (!shared) return found;
  const dev = path.join(shared, 'eval/faq-dev.json');
  if (fs.existsSync(dev)) found.push({ name: 'sample', contentDir: path.join(REPO_ROOT, 'content'), ...readQuestionFile(dev) });
  for (const name of fs.readdirSync(path.join(shared, 'eval')).sort()) {
    const file = path.join(shared, 'eval', name, 'questions.json');
    if (fs.existsSync(file)) found.push({ name, contentDir: path.join(shared, 'eval', name, 'content'), ...readQuestionFile(file) });
  }
  // Our own fixtures, those with their questions in other words: more policies to choose teaching's constants on.
  const fixtures = path.join(REPO_ROOT, 'test/faq/fixtures');
  for (const name of fs.readdirSync(fixtures).sort()) {
    const file = path.join(fixtures, name, 'questions.json');
    if (fs.existsSync(file) && otherWordsOf(name).size > 0 && !found.some((set) => set.name === name))
      found.push({ name, contentDir: path.join(fixtures, name, 'content'), ...readQuestionFile(file) });
  }
  const only = process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  return only ? found.filter((set) => only.includes(set.name)) : found;
}

/**
 * Taught lines and entries made of the content's own words, spread over every entry: what a privacy
 * team's teaching looks like to the index (questions in the organisation's words), not any question set's.
 */
function syntheticTeaching(entries: readonly FaqEntry[]): TaughtContent {
  const words = [...new Set(entries.flatMap((entry) => entry.body.toLowerCase().match(/[a-z]{4,}/g) ?? []))];
  const pick = (seed: number, count: number) => Array.from({ length: count }, (_, i) => words[(seed * 7919 + i * 104_729) % words.length]).join(' ');
  const alsoAsked = Array.from({ length: TAUGHT_LINES }, (_, i) => ({ entryId: entries[i % entries.length].id, text: `what about ${pick(i, 6)}` }));
  const taught = Array.from({ length: TAUGHT_ENTRIES }, (_, i) =>
    taughtEntry({
      id: `L-${String(i).padStart(8, '0')}`,
      kind: 'entry',
      question: `how do you handle ${pick(i + TAUGHT_LINES, 5)}`,
      answer: pick(i + 2 * TAUGHT_LINES, 40),
      taughtAt: '2026-01-01T00:00:00.000Z',
    }),
  );
  return { entries: taught, alsoAsked };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Wall time, and this process's CPU time: on a shared machine the wall time includes waiting for a core, which the CPU time does not. */
function timeAnswers(service: ExplainingFaqService, questions: readonly string[], into: { wall: number[]; cpu: number[] }): void {
  for (const question of questions) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    service.search(question);
    const cpu = process.cpuUsage(cpuStarted);
    into.wall.push(performance.now() - started);
    into.cpu.push((cpu.user + cpu.system) / 1000);
  }
}

/**
 * The longest the event loop was held while the work ran: a heartbeat of setImmediate turns notes
 * the longest gap between two of them, which is the longest a turn arriving meanwhile would wait;
 * beside it the most CPU time this process spent in one such gap (on a busy machine a gap also
 * holds the time spent waiting for a core).
 */
async function longestHold(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  let running = true;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const longest = { wall: 0, cpu: 0 };
  const beat = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    longest.wall = Math.max(longest.wall, now - last);
    longest.cpu = Math.max(longest.cpu, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
    if (running) setImmediate(beat);
  };
  setImmediate(beat);
  await work();
  running = false;
  beat();
  return longest;
}

async function live(
  content: ExplainingFaqService,
  taught?: TaughtContent,
  tuning: Partial<Tuning> = {},
): Promise<{ faq: LiveFaq<ExplainingFaqService>; source: HeldTaughtSource }> {
  const source = new HeldTaughtSource();
  if (taught) source.set(taught);
  // As the app builds it for English content: the content's search and levels over content and taught entries.
  const faq = new LiveFaq(content, {
    source,
    rebuild: (entries) => createFaqServiceInSlices(entries, { thresholds: content.thresholds, tuning }),
    logger,
    everyMs: 60_000,
  });
  await faq.refresh();
  return { faq, source };
}

/**
 * bench/fixtures/<policy>-other-words.json, when there is one: each question of the policy's set asked
 * again in other words (written before any run), to see what teaching one wording does for another.
 */
function otherWordsOf(policy: string): Map<string, string> {
  const file = path.join(REPO_ROOT, 'bench/fixtures', `${policy}-other-words.json`);
  if (!fs.existsSync(file)) return new Map();
  return new Map(Object.entries((JSON.parse(fs.readFileSync(file, 'utf8')) as { other_words: Record<string, string> }).other_words));
}

/** The answer as the bot gives it (src/teams/faq-feature.ts): towards the right the question is about. */
function botAnswer(faq: LiveFaq<ExplainingFaqService>, question: string) {
  return answerAbout(faq, question, rightAskedIn(classifyIntent(question)));
}

/** Right when the answer card shown is one the question accepts. */
function right(faq: LiveFaq<ExplainingFaqService>, question: QuestionFile['faq'][number]): boolean {
  const title = botAnswer(faq, question.q).entry?.title;
  return title !== undefined && question.accepts(title);
}

/** What answering and rebuilding cost with nothing and with much taught: lines of the report. */
async function costOf(content: ExplainingFaqService, questions: readonly string[]): Promise<string[]> {
  const teaching = syntheticTeaching(content.entries);
  const bare = await live(content);
  const taught = await live(content, teaching);

  // Cost of answering: alternating rounds, so neither always runs on a cooler machine.
  const times = { bare: { wall: [] as number[], cpu: [] as number[] }, taught: { wall: [] as number[], cpu: [] as number[] } };
  timeAnswers(bare.faq.service, questions, { wall: [], cpu: [] });
  timeAnswers(taught.faq.service, questions, { wall: [], cpu: [] });
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? (['taught', 'bare'] as const) : (['bare', 'taught'] as const);
    for (const which of order) timeAnswers((which === 'bare' ? bare : taught).faq.service, questions, times[which]);
  }

  // The event loop held by one rebuild: the longest slice of it (LiveFaq builds in slices and swaps at the end), and its whole length.
  const holds = {
    empty: [] as number[],
    full: [] as number[],
    emptyCpu: [] as number[],
    fullCpu: [] as number[],
    emptyTotal: [] as number[],
    fullTotal: [] as number[],
  };
  for (let i = 0; i < REBUILDS; i++) {
    bare.source.set({ entries: [], alsoAsked: [{ entryId: content.entries[0].id, text: `rebuild ${i}` }] });
    const one = await longestHold(() => bare.faq.refresh());
    holds.empty.push(one.wall);
    holds.emptyCpu.push(one.cpu);
    holds.emptyTotal.push(bare.faq.lastBuildMs);
    taught.source.set({ ...teaching, alsoAsked: [...teaching.alsoAsked, { entryId: content.entries[0].id, text: `rebuild ${i}` }] });
    const all = await longestHold(() => taught.faq.refresh());
    holds.full.push(all.wall);
    holds.fullCpu.push(all.cpu);
    holds.fullTotal.push(taught.faq.lastBuildMs);
  }

  const p = (values: number[], at: number) => percentile(values, at).toFixed(2);
  return [
    `  answer p50 / p99 ms, nothing taught          ${p(times.bare.wall, 50)} / ${p(times.bare.wall, 99)}   (CPU ${p(times.bare.cpu, 50)} / ${p(times.bare.cpu, 99)})`,
    `  answer p50 / p99 ms, ${TAUGHT_LINES} lines + ${TAUGHT_ENTRIES} entries  ${p(times.taught.wall, 50)} / ${p(times.taught.wall, 99)}   (CPU ${p(times.taught.cpu, 50)} / ${p(times.taught.cpu, 99)}; p99 ratio ${(percentile(times.taught.wall, 99) / percentile(times.bare.wall, 99)).toFixed(2)}, CPU ${(percentile(times.taught.cpu, 99) / percentile(times.bare.cpu, 99)).toFixed(2)})`,
    `  rebuild, longest hold of the loop ms p50 / max (CPU p50 / max; whole rebuild p50), one line          ${p(holds.empty, 50)} / ${Math.max(...holds.empty).toFixed(1)} (CPU ${p(holds.emptyCpu, 50)} / ${Math.max(...holds.emptyCpu).toFixed(1)}; ${p(holds.emptyTotal, 50)})`,
    `  rebuild, longest hold of the loop ms p50 / max (CPU p50 / max; whole rebuild p50), all of the above  ${p(holds.full, 50)} / ${Math.max(...holds.full).toFixed(1)} (CPU ${p(holds.fullCpu, 50)} / ${Math.max(...holds.fullCpu).toFixed(1)}; ${p(holds.fullTotal, 50)})`,
  ];
}

/** What teaching buys on one policy, with these values of the Tuning constants (`--tune`). */
async function qualityOf(set: PolicySet, content: ExplainingFaqService, tuning: Partial<Tuning> = {}) {
  // What teaching buys: each first-round miss taught once as a line of the entry that answers it, then asked verbatim.
  const learner = await live(content, undefined, tuning);
  const otherWords = otherWordsOf(set.name);
  const reworded = (item: QuestionFile['faq'][number]) => ({ ...item, q: otherWords.get(item.q) ?? '' });
  const rewordedRightBefore = set.faq.filter((item) => otherWords.has(item.q) && right(learner.faq, reworded(item))).length;
  const rightBefore = set.faq.filter((item) => right(learner.faq, item));
  const before = rightBefore.length;
  const offBefore = set.outOfScope.filter((q) => !learner.faq.answer(q).entry && learner.faq.answer(q).candidates.length === 0).length;
  // A miss whose expected title no entry has (a question file naming an entry the content lacks) cannot be taught.
  const pairs = set.faq
    .filter((item) => !right(learner.faq, item))
    .map((item) => ({ item, entry: content.entries.find((entry) => item.accepts(entry.title)) }))
    .filter((pair): pair is { item: typeof pair.item; entry: FaqEntry } => pair.entry !== undefined);
  const lines = pairs.map(({ item, entry }) => ({ entryId: entry.id, text: item.q }));
  learner.source.set({ entries: [], alsoAsked: lines });
  await learner.faq.refresh();
  const after = set.faq.filter((item) => right(learner.faq, item)).length;
  // Answers teaching broke: right before, wrong after (a taught line pulling them to its entry).
  const broken = rightBefore.filter((item) => !right(learner.faq, item)).length;
  const taughtRight = pairs.filter(({ item }) => right(learner.faq, item)).length;
  const rewordedTaught = pairs.filter(({ item }) => otherWords.has(item.q));
  const rewordedTaughtRight = rewordedTaught.filter(({ item }) => right(learner.faq, reworded(item))).length;
  const rewordedRightAfter = set.faq.filter((item) => otherWords.has(item.q) && right(learner.faq, reworded(item))).length;
  const offAfter = set.outOfScope.filter((q) => !learner.faq.answer(q).entry && learner.faq.answer(q).candidates.length === 0).length;
  // What teaching one wording did not carry to another: what to look at before changing how taught lines are searched.
  const rewordedMisses = rewordedTaught
    .filter(({ item }) => !right(learner.faq, reworded(item)))
    .map(({ item, entry }) => {
      const answer = botAnswer(learner.faq, reworded(item).q);
      const got = answer.entry
        ? answer.entry.title
        : answer.candidates.length > 0
          ? `did you mean: ${answer.candidates.map((e) => e.title).join(' / ')}`
          : '(not covered)';
      return `    taught "${item.q}" to "${entry.title}"\n      asked "${reworded(item).q}" -> ${got}`;
    });

  return {
    broken,
    rewordedMisses,
    before,
    after,
    pairs,
    taughtRight,
    offBefore,
    offAfter,
    otherWords,
    rewordedTaught,
    rewordedTaughtRight,
    rewordedRightBefore,
    rewordedRightAfter,
  };
}

const qualityOnly = process.argv.includes('--quality');
const showMisses = process.argv.includes('--misses');

/** `--tune closenessWeight=0.5,1 synonymWeight=0.4,0.6` (any Tuning constant): every combination of the values given. */
function tuningGrid(): Array<Partial<Tuning>> | undefined {
  const at = process.argv.indexOf('--tune');
  if (at < 0) return undefined;
  let grid: Array<Record<string, number>> = [{}];
  for (const arg of process.argv.slice(at + 1).filter((a) => /^\w+=/.test(a))) {
    const [name, values] = arg.split('=');
    grid = grid.flatMap((combo) => values.split(',').map((value) => ({ ...combo, [name]: Number(value) })));
  }
  return grid as Array<Partial<Tuning>>;
}

/**
 * What a policy scores with a combination: its questions in other words right after teaching (the
 * taught ones count twice: they are what teaching is for), every question right verbatim, and three
 * points off for each off-topic question no longer declined.
 */
function scoreOf(quality: Awaited<ReturnType<typeof qualityOf>>): number {
  return quality.rewordedTaughtRight + quality.rewordedRightAfter + quality.after - 3 * Math.max(0, quality.offBefore - quality.offAfter);
}

/** Leave-one-policy-out: each policy scored with the combination the other policies score best with. */
async function tune(found: readonly PolicySet[], grid: ReadonlyArray<Partial<Tuning>>): Promise<void> {
  const results = new Map<string, Array<Awaited<ReturnType<typeof qualityOf>>>>();
  for (const set of found) {
    const content = loadFaqService(set.contentDir);
    const perCombo = [];
    for (const combo of grid) perCombo.push(await qualityOf(set, content, combo));
    results.set(set.name, perCombo);
  }
  const name = (combo: Partial<Tuning>) => JSON.stringify(combo);
  for (const [i, combo] of grid.entries()) {
    const all = found.map((set) => results.get(set.name)![i]);
    const sum = (pick: (q: (typeof all)[number]) => number) => all.reduce((total, q) => total + pick(q), 0);
    console.log(
      `${name(combo)}  score ${sum(scoreOf)}  taught other words ${sum((q) => q.rewordedTaughtRight)}/${sum((q) => q.rewordedTaught.length)}  every other words ${sum((q) => q.rewordedRightAfter)}  verbatim ${sum((q) => q.after)}  off-topic ${sum((q) => q.offAfter)}/${sum((q) => q.offBefore)}`,
    );
  }
  const held = { taught: 0, taughtRight: 0, verbatim: 0, verbatimRight: 0, off: 0, offKept: 0 };
  for (const set of found) {
    let chosen = 0;
    let bestScore = -Infinity;
    grid.forEach((_combo, i) => {
      const score = found.filter((other) => other !== set).reduce((total, other) => total + scoreOf(results.get(other.name)![i]), 0);
      if (score > bestScore) [chosen, bestScore] = [i, score];
    });
    const q = results.get(set.name)![chosen];
    held.taught += q.rewordedTaught.length;
    held.taughtRight += q.rewordedTaughtRight;
    held.verbatim += q.pairs.length;
    held.verbatimRight += q.taughtRight;
    held.off += q.offBefore;
    held.offKept += q.offAfter;
    console.log(
      `held out ${set.name}: chosen ${name(grid[chosen])}; taught in other words ${q.rewordedTaughtRight}/${q.rewordedTaught.length}, every other words ${q.rewordedRightBefore} -> ${q.rewordedRightAfter}, taught verbatim ${q.taughtRight}/${q.pairs.length}, off-topic ${q.offBefore} -> ${q.offAfter}`,
    );
  }
  console.log(
    `held out, all: taught in other words ${held.taughtRight}/${held.taught} (${Math.round((100 * held.taughtRight) / Math.max(1, held.taught))}%), taught verbatim ${held.verbatimRight}/${held.verbatim}, off-topic declined ${held.off} -> ${held.offKept}`,
  );
}

async function main(): Promise<void> {
  const found = sets();
  const grid = tuningGrid();
  if (grid)
    return tune(
      found.filter((set) => otherWordsOf(set.name).size > 0),
      grid,
    );
  if (found.length === 0) {
    console.log('no question sets found (../shared/eval): nothing to measure');
    return;
  }
  const table: string[] = [];
  const totals = { broken: 0, rightBefore: 0, taught: 0, taughtRight: 0, rewordedTaught: 0, rewordedTaughtRight: 0, offBefore: 0, offAfter: 0, off: 0 };
  for (const set of found) {
    const content = loadFaqService(set.contentDir);
    const questions = [...set.faq.map((item) => item.q), ...set.outOfScope];
    const cost = qualityOnly ? [] : await costOf(content, questions);
    const quality = await qualityOf(set, content);
    const { before, after, pairs, taughtRight, offBefore, offAfter, otherWords, rewordedTaught, rewordedTaughtRight, rewordedRightBefore, rewordedRightAfter } =
      quality;
    totals.taught += pairs.length;
    totals.broken += quality.broken;
    totals.rightBefore += before;
    totals.taughtRight += taughtRight;
    totals.rewordedTaught += rewordedTaught.length;
    totals.rewordedTaughtRight += rewordedTaughtRight;
    totals.offBefore += offBefore;
    totals.offAfter += offAfter;
    totals.off += set.outOfScope.length;
    table.push(
      [
        `${set.name} (${content.entries.length} entries, ${set.faq.length} questions, ${set.outOfScope.length} off-topic)`,
        ...cost,
        `  top-1 before / after teaching each miss once  ${before}/${set.faq.length} -> ${after}/${set.faq.length}; taught questions verbatim ${taughtRight}/${pairs.length}`,
        `  right before and wrong after teaching       ${quality.broken}/${before}`,
        `  off-topic declined before / after           ${offBefore}/${set.outOfScope.length} -> ${offAfter}/${set.outOfScope.length}`,
        ...(otherWords.size > 0
          ? [
              `  taught questions in other words, top-1     ${rewordedTaughtRight}/${rewordedTaught.length}`,
              `  every question in other words, before / after  ${rewordedRightBefore}/${otherWords.size} -> ${rewordedRightAfter}/${otherWords.size}`,
            ]
          : []),
        ...(showMisses ? quality.rewordedMisses : []),
      ].join('\n'),
    );
  }
  table.push(
    [
      `all ${found.length} policies`,
      `  taught questions verbatim                  ${totals.taughtRight}/${totals.taught}`,
      `  right before and wrong after teaching       ${totals.broken}/${totals.rightBefore}`,
      `  taught questions in other words, top-1     ${totals.rewordedTaughtRight}/${totals.rewordedTaught} (${Math.round((100 * totals.rewordedTaughtRight) / Math.max(1, totals.rewordedTaught))}%)`,
      `  off-topic declined before / after           ${totals.offBefore}/${totals.off} -> ${totals.offAfter}/${totals.off}`,
    ].join('\n'),
  );
  console.log(table.join('\n\n'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
