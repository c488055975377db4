/**
 * `npm run bench:telemetry`: what exporting telemetry costs a turn. Two privacy bots, each its own
 * process as operators run it, one exporting traces and metrics over OTLP/HTTP (protobuf, the
 * collectors' default) to a local receiver and one with telemetry off, answer the same FAQ turns
 * (8 users over HTTP, reply timed at the local Teams connector, as bench:turns does) in alternating
 * rounds, so neither always runs on a cooler machine. Target: export on at least 0.95 of off.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cardOf, cardTexts, message } from '../test/fakes/activities';
import { REPO_ROOT } from '../test/fakes/boot';
import { startFakeConnector } from '../test/fakes/connector';
import { startOtlpReceiver } from '../test/fakes/otlp-receiver';
import { agent, askerOf, asUsers, merge, messageTurn, percentile, perSecond, questions, Replies, start, stop, type Phase, type Target } from './turns';
import { benchSize } from './size';

const TURNS = benchSize('BENCH_TURNS', 12_000, 48);
const ROUNDS = benchSize('BENCH_ROUNDS', 6, 2);
const WARMUP = Math.min(1_000, Math.floor(TURNS / 2));
/** More variables for the exporting bot, e.g. "OTEL_TRACES_SAMPLER=always_on OTEL_EXPORTER_OTLP_PROTOCOL=http/json". */
/** Options for the exporting bot's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (bench/cpu-profile.ts reads the profile). */
const BOT_NODE_ARGS = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean);
const EXPORT_ENV = Object.fromEntries(
  (process.env.BENCH_EXPORT_ENV ?? '')
    .split(' ')
    .filter(Boolean)
    .map((pair) => pair.split('=', 2) as [string, string]),
);

/** CPU seconds a process has used (user and system), as the kernel counts it (Linux). */
function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the line; 12 and 13 once the pid and name are cut off.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function main(): Promise<void> {
  const asked = questions();
  const [connector, otlp] = await Promise.all([startFakeConnector(), startOtlpReceiver({ keep: false })]);
  const replies = new Replies(connector);
  const dataDirs = [mkdtempSync(path.join(os.tmpdir(), 'bench-tel-on-')), mkdtempSync(path.join(os.tmpdir(), 'bench-tel-off-'))];
  const common = { CONTENT_DIR: path.join(REPO_ROOT, 'content') };
  const on = await start(
    'export on',
    'dist/src/index.js',
    { ...common, DATA_DIR: dataDirs[0], OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, ...EXPORT_ENV },
    'privacy assistant serving',
    BOT_NODE_ARGS,
  );
  const off = await start('export off', 'dist/src/index.js', { ...common, DATA_DIR: dataDirs[1] }, 'privacy assistant serving');

  const ask = (target: Target) => (n: number) => {
    const question = asked[n % asked.length];
    const expected = (reply: Record<string, unknown>) => cardTexts(cardOf(reply))[0] === question.title;
    return messageTurn(replies, target.port, message(question.text, { serviceUrl: connector.url, from: askerOf(n) }), expected).then((turn) => turn.ms);
  };
  for (const target of [on, off]) await asUsers(WARMUP, ask(target));
  replies.forget();

  const perRound = Math.floor((TURNS - WARMUP) / ROUNDS);
  const phases = new Map<Target, Phase[]>([
    [on, []],
    [off, []],
  ]);
  // CPU per turn as well as turns per second: on 2 cores shared with other work, the CPU a bot spends
  // on its own turns is steadier than how many it got through.
  const cpu = new Map<Target, number>([
    [on, 0],
    [off, 0],
  ]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of round % 2 === 0 ? [on, off] : [off, on]) {
      const before = cpuSeconds(target.running.child.pid);
      phases.get(target)!.push(await asUsers(perRound, ask(target)));
      cpu.set(target, cpu.get(target)! + cpuSeconds(target.running.child.pid) - before);
    }
    replies.forget();
  }
  const cpuPerTurnMs = (target: Target) => (cpu.get(target)! * 1000) / (perRound * ROUNDS);
  const [withExport, without] = [merge(phases.get(on)!), merge(phases.get(off)!)];
  const [onCpu, offCpu] = [cpuPerTurnMs(on), cpuPerTurnMs(off)];
  // Whatever the last batch holds is sent on SIGTERM; stop first so the receiver's count is complete.
  await Promise.all([stop(on), stop(off)]);

  if (Object.keys(EXPORT_ENV).length > 0) console.log(`(the exporting bot also had ${process.env.BENCH_EXPORT_ENV})`);
  console.log(
    `FAQ turns, ${ROUNDS} alternating rounds of ${perRound} per bot after ${WARMUP} warm-up turns each; load average ${os.loadavg()[0].toFixed(2)} (${os.cpus().length} cores)`,
  );
  for (const [name, phase] of [
    ['export on', withExport],
    ['export off', without],
  ] as const) {
    const cpuMs = name === 'export on' ? onCpu : offCpu;
    console.log(
      `  ${name.padEnd(11)} ${perSecond(phase).toFixed(0).padStart(5)} turns/s, p50 ${percentile(phase.latencies, 50).toFixed(1)} ms, p99 ${percentile(phase.latencies, 99).toFixed(1)} ms, CPU ${cpuMs.toFixed(2)} ms a turn, errors ${phase.errors}`,
    );
  }
  console.log(
    `  per round, on/off: ${phases
      .get(on)!
      .map((phase, n) => (perSecond(phase) / perSecond(phases.get(off)![n])).toFixed(2))
      .join(', ')}`,
  );
  console.log(
    `ratio export on/off: throughput ${(perSecond(withExport) / perSecond(without)).toFixed(2)} (target >= 0.95), turns per CPU second ${(offCpu / onCpu).toFixed(2)}, p50 ${(percentile(withExport.latencies, 50) / percentile(without.latencies, 50)).toFixed(2)}, p99 ${(percentile(withExport.latencies, 99) / percentile(without.latencies, 99)).toFixed(2)}`,
  );
  console.log(`the receiver got ${otlp.received.requests} OTLP exports, ${(otlp.received.bytes / 1024 / 1024).toFixed(1)} MB`);

  agent.destroy();
  await Promise.all([connector.close(), otlp.close()]);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
