/**
 * docs/architecture.md's table of parts, held to the code and the lint: every part of src/ has a
 * row, every row's "may import" covers what its files do import, and its "lint forbids" is exactly
 * what eslint.config.mjs refuses there. ESLint runs in a child process (its config is an ES module).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const src = path.join(root, 'src');

interface Row {
  readonly parts: string[];
  readonly mayImport: string;
  readonly forbids: string;
}

/** The parts of src/: each folder, and each file directly in it (by name without `.ts`). */
function partsOfSrc(): string[] {
  return readdirSync(src, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || entry.name.endsWith('.ts'))
    .map((entry) => entry.name.replace(/\.ts$/, ''));
}

const backticked = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

function tableRows(markdown: string): Row[] {
  const section = markdown.slice(markdown.indexOf('## The parts'));
  const lines = section.split('\n').filter((line) => line.startsWith('| `src/'));
  return lines.map((line) => {
    const cells = line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, ''));
    const parts = backticked(cells[0]).map((name) =>
      name
        .replace(/^src\//, '')
        .replace(/\/$/, '')
        .replace(/\.ts$/, ''),
    );
    return { parts, mayImport: cells[2], forbids: cells[3] };
  });
}

/** What the lint forbids in a file of each part, as names: the alternatives of each restricted pattern's group. */
function lintForbids(parts: readonly string[]): Record<string, string[]> {
  const script = `
    const { ESLint } = require('eslint');
    const files = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = {};
      for (const [part, file] of files) {
        const config = await eslint.calculateConfigForFile(file);
        const rule = config.rules['no-restricted-imports'];
        out[part] = rule && rule[0] !== 0 && rule[0] !== 'off' ? rule[1].patterns.map((p) => p.regex) : [];
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const files = parts.map((part) => [part, readdirSync(src).includes(`${part}.ts`) ? `src/${part}.ts` : `src/${part}/probe.ts`]);
  const regexes = JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(files)], { cwd: root, encoding: 'utf8' })) as Record<
    string,
    string[]
  >;
  const names = (regex: string): string[] =>
    [...regex.matchAll(/\(([^()]+)\)/g)]
      .map((group) => group[1].split('|'))
      .filter((alternatives) => !alternatives.includes('^') && !alternatives.includes('$'))
      .flat();
  return Object.fromEntries(Object.entries(regexes).map(([part, list]) => [part, list.flatMap(names).sort()]));
}

/** The table's names for what the lint forbids: `botframework-*` is the prefix `botframework-`. */
const forbiddenNames = (cell: string): string[] =>
  backticked(cell)
    .map((name) => name.replace(/\*$/, ''))
    .sort();

/** The parts one part's files import (relative imports that leave the part). */
function importsOf(part: string): Set<string> {
  const start = path.join(src, part);
  const files = readdirSync(src).includes(`${part}.ts`)
    ? [`${start}.ts`]
    : (readdirSync(start, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.ts')).map((file) => path.join(start, file));
  const found = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+'(\.[^']+)'/gm)) {
      const target = path.relative(src, path.resolve(path.dirname(file), match[1]));
      if (target.startsWith('..')) continue;
      const targetPart = target.split(path.sep)[0].replace(/\.ts$/, '');
      if (targetPart !== part) found.add(targetPart);
    }
  }
  return found;
}

describe('docs/architecture.md, the table of parts', () => {
  const rows = tableRows(readFileSync(path.join(root, 'docs/architecture.md'), 'utf8'));
  const parts = partsOfSrc();
  const rowOf = (part: string) => rows.find((row) => row.parts.includes(part));
  let forbidden: Record<string, string[]>;
  beforeAll(() => {
    forbidden = lintForbids(parts);
  }, 60_000);

  it('has one row for each part of src/, and none for a part that is gone', () => {
    expect(rows.length).toBeGreaterThan(10);
    expect(parts.filter((part) => !rowOf(part))).toEqual([]);
    expect(rows.flatMap((row) => row.parts).filter((part) => !parts.includes(part))).toEqual([]);
  });

  it('says exactly what the lint forbids in each part', () => {
    const disagree = parts.filter((part) => rowOf(part)).map((part) => ({ part, table: forbiddenNames(rowOf(part)!.forbids), lint: forbidden[part] }));
    expect(disagree.filter((entry) => JSON.stringify(entry.table) !== JSON.stringify(entry.lint))).toEqual([]);
    // The lint is read for real: services and storage are refused the layers and features.
    expect(forbidden.requests).toEqual(expect.arrayContaining(['botbuilder', 'teams', 'http', 'cards', 'wiring']));
    expect(forbidden.storage).toEqual(expect.arrayContaining(['questions', 'notices']));
    expect(forbidden.teams).toEqual([]);
  });

  it('covers in each part\'s "may import" every part its files import', () => {
    const services = parts.filter((part) => forbidden[part].includes('teams'));
    const allowedBy = (part: string, cell: string): Set<string> => {
      if (/^everything\b/.test(cell)) return new Set(parts);
      if (/^nothing\b/.test(cell)) return new Set();
      const named = backticked(cell).map((name) => name.split('/')[0].replace(/\.ts$/, ''));
      if (/^all but\b/.test(cell)) return new Set(parts.filter((other) => !named.includes(other)));
      return new Set([...named, ...(/\bservices\b/.test(cell) ? services : [])].filter((other) => other !== part));
    };
    const undeclared = parts.flatMap((part) => {
      const row = rowOf(part);
      if (!row) return [];
      const allowed = allowedBy(part, row.mayImport);
      return [...importsOf(part)].filter((target) => !allowed.has(target)).map((target) => `${part} imports ${target}`);
    });
    expect(undeclared).toEqual([]);
  });
});
