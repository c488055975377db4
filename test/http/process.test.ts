/** The bot as operators run it: `node dist/src/index.js` in a child process (built by global-setup). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../fakes/boot';

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: string[];
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, cwd = REPO_ROOT): Running {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/src/index.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'proc-')), ...env },
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  child.stderr.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function servingPort(running: Running): Promise<number> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const line = running.output.find((item) => item.includes('privacy assistant serving'));
    if (line) return (JSON.parse(line) as { port: number }).port;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`bot did not start: ${running.output.join('\n')}`);
}

describe('the bot process', () => {
  it('starts in local mode with no env files, warns loudly, serves, and drains on SIGTERM with exit 0', async () => {
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'noenv-'));
    const running = start({ CONTENT_DIR: path.join(REPO_ROOT, 'content') }, emptyDir);
    const port = await servingPort(running);
    expect(running.output.some((line) => line.includes('LOCAL MODE'))).toBe(true);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it('refuses local mode in production with one line naming BOT_ID', async () => {
    const running = start({ NODE_ENV: 'production' });
    expect(await running.exited).toBe(1);
    expect(running.output).toEqual([expect.stringMatching(/^Configuration error: BOT_ID: .*NODE_ENV=production/)]);
  });

  it('stops start-up naming the file and line of content it cannot read', async () => {
    const content = mkdtempSync(path.join(os.tmpdir(), 'badcontent-'));
    mkdirSync(path.join(content, 'policy'));
    writeFileSync(path.join(content, 'policy/broken.md'), '## Fine heading\nSome text.\n\n## \n');
    const running = start({ CONTENT_DIR: content });
    expect(await running.exited).toBe(1);
    expect(running.output.join('\n')).toMatch(/policy\/broken\.md.*4|4.*policy\/broken\.md/);
  });
});
