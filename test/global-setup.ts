/**
 * Builds dist/ once before the suites that run the bot as a real child process (SIGTERM drain,
 * SIGKILL recovery, several instances). One build here instead of one per test file.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(__dirname, '..');
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    // tsc still emits JavaScript when it finds type errors; those fail `npm run lint`, not every test.
    const output = String((err as { stdout?: Buffer }).stdout ?? '');
    process.stderr.write(`\nglobal-setup: tsc reported problems (the type-check step fails on them):\n${output.slice(0, 2000)}\n`);
  }
  // The console page's bundle (dist/console), which the console's tests load in a browser.
  execFileSync(process.execPath, [path.join(root, 'dist/scripts/build-console.js')], { cwd: root, stdio: 'pipe' });
}
