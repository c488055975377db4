/** The bot as operators run it: `node dist/src/index.js` in a child process (built by global-setup). */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../fakes/boot';
import { servingPort, startBotProcess as start } from '../fakes/bot-process';

describe('the bot process', () => {
  // Independent processes: started side by side, not one after another.
  it.concurrent('starts in local mode with no env files, warns loudly, serves without deprecation warnings, and drains on SIGTERM with exit 0', async () => {
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'noenv-'));
    const running = start({ CONTENT_DIR: path.join(REPO_ROOT, 'content') }, emptyDir);
    const port = await servingPort(running);
    expect(running.output.some((line) => line.includes('LOCAL MODE'))).toBe(true);
    // Besides the log line, a framed banner on the console that names the port anyone could reach.
    const banner = running.output.findIndex((line) => line.startsWith('| LOCAL MODE: BOT_ID is empty'));
    expect(banner).toBeGreaterThan(0);
    expect(running.output[banner - 1]).toMatch(/^\+-+\+$/);
    expect(running.output.slice(banner, banner + 3).join('\n')).toContain(`port ${port}`);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    // Node prints these on stderr when a dependency uses an API on its way out (restify 11 did on 22
    // and failed on 24): none at start-up, on whichever Node runs the suite.
    expect(running.output.filter((line) => /DeprecationWarning|\[DEP\d+\]/.test(line))).toEqual([]);
  });

  it.concurrent("starts with the project's own env files, as `npm start` and F5 run it", async () => {
    const running = start({ TEAMSFX_ENV: 'local' });
    const port = await servingPort(running);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it.concurrent('refuses a Node.js older than 22 with one line, before anything else loads', async () => {
    // The Node.js running this suite reports itself as 20 to the bot: the process is real, its version is not.
    const preload = path.join(mkdtempSync(path.join(os.tmpdir(), 'node20-')), 'as-node-20.js');
    writeFileSync(preload, "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.19.0' } });\n");
    const running = start({}, REPO_ROOT, undefined, ['--require', preload]);
    expect(await running.exited).toBe(1);
    expect(running.output).toEqual(['Node.js 20.19.0 is not supported: use Node.js 22 or later (24 recommended).']);
  });

  it.concurrent('refuses local mode in production with one line naming BOT_ID', async () => {
    const running = start({ NODE_ENV: 'production' });
    expect(await running.exited).toBe(1);
    expect(running.output).toEqual([expect.stringMatching(/^Configuration error: BOT_ID: .*NODE_ENV=production/)]);
  });

  it.concurrent('stops start-up naming the file and line of content it cannot read', async () => {
    const content = mkdtempSync(path.join(os.tmpdir(), 'badcontent-'));
    mkdirSync(path.join(content, 'policy'));
    writeFileSync(path.join(content, 'policy/broken.md'), '## Fine heading\nSome text.\n\n## \n');
    const running = start({ CONTENT_DIR: content });
    expect(await running.exited).toBe(1);
    expect(running.output.join('\n')).toMatch(/policy\/broken\.md.*4|4.*policy\/broken\.md/);
  });
});
