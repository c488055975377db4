/**
 * Bundles the console page (console/src, with its Teams and chart libraries) into dist/console with
 * esbuild, beside its stylesheet: one script and one style sheet, served by the bot itself, so the
 * page loads nothing from anywhere else. Run by `npm run build` after tsc.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

export function buildConsole(root: string): void {
  const out = path.join(root, 'dist/console');
  mkdirSync(out, { recursive: true });
  buildSync({
    entryPoints: [path.join(root, 'console/src/main.ts')],
    outfile: path.join(out, 'console.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome110', 'edge110', 'firefox110', 'safari16'],
    platform: 'browser',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  copyFileSync(path.join(root, 'console/console.css'), path.join(out, 'console.css'));
}

if (require.main === module) buildConsole(path.resolve(__dirname, '../..'));
