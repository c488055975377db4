/**
 * The boundaries of src/ are lint rules (eslint.config.mjs): this runs the project's own ESLint on
 * deliberate violations, so a rule that stopped matching would fail here rather than go quiet.
 * ESLint runs in a child process: its config is an ES module, which jest's module system cannot load.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

type Probe = [name: string, file: string, code: string];

/** Lints each probe's code as if it were the file at its path; the rule ids each breaks, in order. */
function lint(probes: readonly Probe[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const rules = [];
      for (const [, file, code] of probes) {
        const [result] = await eslint.lintText(code, { filePath: file });
        rules.push(result.messages.map((message) => message.ruleId ?? 'parse'));
      }
      process.stdout.write(JSON.stringify(rules));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(probes)], { cwd: root, encoding: 'utf8' })) as string[][];
}

const refused: Probe[] = [
  ['a service importing botbuilder', 'src/faq/probe.ts', "import { TurnContext } from 'botbuilder';\nexport const x = TurnContext;\n"],
  [
    'the HTTP layer importing botframework-connector',
    'src/http/probe.ts',
    "import type { ConnectorClient } from 'botframework-connector';\nexport type X = ConnectorClient;\n",
  ],
  ['a service importing the Teams layer', 'src/notices/probe.ts', "import type { Proactive } from '../teams/proactive';\nexport type X = Proactive;\n"],
  ['a service importing the HTTP layer', 'src/requests/probe.ts', "import { sendError } from '../http/send-error';\nexport const x = sendError;\n"],
  ['a service importing a card', 'src/intents/probe.ts', "import { noticeCard } from '../cards/notice-cards';\nexport const x = noticeCard;\n"],
  ['storage importing a feature', 'src/storage/probe.ts', "import type { Notice } from '../notices/types';\nexport type X = Notice;\n"],
];
const allowed: Probe[] = [
  ['the Teams layer importing botbuilder', 'src/teams/probe.ts', "import { TurnContext } from 'botbuilder';\nexport const x = TurnContext;\n"],
  ['a card importing a service type', 'src/cards/probe.ts', "import type { Notice } from '../notices/types';\nexport type X = Notice;\n"],
  [
    'a service importing another service and shared text',
    'src/notices/probe.ts',
    "import { cleanText } from '../text/clean-text';\nimport type { Store } from '../storage/store';\nexport const x = cleanText;\nexport type X = Store;\n",
  ],
];

describe('module boundaries', () => {
  let results: string[][];
  beforeAll(() => {
    results = lint([...refused, ...allowed]);
  }, 60_000);

  it.each(refused.map((probe, index) => [probe[0], index] as const))('refuses %s', (_name, index) => {
    expect(results[index]).toContain('no-restricted-imports');
  });

  it.each(allowed.map((probe, index) => [probe[0], refused.length + index] as const))('allows %s', (_name, index) => {
    expect(results[index]).toEqual([]);
  });
});
