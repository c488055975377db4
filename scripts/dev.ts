/**
 * `npm run dev`: the bot and the Microsoft 365 Agents Playground (a local Teams-like chat client)
 * pointed at it, so a newcomer chats with the bot in a browser without a tenant or an app
 * registration. Ctrl+C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { playgroundCommand, waitForHttp } from './playground';

const ROOT = path.resolve(__dirname, '../..');
const BOT_PORT = Number(process.env.PORT ?? 3978);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    stop(code ?? 1);
  });
  return child;
}

let stopping = false;
const children: ChildProcess[] = [];

function stop(code: number): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

async function main(): Promise<void> {
  // Local mode even after F5 has written a Teams registration into the env files: the Playground sends
  // no Bot Framework tokens. No app id means the default app type too (a single-tenant one needs an id).
  const localMode = { BOT_ID: '', BOT_TYPE: 'MultiTenant' };
  children.push(run('the bot', process.execPath, [path.join(ROOT, 'dist/src/index.js')], { ...process.env, PORT: String(BOT_PORT), ...localMode }));
  if (!(await waitForHttp(`http://127.0.0.1:${BOT_PORT}/healthz`, 30_000))) throw new Error(`the bot did not answer on port ${BOT_PORT}`);

  const playground = playgroundCommand(ROOT, BOT_PORT, PLAYGROUND_PORT);
  children.push(run('the Agents Playground', playground.command, playground.args, playground.env));
  if (!(await waitForHttp(`http://localhost:${PLAYGROUND_PORT}`, 60_000))) throw new Error(`the Playground did not answer on port ${PLAYGROUND_PORT}`);
  console.log(`\n  Open http://localhost:${PLAYGROUND_PORT} to chat with the bot (Ctrl+C stops both).\n`);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
main().catch((err: unknown) => {
  console.error(`npm run dev: ${(err as Error).message}`);
  stop(1);
});
