/** The bot as operators run it: `node dist/src/index.js` in a child process (built by global-setup). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, type BootedBot } from './boot';
import { scratchDir } from './scratch-dir';

export interface BotProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: string[];
  readonly exited: Promise<number | null>;
}

/** `entry`: another build to run (the folder staged for App Service, bench/echo-bot); `nodeArgs`: options for node itself, e.g. --cpu-prof. */
export function startBotProcess(
  env: Record<string, string>,
  cwd = REPO_ROOT,
  entry = path.join(REPO_ROOT, 'dist/src/index.js'),
  nodeArgs: readonly string[] = [],
): BotProcess {
  // A DATA_DIR of its own unless the test gives one (to start another process on it): removed once
  // the process has exited, as nothing else knows of it.
  const ownDataDir = env.DATA_DIR === undefined ? scratchDir('proc-') : undefined;
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd,
    // TEAMSFX_ENV=test: no env/ file applies, so a developer's env/.env.local (which F5 fills with a
    // Teams registration) never changes what a test runs.
    env: { PATH: process.env.PATH ?? '', PORT: '0', TEAMSFX_ENV: 'test', ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}), ...env },
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  child.stderr.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  return { child, output, exited };
}

/**
 * The port from the "serving" log line, once the process is taking traffic. A start takes about 4 s
 * (the language data loads); several processes starting at once on 2 shared cores take far longer.
 */
export async function servingPort(running: BotProcess, timeoutMs = 60_000, marker = 'privacy assistant serving'): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = running.output.find((item) => item.includes(marker));
    if (line) return (JSON.parse(line) as { port: number }).port;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`bot did not start: ${running.output.join('\n')}`);
}

/** Enough of BootedBot for the conversation driver (test/requests/drive.ts), over a process's port. */
export function overHttp(port: number): BootedBot {
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async post(pathname: string, body: unknown) {
      const response = await fetch(`${url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
    },
  } as BootedBot;
}

/** A process's resident memory in MB, as the kernel counts it (Linux). */
export function rssMb(pid: number | undefined): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}
