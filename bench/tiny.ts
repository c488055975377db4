/**
 * `npm run bench:tiny`: every bench at BENCH_SIZE=tiny, one after another, each checked to exit 0
 * and print its report, so CI notices a bench that no longer runs (bench:turns once hung unseen).
 * The figures of a tiny run mean nothing and are not looked at. With `--json <file>` it also writes
 * the outcome as jest's JSON report counts, which .ci/run adds to its "N passed, N failed" line.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface Bench {
  readonly name: string;
  /** Lines its report always prints: the bench got to the end. */
  readonly report: readonly RegExp[];
}

const BENCHES: readonly Bench[] = [
  { name: 'faq', report: [/top-1 \(answer card right\)\s+\d/] },
  { name: 'learnt-order', report: [/^held out \(\d+ policy folds\): first changed to right \d+/m, /^learnt on every policy: orderHeading: -?[\d.]+/m] },
  // Two small policies already: it runs the same at every size.
  { name: 'faq-languages', report: [/^\s+top-1\s+\d/m, /^FAQ build on content\/: en \+ de \+ fr \d+ ms/m] },
  { name: 'requests', report: [/requests\/s\s+ratio \d/, /every pending request delivered [\d.]+ s after/] },
  { name: 'notices', report: [/^1\. a notice to/m, /^2\. three instances/m, /^3\. store rows read per post/m, /bench:notices took/] },
  { name: 'scale', report: [/^set-up\s+requests\/s/m, /^azure \(Azurite\), 2 instances\s+\d/m] },
  { name: 'insights', report: [/^\d[\d,]* unanswered: insights \d+ ms/m, /^[\d,]+ against [\d,]+: insights time x/m, /^unanswered log at .*RSS \d+ MB/m] },
  { name: 'console', report: [/^console requests list: \d+ requests stored/m, /^\s+baseline GET \/healthz\s+median [\d.]+ ms/m] },
  { name: 'telemetry', report: [/^ratio export on\/off: throughput [\d.]+/m, /^the receiver got \d+ OTLP exports/m] },
  { name: 'turns', report: [/ratio bot\/echo: throughput [\d.]+/, /^request path: \d+ deletion requests/m] },
];
/** Far above a tiny run's few seconds: only a bench that hangs gets near it. */
const TIMEOUT_MS = 5 * 60_000;

function run(bench: Bench): Promise<{ ok: boolean; seconds: number; problem?: string; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(__dirname, `${bench.name}.js`)], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, BENCH_SIZE: 'tiny' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const missing = bench.report.filter((line) => !line.test(output));
      const problem =
        signal === 'SIGKILL'
          ? `did not finish in ${TIMEOUT_MS / 60_000} min`
          : code !== 0
            ? `exited with ${code ?? signal}`
            : missing.length > 0
              ? `report lacks ${missing.join(', ')}`
              : undefined;
      resolve({ ok: problem === undefined, seconds, problem, output });
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const only = args.filter((arg, i) => !arg.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
  const chosen = only.length > 0 ? BENCHES.filter((bench) => only.includes(bench.name)) : BENCHES;
  let passed = 0;
  let failed = 0;
  for (const bench of chosen) {
    const outcome = await run(bench);
    if (outcome.ok) passed++;
    else failed++;
    console.log(`bench:${bench.name} (tiny) ${outcome.ok ? 'ok' : `FAILED: ${outcome.problem}`} in ${outcome.seconds.toFixed(1)} s`);
    if (!outcome.ok)
      console.log(
        outcome.output
          .split('\n')
          .slice(-40)
          .map((line) => `    ${line}`)
          .join('\n'),
      );
  }
  if (jsonAt >= 0 && args[jsonAt + 1]) {
    const report = { numPassedTests: passed, numFailedTests: failed, numTotalTests: passed + failed, numRuntimeErrorTestSuites: 0 };
    fs.writeFileSync(args[jsonAt + 1], JSON.stringify(report));
  }
  console.log(`${passed} benches ran tiny, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
