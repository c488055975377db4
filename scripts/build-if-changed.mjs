// Builds dist/ (tsc, then the console page's bundle) only when a source changed since the last good
// build, so `npm start`, the benches and the test suite's global setup serve at once on an unchanged
// tree instead of paying a full `tsc` (6 to 25 s on 2 shared cores). Plain JavaScript: it must run
// before anything is built.
//
// "Changed" is by modification time against a stamp that a successful build leaves in dist/. The
// stamp takes the time the build started, so an edit made while tsc runs triggers the next build.
// Folders count too: deleting or renaming a file changes its folder's time.
//
// Usage: node scripts/build-if-changed.mjs [--force]. Exits 1 when a step fails; with --allow-errors,
// type errors still leave the emitted JavaScript usable (tsc emits despite them): the console is
// bundled and it exits 0.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What tsconfig.build.json compiles, and what decides how it compiles. */
const INPUT_FOLDERS = ['src', 'bench', 'scripts', 'examples', 'console'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const STAMP = path.join(root, 'dist', '.build-stamp');

function newestTime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestTime(path.join(target, entry)));
  return newest;
}

export function isBuildCurrent() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  const inputs = [...INPUT_FOLDERS, ...INPUT_FILES].map((name) => newestTime(path.join(root, name)));
  return Math.max(...inputs) <= built;
}

export function build({ allowErrors = false } = {}) {
  const started = new Date();
  const run = (args) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const tsc = run([path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  const typed = tsc.status === 0;
  if (!typed)
    process.stderr.write(
      `build-if-changed: tsc reported problems${allowErrors ? ' (the type-check step fails on them)' : ''}:\n${`${tsc.stdout}${tsc.stderr}`.slice(0, 4000)}\n`,
    );
  if (!typed && !allowErrors) return false;
  // The console page's bundle (dist/console), from what tsc just built.
  const consoleBundle = path.join(root, 'dist/scripts/build-console.js');
  const bundled = existsSync(consoleBundle) ? run([consoleBundle]) : { status: 0 };
  if (bundled.status !== 0) process.stderr.write(`build-if-changed: the console bundle failed:\n${`${bundled.stdout}${bundled.stderr}`.slice(0, 4000)}\n`);
  const ok = typed && bundled.status === 0;
  // Only a clean build is remembered: after type errors the next run compiles (and reports) again.
  if (ok) {
    writeFileSync(STAMP, `built ${started.toISOString()}\n`);
    utimesSync(STAMP, started, started);
  }
  return ok || (allowErrors && bundled.status === 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  if (!force && isBuildCurrent()) process.exit(0);
  process.exit(build({ allowErrors: process.argv.includes('--allow-errors') }) ? 0 : 1);
}
