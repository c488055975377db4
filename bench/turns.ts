/**
 * `npm run bench:turns`: the privacy bot's turns beside a bare echo bot's (bench/echo-bot.ts: the
 * project's own botbuilder `CloudAdapter` and restify) in the same run. Each bot is its own process,
 * as operators run it; 8 users post over HTTP, each waiting for its reply before asking again, and a
 * turn ends when its reply reaches the local Teams connector (test/fakes/connector.ts). The two bots
 * take turns in alternating order over several rounds, so neither always runs on a cooler machine.
 *
 * Reported: turns/s, p50 and p99 for each and their ratios; the privacy bot's RSS at start, after its
 * first 1,000 FAQ turns and after all of them (BENCH_TURNS, default 20,000); then the request path
 * (a deletion request: open the form, review, confirm, through the real card actions) per second
 * beside the same number of echo turns. BENCH_BOT_NODE_ARGS passes options to the privacy bot's node,
 * e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (then the figures are the profiler's, not the bot's);
 * `node dist/bench/cpu-profile.js <file>` summarises a CPU profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/faq/content-loader';
import { createFaqService } from '../src/faq/faq-service';
import { classifyIntent } from '../src/intents/classify';
import { cardOf, cardTexts, execute, message, type Person } from '../test/fakes/activities';
import { REPO_ROOT } from '../test/fakes/boot';
import { rssMb, servingPort, startBotProcess, type BotProcess } from '../test/fakes/bot-process';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../test/fakes/connector';
import { startTestReceiver } from '../test/fakes/receiver';
import { actionData, facts, type Card } from '../test/requests/drive';
import { benchSize } from './size';

const USERS = 8;
const TURNS = benchSize('BENCH_TURNS', 20_000, 48);
const WARMUP = Math.min(1_000, Math.floor(TURNS / 2));
const ROUNDS = benchSize('BENCH_ROUNDS', 4, 2);
const FLOWS = benchSize('BENCH_FLOWS', 400, 8);
const FLOW_ROUNDS = 2;
const REPLY_TIMEOUT_MS = 15_000;
const BOT_NODE_ARGS = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean);

export interface Target {
  readonly name: string;
  readonly running: BotProcess;
  readonly port: number;
}

export interface Phase {
  turns: number;
  seconds: number;
  latencies: number[];
  errors: number;
}

/** Replies as the connector receives them, matched to the turn by the activity they answer. */
export class Replies {
  private readonly waiting = new Map<string, (call: { at: number; body: Record<string, unknown> }) => void>();

  constructor(private readonly connector: FakeConnector) {
    connector.respond = (call: ConnectorCall) => {
      const settle = this.waiting.get(String(call.body.replyToId));
      if (settle) {
        this.waiting.delete(String(call.body.replyToId));
        settle({ at: performance.now(), body: call.body });
      }
      return undefined;
    };
  }

  to(activityId: string): Promise<{ at: number; body: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(activityId);
        reject(new Error(`no reply to ${activityId} in ${REPLY_TIMEOUT_MS} ms`));
      }, REPLY_TIMEOUT_MS);
      this.waiting.set(activityId, (call) => {
        clearTimeout(timer);
        resolve(call);
      });
    });
  }

  /** The fake connector keeps every call for tests; a long bench only needs the replies it waits for. */
  forget(): void {
    this.connector.calls.length = 0;
  }
}

// node:http rather than fetch: on 2 shared cores the load generator's own CPU is taken from the bots.
export const agent = new http.Agent({ keepAlive: true, maxSockets: USERS });

function post(port: number, body: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/messages',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** One message turn: milliseconds from the POST until its reply reached the connector. */
export async function messageTurn(
  replies: Replies,
  port: number,
  activity: Record<string, unknown>,
  check: (reply: Record<string, unknown>) => boolean,
): Promise<{ ms: number; reply: Record<string, unknown> }> {
  const started = performance.now();
  const [response, reply] = await Promise.all([post(port, activity), replies.to(String(activity.id))]);
  if (response.status !== 200) throw new Error(`answered ${response.status}`);
  if (!check(reply.body)) throw new Error('unexpected reply');
  return { ms: reply.at - started, reply: reply.body };
}

/** An Action.Execute press: the card that replaces the pressed one comes back in the invoke response. */
async function press(port: number, activity: Record<string, unknown>): Promise<Card> {
  const response = await post(port, activity);
  const body = response.status === 200 ? (JSON.parse(response.text) as { statusCode?: number; value?: unknown }) : undefined;
  if (body?.statusCode !== 200 || !body.value || typeof body.value !== 'object') throw new Error(`invoke answered ${response.status}/${body?.statusCode}`);
  return body.value as Card;
}

/**
 * The 8 clients stand in for an organisation's people: each turn comes from one of PEOPLE in turn, so
 * each asks about once every few seconds, as people do. One person sending thousands of messages
 * would be over their own limit (src/teams/person-limits.ts) and get no answers.
 */
const PEOPLE = 2_000;
export const askerOf = (n: number): Person => ({
  id: `29:bench-person-${n % PEOPLE}`,
  aadObjectId: `aad-bench-person-${n % PEOPLE}`,
  name: `Person ${n % PEOPLE}`,
});

/** `count` units of work shared among the USERS clients, each client one at a time. */
export async function asUsers(count: number, work: (n: number) => Promise<number | void>): Promise<Phase> {
  const phase: Phase = { turns: count, seconds: 0, latencies: [], errors: 0 };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: USERS }, async () => {
      while (next < count) {
        const n = next++;
        try {
          const ms = await work(n);
          if (typeof ms === 'number') phase.latencies.push(ms);
        } catch {
          phase.errors++;
        }
      }
    }),
  );
  phase.seconds = (performance.now() - started) / 1000;
  return phase;
}

