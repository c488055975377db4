/**
 * Bundles the console page (console/src, with its Teams and chart libraries) into dist/console with
 * esbuild, beside its stylesheet: one script and one style sheet, served by the bot itself, so the
 * page loads nothing from anywhere else. Run by `npm run build` after tsc.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

export function buildConsole(root: string): void {
  const out = path.join(root, 'dist/console');
  // Emptied first: chunk names carry a hash, and yesterday's chunks must not be served beside today's.
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  buildSync({
    entryPoints: [path.join(root, 'console/src/main.ts')],
    outdir: out,
    entryNames: 'console',
    // The Teams library goes in a chunk of its own, loaded only inside Teams: on import it fetches
    // its list of Teams origins, which a page outside Teams (local mode) has no business doing.
    chunkNames: '[name]-[hash]',
    splitting: true,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome110', 'edge110', 'firefox110', 'safari16'],
    platform: 'browser',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  copyFileSync(path.join(root, 'console/console.css'), path.join(out, 'console.css'));
}

if (require.main === module) buildConsole(path.resolve(__dirname, '../..'));
