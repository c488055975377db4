/**
 * Boots the real app (restify, CloudAdapter, the file store in a temporary DATA_DIR) on a free port,
 * with its logs captured so tests can assert what operators see and what they must never see.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp, type App, type AppOptions } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { scratchDir } from './scratch-dir';

/** The repository root, from test/fakes in the sources or dist/test/fakes when benchmarks run compiled. */
export const REPO_ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export interface BootedBot {
  readonly app: App;
  readonly url: string;
  readonly dataDir: string;
  readonly logs: string[];
  post(pathname: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown; text: string }>;
  stop(): Promise<void>;
}

export async function bootBot(env: Record<string, string> = {}, options: AppOptions & { keepDataDir?: boolean } = {}): Promise<BootedBot> {
  const dataDir = env.DATA_DIR ?? scratchDir('privacy-bot-');
  const config = loadConfig({ CONTENT_DIR: path.join(REPO_ROOT, 'content'), LOG_LEVEL: 'info', ...env, DATA_DIR: dataDir }, REPO_ROOT);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const app = await buildApp(config, { logger: createLogger(config.logLevel, sink), ...options });
  const address = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    dataDir,
    logs,
    async post(pathname, body, headers = {}) {
      const response = await fetch(`${url}${pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      return { status: response.status, body: parsed, text };
    },
    async stop() {
      await app.stop();
      if (!options.keepDataDir && env.DATA_DIR === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
