/**
 * `npm run bench:insights`: what a flood of unanswered questions costs. For 1,000 and 100,000
 * questions planted in the file store (12 to 30 made-up words each, what anyone can type), a bot
 * process answers GET /api/insights while /healthz is asked in a loop; figures are the insights
 * time and the /healthz p99 beside the same bot's idle p99, as ratios within this run. Then the
 * unanswered log at its bound (MAX_UNANSWERED records of the longest kept length): the bot's RSS
 * beside an empty log's. BENCH_BOT_NODE_ARGS passes options to the bot's node (e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof`, read with `node dist/bench/cpu-profile.js`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_UNANSWERED, MAX_UNANSWERED_CHARS, UNANSWERED_COLLECTION } from '../src/questions/content-gaps';
import { rssMb, servingPort, startBotProcess, type BotProcess } from '../test/fakes/bot-process';
import { nonsenseWord, plantRecords, unansweredQuestions } from '../test/fakes/planted-records';
import { benchSize, TINY } from './size';

const TOKEN = 'bench-insights-token-0123456789';
const SIZES = (process.env.BENCH_INSIGHTS_SIZES || (TINY ? '20,200' : '1000,100000')).split(',').map(Number);
/** Records in the unanswered log for the memory figure: its bound, MAX_UNANSWERED, unless tiny. */
const AT_BOUND = benchSize('BENCH_INSIGHTS_AT_BOUND', MAX_UNANSWERED, 100);
const ROUNDS = 3;
const BOT_NODE_ARGS = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean);

interface Bot {
  readonly running: BotProcess;
  readonly url: string;
  readonly dataDir: string;
}

async function startWith(plant: (dataDir: string) => void): Promise<Bot> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-insights-'));
  plant(dataDir);
  const running = startBotProcess({ DATA_DIR: dataDir, NOTICE_API_TOKEN: TOKEN, CONTENT_DIR: 'content' }, undefined, undefined, BOT_NODE_ARGS);
  const port = await servingPort(running, 300_000);
  return { running, url: `http://127.0.0.1:${port}`, dataDir };
}

async function stop(bot: Bot): Promise<void> {
  bot.running.child.kill('SIGTERM');
  await bot.running.exited;
  rmSync(bot.dataDir, { recursive: true, force: true });
}

async function insightsMs(bot: Bot): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${bot.url}/api/insights`, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (response.status !== 200) throw new Error(`insights answered ${response.status}`);
  await response.json();
  return performance.now() - started;
}

/** /healthz latencies, one request after another, until `done` says stop. */
async function healthWhile(bot: Bot, done: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!done()) {
    const started = performance.now();
    await (await fetch(`${bot.url}/healthz`)).text();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

function p99(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(size: number) {
  const bot = await startWith((dir) =>
    plantRecords(
      dir,
      UNANSWERED_COLLECTION,
      unansweredQuestions(size, { now: Date.now(), words: 30, common: 'does the canteen keep my lunch orders', repeated: 40 }),
    ),
  );
  try {
    // The first look reads the planted records from disk: start-up work, not a look's.
    await insightsMs(bot);
    const idleUntil = performance.now() + 1000;
    const idle = await healthWhile(bot, () => performance.now() > idleUntil);
    const times: number[] = [];
    const during: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let finished = false;
      const look = insightsMs(bot).finally(() => (finished = true));
      const [ms, latencies] = await Promise.all([look, healthWhile(bot, () => finished)]);
      times.push(ms);
      during.push(...latencies);
    }
    return {
      size,
      insightsMs: median(times),
      idleP99: p99(idle),
      duringP99: p99(during),
      duringMax: Math.max(...during),
      healthCalls: during.length,
      rss: rssMb(bot.running.child.pid),
    };
  } finally {
    await stop(bot);
  }
}

/** RSS of a bot whose unanswered log is at its bound with the longest questions kept, beside one with none. */
async function memoryAtBound() {
  const longest = () => {
    let text = '';
    while (text.length < MAX_UNANSWERED_CHARS) text += `${nonsenseWord()} `;
    return text.slice(0, MAX_UNANSWERED_CHARS).trim();
  };
  const rssOf = async (plant: (dir: string) => void) => {
    const bot = await startWith(plant);
    try {
      await insightsMs(bot);
      // Settled: a second look, then the figure.
      await insightsMs(bot);
      return rssMb(bot.running.child.pid);
    } finally {
      await stop(bot);
    }
  };
  const empty = await rssOf(() => undefined);
  const full = await rssOf((dir) =>
    plantRecords(
      dir,
      UNANSWERED_COLLECTION,
      (function* () {
        for (const record of unansweredQuestions(AT_BOUND, { now: Date.now(), words: 1 }))
          yield { key: record.key, value: { ...record.value, text: longest() } };
      })(),
    ),
  );
  return { empty, full };
}

async function main(): Promise<void> {
  const results = [];
  for (const size of SIZES) {
    const result = await measure(size);
    results.push(result);
    console.log(
      `${size.toLocaleString('en')} unanswered: insights ${result.insightsMs.toFixed(0)} ms (median of ${ROUNDS}); /healthz p99 ${result.duringP99.toFixed(1)} ms while it runs ` +
        `(max ${result.duringMax.toFixed(1)} ms, ${result.healthCalls} calls), ${result.idleP99.toFixed(1)} ms idle; RSS ${result.rss.toFixed(0)} MB`,
    );
  }
  const [base, ...rest] = results;
  for (const result of rest) {
    console.log(
      `${result.size.toLocaleString('en')} against ${base.size.toLocaleString('en')}: insights time x${(result.insightsMs / base.insightsMs).toFixed(1)} for x${result.size / base.size} questions; ` +
        `/healthz p99 while it runs x${(result.duringP99 / result.idleP99).toFixed(1)} of idle`,
    );
  }
  const memory = await memoryAtBound();
  console.log(
    `unanswered log at ${AT_BOUND === MAX_UNANSWERED ? 'its bound' : 'a tiny size'} (${AT_BOUND.toLocaleString('en')} records of ${MAX_UNANSWERED_CHARS} characters): RSS ${memory.full.toFixed(0)} MB, ` +
      `${memory.empty.toFixed(0)} MB with none (x${(memory.full / memory.empty).toFixed(2)}, +${(memory.full - memory.empty).toFixed(0)} MB)`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
