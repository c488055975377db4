/**
 * The README stays short and true: at most MAX_README_LINES lines, a table of contents that matches its
 * sections, every relative link in the project's Markdown resolving (file and heading), every variable
 * the bot reads documented in docs/configuration.md, and the figures it states checked against the code
 * and the Bicep template they come from.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { OUTBOUND_TIMEOUT_MS } from '../../src/outbound/outcome';
import { UNANSWERED_RETENTION_DAYS } from '../../src/questions/content-gaps';
import { PROBE_EVERY_MS } from '../../src/requests/delivery';
import { REPO_ROOT } from '../fakes/boot';

const MAX_README_LINES = 250;

/** The contract's configuration variables (docs/contract.md), besides every variable src/config.ts reads. */
const CONTRACT_VARIABLES = [
  'PORT',
  'BOT_ID',
  'BOT_PASSWORD',
  'BOT_TYPE',
  'BOT_TENANT_ID',
  'ALLOWED_TENANT_IDS',
  'CONTENT_DIR',
  'DATA_DIR',
  'STORAGE',
  'AZURE_STORAGE_CONNECTION_STRING',
  'AZURE_STORAGE_ACCOUNT_URL',
  'PRIVACY_WEBHOOK_URL',
  'PRIVACY_WEBHOOK_SECRET',
  'PRIVACY_WEBHOOK_SCOPE',
  'PRIVACY_WEBHOOK_RETRY_BASE_MS',
  'PRIVACY_WEBHOOK_RETRY_MAX_MS',
  'PRIVACY_WEBHOOK_MAX_ATTEMPTS',
  'REQUEST_DUE_DAYS',
  'NOTICE_MAX_RPS',
  'PRIVACY_ADMIN_IDS',
  'NOTICE_ADMIN_IDS',
  'NOTICE_API_TOKEN',
  'CONTENT_LANGUAGE',
  'CONSOLE_DEV_USER',
  'CONSOLE_OPENID_METADATA_URL',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'PRIVACY_TEAM_CHANNEL',
  'PRIVACY_STATUS_TOKEN',
  'REQUEST_REMINDER_DAYS',
  'REQUEST_RETENTION_DAYS',
  'LOG_LEVEL',
];

const read = (relative: string) => readFileSync(path.join(REPO_ROOT, relative), 'utf8');
const readme = read('README.md');
/** The README with every run of whitespace as one space: a sentence found wherever its lines break. */
const flat = readme.replace(/\s+/g, ' ');

/** The project's own Markdown: README, docs/, and the READMEs beside content and examples. */
function markdownFiles(): string[] {
  const found = ['README.md', 'content/README.md'];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(REPO_ROOT, dir))) {
      const relative = path.posix.join(dir, name);
      if (statSync(path.join(REPO_ROOT, relative)).isDirectory()) walk(relative);
      else if (name.endsWith('.md')) found.push(relative);
    }
  };
  walk('docs');
  walk('examples');
  return found;
}

