/**
 * Which test files start a second process: the bot as operators run it (fakes/bot-process), Azurite
 * (fakes/azurite), or anything else through child_process. Found by following each test file's
 * relative imports inside test/ and examples/, so a new file is sorted without a list to keep.
 * Used by jest.config.js (these files start first: they are the long ones) and jest.fast.config.js
 * (`npm run test:fast` leaves them out). Plain JavaScript: jest reads it before anything compiles.
 */
const fs = require('node:fs');
const path = require('node:path');

const PROCESS_MODULES = /^(node:)?child_process$/;
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The file a relative import names, or undefined outside test/ and examples/ (src/ starts no process). */
function resolveRelative(from, specifier, root) {
  const base = path.resolve(path.dirname(from), specifier);
  const found = [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')].find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
  if (!found) return undefined;
  const inside = ['test', 'examples'].some((dir) => found.startsWith(path.join(root, dir) + path.sep));
  return inside ? found : undefined;
}

function startsProcess(file, root, seen = new Map()) {
  if (seen.has(file)) return seen.get(file);
  seen.set(file, false); // an import cycle adds nothing
  const source = fs.readFileSync(file, 'utf8');
  let result = false;
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (PROCESS_MODULES.test(specifier)) result = true;
    else if (specifier.startsWith('.')) {
      const target = resolveRelative(file, specifier, root);
      if (target && startsProcess(target, root, seen)) result = true;
    }
    if (result) break;
  }
  seen.set(file, result);
  return result;
}

/** Absolute paths of the test files (`*.test.ts` under test/ and examples/) that start a second process. */
function secondProcessTests(root = path.resolve(__dirname, '..')) {
  const seen = new Map();
  const tests = ['test', 'examples']
    .map((dir) => path.join(root, dir))
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir, { recursive: true }).map((name) => path.join(dir, name)))
    .filter((file) => file.endsWith('.test.ts'));
  return tests.filter((file) => startsProcess(file, root, seen)).sort();
}

module.exports = { secondProcessTests };
