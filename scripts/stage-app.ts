/**
 * `npm run stage`: the folder App Service runs, build/app-service: the built server (dist/src), the
 * policy content, the English word data, package.json, the lock file, and the production dependencies
 * installed from that lock (`npm ci --omit=dev`), so the zip holds no compiler, test tools or emulators. The toolkit's
 * deploy step zips it (m365agents.yml); without the toolkit, zip its contents and
 * `az webapp deploy --type zip`. App Service starts `node dist/src/index.js` in it (infra/main.bicep).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export const STAGE_DIR = 'build/app-service';

export interface StageOptions {
  /** The project root: dist/, content/ and package*.json are read from it. */
  readonly root: string;
  /** Where to stage; emptied first. */
  readonly out: string;
}

export function stageApp({ root, out }: StageOptions): void {
  if (!existsSync(path.join(root, 'dist/src/index.js'))) throw new Error('dist/src/index.js is missing: run `npm run build` first');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(path.join(root, 'dist/src'), path.join(out, 'dist/src'), { recursive: true, filter: (source) => !source.endsWith('.map') });
  // The console page's bundle, served by the bot (GET /console).
  cpSync(path.join(root, 'dist/console'), path.join(out, 'dist/console'), { recursive: true });
  cpSync(path.join(root, 'content'), path.join(out, 'content'), { recursive: true });
  // The English word data is read from the sources (src/language/english.ts); tsc copies no data files.
  cpSync(path.join(root, 'src/language/data'), path.join(out, 'src/language/data'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(root, file), path.join(out, file));

  // Install scripts stay off: the production tree is plain JavaScript (restify's optional
  // dtrace-provider falls back to a stub on Linux), so what is staged on any OS runs on App Service.
  const args = ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  // Under `npm run`, npm_execpath is npm's own script: run it with this Node, on every OS.
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: out, stdio: 'inherit' })
    : spawnSync('npm', args, { cwd: out, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`npm ci --omit=dev failed in ${out} (exit ${result.status ?? result.signal})`);
}

if (require.main === module) {
  const root = path.resolve(__dirname, '../..');
  try {
    stageApp({ root, out: path.join(root, STAGE_DIR) });
    console.log(`App Service folder staged: ${STAGE_DIR}`);
  } catch (err) {
    console.error(`Cannot stage: ${(err as Error).message}`);
    process.exit(1);
  }
}