export function merge(phases: readonly Phase[]): Phase {
  return {
    turns: phases.reduce((sum, phase) => sum + phase.turns, 0),
    seconds: phases.reduce((sum, phase) => sum + phase.seconds, 0),
    latencies: phases.flatMap((phase) => phase.latencies),
    errors: phases.reduce((sum, phase) => sum + phase.errors, 0),
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const perSecond = (phase: Phase) => phase.turns / phase.seconds;

/** Questions people ask in the words of the content's own headings, each answered by that entry. */
export function questions(): Array<{ text: string; title: string }> {
  const faq = createFaqService(loadContent(path.join(REPO_ROOT, 'content')));
  return faq.entries
    .filter((entry) => classifyIntent(entry.title).type === 'question' && faq.answer(entry.title).entry?.id === entry.id)
    .map((entry) => ({ text: entry.title, title: entry.title }));
}

export async function start(name: string, script: string, env: Record<string, string>, marker: string, nodeArgs: string[] = []): Promise<Target> {
  const running = startBotProcess(env, REPO_ROOT, path.join(REPO_ROOT, script), nodeArgs);
  return { name, running, port: await servingPort(running, 30_000, marker) };
}

export async function stop(target: Target): Promise<void> {
  target.running.child.kill('SIGTERM');
  await target.running.exited;
}

const line = (name: string, phase: Phase) =>
  `${name.padEnd(14)}${perSecond(phase).toFixed(0).padStart(9)}${percentile(phase.latencies, 50).toFixed(1).padStart(9)}${percentile(phase.latencies, 99).toFixed(1).padStart(9)}${String(phase.errors).padStart(8)}`;

async function main(): Promise<void> {
  const asked = questions();
  if (asked.length === 0) throw new Error('no content heading is answered by its own entry');
  const [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
  const replies = new Replies(connector);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-turns-'));
  const bot = await start(
    'privacy bot',
    'dist/src/index.js',
    {
      CONTENT_DIR: path.join(REPO_ROOT, 'content'),
      DATA_DIR: dataDir,
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
    },
    'privacy assistant serving',
    BOT_NODE_ARGS,
  );
  const echo = await start('echo bot', 'dist/bench/echo-bot.js', {}, 'echo bot serving');
  const loadAtStart = os.loadavg()[0];

  const ask = (target: Target) => (n: number) => {
    const question = asked[n % asked.length];
    const user = askerOf(n);
    const expected =
      target === bot
        ? (reply: Record<string, unknown>) => cardTexts(cardOf(reply))[0] === question.title
        : (reply: Record<string, unknown>) => reply.text === `Echo: ${question.text}`;
    return messageTurn(replies, target.port, message(question.text, { serviceUrl: connector.url, from: user }), expected).then((turn) => turn.ms);
  };

  // Each bot's RSS is read right after a phase of its own turns, so every reading finds it in the same state.
  const rss = new Map<Target, number[]>([bot, echo].map((target) => [target, [rssMb(target.running.child.pid)]]));
  const turnsOf = async (target: Target, count: number) => {
    const phase = await asUsers(count, ask(target));
    rss.get(target)!.push(rssMb(target.running.child.pid));
    return phase;
  };
  const warmBot = await turnsOf(bot, WARMUP);
  const warmEcho = await turnsOf(echo, WARMUP);
  replies.forget();

  const perRound = Math.floor((TURNS - WARMUP) / ROUNDS);
  const botPhases: Phase[] = [];
  const echoPhases: Phase[] = [];
  const rounds: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [bot, echo] : [echo, bot];
    for (const target of order) (target === bot ? botPhases : echoPhases).push(await turnsOf(target, perRound));
    replies.forget();
    const [b, e] = [botPhases[round], echoPhases[round]];
    rounds.push(
      `  round ${round + 1} (${order[0].name} first): bot ${perSecond(b).toFixed(0)} turns/s, p99 ${percentile(b.latencies, 99).toFixed(1)} ms; echo ${perSecond(e).toFixed(0)} turns/s, p99 ${percentile(e.latencies, 99).toFixed(1)} ms`,
    );
  }
  const botTurns = merge(botPhases);
  const echoTurns = merge(echoPhases);

  // The request path: a new person each time (one open deletion request per person).
  const deletion = (n: number) => deletionRequest(replies, bot.port, connector.url, n);
  const flowPhases: Phase[] = [];
  const flowEchoPhases: Phase[] = [];
  for (let round = 0; round < FLOW_ROUNDS; round++) {
    const share = Math.floor(FLOWS / FLOW_ROUNDS);
    const runFlows = async () => flowPhases.push(await asUsers(share, (n) => deletion(round * share + n)));
    const runEcho = async () => flowEchoPhases.push(await asUsers(share * 3, ask(echo)));
    if (round % 2 === 0) await runFlows().then(runEcho);
    else await runEcho().then(runFlows);
    replies.forget();
  }
  const flows = merge(flowPhases);
  const flowEcho = merge(flowEchoPhases);
  const delivered = await receiver.waitForEvents(flows.turns - flows.errors, 60_000).then(
    (events) => events.length,
    () => receiver.events.length,
  );

  const ratio = perSecond(botTurns) / perSecond(echoTurns);
  const p50Ratio = percentile(botTurns.latencies, 50) / percentile(echoTurns.latencies, 50);
  const p99Ratio = percentile(botTurns.latencies, 99) / percentile(echoTurns.latencies, 99);
  console.log(
    `FAQ turns: ${USERS} users over HTTP, reply timed at the local connector; ${WARMUP} warm-up turns each, then ${ROUNDS} rounds of ${perRound} per bot in alternating order (${asked.length} questions)`,
  );
  if (BOT_NODE_ARGS.length > 0) console.log(`  (the privacy bot ran with node ${BOT_NODE_ARGS.join(' ')})`);
  console.log(`  load average ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end (${os.cpus().length} cores)`);
  for (const round of rounds) console.log(round);
  console.log(`${''.padEnd(14)}${'turns/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}`);
  console.log(line('privacy bot', botTurns));
  console.log(line('echo bot', echoTurns));
  console.log(
    `ratio bot/echo: throughput ${ratio.toFixed(2)} (target >= 0.75), p50 ${p50Ratio.toFixed(2)}, p99 ${p99Ratio.toFixed(2)} (target <= 1.5); warm-up errors ${warmBot.errors + warmEcho.errors}`,
  );
  for (const target of [bot, echo]) {
    const [atStart, afterWarmup, ...afterRounds] = rss.get(target)!;
    const growth = afterRounds[afterRounds.length - 1] - afterWarmup;
    console.log(
      `${target.name} RSS: ${atStart.toFixed(1)} MB at start, ${afterWarmup.toFixed(1)} MB after ${WARMUP} turns, then after each round ${afterRounds.map((mb) => mb.toFixed(1)).join(', ')} MB: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB after ${WARMUP + perRound * ROUNDS} turns${target === bot ? ' (target within 20 MB)' : ''}`,
    );
  }
  console.log(
    `request path: ${flows.turns} deletion requests (open the form, review, confirm: 3 turns each), ${FLOW_ROUNDS} rounds alternating with ${flowEcho.turns} echo turns`,
  );
  console.log(
    `  privacy bot ${perSecond(flows).toFixed(1)} requests/s = ${(perSecond(flows) * 3).toFixed(0)} turns/s (p50 ${percentile(flows.latencies, 50).toFixed(1)} ms, p99 ${percentile(flows.latencies, 99).toFixed(1)} ms a request), errors ${flows.errors}; delivered to the webhook ${delivered}`,
  );
  console.log(
    `  echo bot ${perSecond(flowEcho).toFixed(0)} turns/s, errors ${flowEcho.errors}; ratio (bot turns/s over echo) ${((perSecond(flows) * 3) / perSecond(flowEcho)).toFixed(2)}`,
  );

  await Promise.all([stop(bot), stop(echo)]);
  agent.destroy();
  await Promise.all([connector.close(), receiver.close()]);
  rmSync(dataDir, { recursive: true, force: true });
}

/** A deletion request as a person files it: the form, its review step, then the confirmation. */
async function deletionRequest(replies: Replies, port: number, serviceUrl: string, n: number): Promise<number> {
  const person: Person = { id: `29:bench-requester-${n}`, aadObjectId: `aad-bench-requester-${n}`, name: `Requester ${n}` };
  const options = { serviceUrl, from: person };
  const started = performance.now();
  const opened = await messageTurn(replies, port, message('delete my data', options), (reply) => cardOf(reply) !== undefined);
  const review = await press(port, execute('request.review', { ...actionData(cardOf(opened.reply), 'request.review'), scope: 'everything' }, options));
  const receipt = await press(port, execute('request.submit', { ...actionData(review, 'request.submit'), confirm: 'true' }, options));
  if (!/^PR-[0-9A-Z]{8}$/.test(facts(receipt).Reference ?? '')) throw new Error('no receipt');
  return performance.now() - started;
}

// bench/telemetry.ts reuses this file's parts without running it.
if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
