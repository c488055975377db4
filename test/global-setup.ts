/**
 * Builds dist/ before the suites that run the bot as a real child process (SIGTERM drain, SIGKILL
 * recovery, several instances): one build here instead of one per test file, and none at all when
 * no source changed since the last build (scripts/build-if-changed.mjs).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(__dirname, '..');
  // --allow-errors: tsc still emits JavaScript when it finds type errors; those fail `npm run lint`,
  // not every test. The script reports them on stderr.
  execFileSync(process.execPath, [path.join(root, 'scripts/build-if-changed.mjs'), '--allow-errors'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