/** Markdown outside fenced code blocks, where a `#` line is a heading and `[x](y)` a link. */
function prose(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .filter((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      return !fenced && !/^\s*(```|~~~)/.test(line);
    })
    .join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  return new Set([...prose(markdown).matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => slug(match[1])));
}

function linksOf(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

describe('the README', () => {
  it(`has at most ${MAX_README_LINES} lines`, () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(MAX_README_LINES);
  });

  it('has a table of contents listing every section, each link landing on its heading', () => {
    const sections = [...prose(readme).matchAll(/^## (.+)$/gm)].map((match) => match[1]).filter((title) => title !== 'Contents');
    const contents = readme.split(/^## Contents$/m)[1].split(/^## /m)[0];
    const listed = [...contents.matchAll(/^- \[(.+)\]\(#(.+)\)$/gm)].map((match) => ({ title: match[1], anchor: match[2] }));
    expect(listed.map((entry) => entry.title)).toEqual(sections);
    for (const entry of listed) expect(slug(entry.title)).toBe(entry.anchor);
  });

  it('states the defaults and ports the code has', () => {
    const defaults = loadConfig({}, REPO_ROOT);
    expect(readme).toContain(`http://localhost:${defaults.port}/api/messages`);
    expect(readme).toContain(`\`REQUEST_RETENTION_DAYS\` (${defaults.requests.retentionDays})`);
    const playgroundPort = /PLAYGROUND_PORT \?\? (\d+)/.exec(read('scripts/dev.ts'))?.[1];
    expect(readme).toContain(`Open http://localhost:${playgroundPort} to chat with the bot`);
    expect(read('scripts/dev.ts')).toContain('to chat with the bot');
  });

  it('states the limits the configuration enforces', () => {
    const secretBytes = Number(/`whsec_` followed by base64 of (\d+) or more random bytes/.exec(flat)?.[1]);
    const secret = (bytes: number) => 'whsec_' + Buffer.alloc(bytes, 7).toString('base64');
    const webhook = (bytes: number) => () => loadConfig({ PRIVACY_WEBHOOK_URL: 'http://127.0.0.1:8080/', PRIVACY_WEBHOOK_SECRET: secret(bytes) }, REPO_ROOT);
    expect(webhook(secretBytes)).not.toThrow();
    expect(webhook(secretBytes - 1)).toThrow(/PRIVACY_WEBHOOK_SECRET/);
    const tokenChars = Number(/`PRIVACY_STATUS_TOKEN` \((\d+) characters or more/.exec(flat)?.[1]);
    expect(() => loadConfig({ PRIVACY_STATUS_TOKEN: 'x'.repeat(tokenChars) }, REPO_ROOT)).not.toThrow();
    expect(() => loadConfig({ PRIVACY_STATUS_TOKEN: 'x'.repeat(tokenChars - 1) }, REPO_ROOT)).toThrow(/PRIVACY_STATUS_TOKEN/);
    expect(flat).toContain(`unanswered questions after ${UNANSWERED_RETENTION_DAYS} days`);
    // "within a minute of the receiver answering": a probe every PROBE_EVERY_MS, each taking at most the timeout.
    expect(flat).toContain('goes out within a minute of the receiver answering');
    expect(PROBE_EVERY_MS + OUTBOUND_TIMEOUT_MS).toBeLessThanOrEqual(60_000);
    const playgroundUser = /PLAYGROUND_USER_AAD_ID = '([^']+)'/.exec(read('test/e2e/harness.ts'))?.[1];
    expect(readme).toContain(`Entra object id \`${playgroundUser}\``);
  });

  it('names every parameter of infra/main.bicep, with its default', () => {
    const params = [...read('infra/main.bicep').matchAll(/^param (\w+) (\w+)(?: = (.+))?$/gm)];
    expect(params.length).toBeGreaterThan(0);
    for (const [, name, , fallback] of params) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect({ name, row }).toEqual({ name, row: expect.any(String) });
      const literal = /^'([^']+)'$|^(\d+)$/.exec(fallback ?? '');
      if (literal) expect({ name, row }).toEqual({ name, row: expect.stringContaining(literal[1] ?? literal[2]) });
    }
    const [, min, max] = /@minValue\((\d+)\)\s*@maxValue\((\d+)\)\s*param instances/.exec(read('infra/main.bicep'))!;
    expect(flat).toContain(`App Service instances (${min} to ${max})`);
  });
});

describe('the project documentation', () => {
  it('documents every variable the bot reads in docs/configuration.md', () => {
    const configuration = read('docs/configuration.md');
    const readByCode = [...read('src/config.ts').matchAll(/\(env, '([A-Z][A-Z0-9_]+)'/g)].map((match) => match[1]);
    expect(readByCode.length).toBeGreaterThan(10);
    const missing = [...new Set([...readByCode, ...CONTRACT_VARIABLES])].filter((name) => !configuration.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('has every relative link resolve to a file, and every #anchor to a heading in it', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      for (const link of linksOf(read(file))) {
        if (/^[a-z]+:/i.test(link)) continue; // https:, mailto:
        const [target, anchor] = link.split('#');
        const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        if (!existsSync(path.join(REPO_ROOT, resolved))) {
          broken.push(`${file}: ${link}`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor)) broken.push(`${file}: ${link} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
