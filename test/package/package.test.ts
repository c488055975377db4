/** `npm run package`: placeholders filled from env files, offline schema validation, icons, the zip. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { fillPlaceholders, PackageError } from '../../scripts/package';
import { pngInfo } from '../../scripts/png';
import { REPO_ROOT } from '../fakes/boot';

/** The parts of a Teams manifest these tests read. */
interface Manifest {
  $schema: string;
  id: string;
  name: { short: string };
  developer: { name: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
  [field: string]: unknown;
}

const BOT_ID = '8a7f6c2e-1b3d-4e5f-9a8b-7c6d5e4f3a2b';
const APP_ID = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';

/**
 * Runs a function of the built scripts/package.js in a child Node process: the manifest validator's
 * dependencies are ESM that jest's loader cannot require, while plain Node can.
 */
function inNode<T>(fn: 'buildPackage' | 'manifestProblems', ...args: unknown[]): { ok: true; value: T } | { ok: false; message: string } {
  const script = `
    const pkg = require(${JSON.stringify(path.join(REPO_ROOT, 'dist/scripts/package.js'))});
    const revive = (value) => value && value.$buffer ? require('node:fs').readFileSync(value.$buffer) : value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)])) : value;
    const args = JSON.parse(process.argv[1]).map(revive);
    pkg[${JSON.stringify(fn)}](...args).then(
      (value) => process.stdout.write(JSON.stringify({ ok: true, value })),
      (err) => process.stdout.write(JSON.stringify({ ok: false, message: err.message })));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(args)], { encoding: 'utf8' }));
}

const buildPackage = async (options: { env: string; root: string; environment: Record<string, string> }) => {
  const result = inNode<{ zipPath: string; manifest: Record<string, unknown> }>('buildPackage', options);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

const manifestProblems = async (manifest: Record<string, unknown>, icons: { color: string; outline: string }) => {
  const result = inNode<string[]>('manifestProblems', manifest, { color: { $buffer: icons.color }, outline: { $buffer: icons.outline } });
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

/** A copy of the project's appPackage/ and env/ to package from, so tests never touch the real build folder. */
function projectCopy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pkg-'));
  cpSync(path.join(REPO_ROOT, 'appPackage'), path.join(root, 'appPackage'), { recursive: true, filter: (source) => !source.includes(`${path.sep}build`) });
  cpSync(path.join(REPO_ROOT, 'env'), path.join(root, 'env'), { recursive: true });
  return root;
}

describe('the Teams app package', () => {
  it('carries the command list and the app name in German and French, for Teams clients set to them', async () => {
    const root = projectCopy();
    const { zipPath, manifest } = await buildPackage({ env: 'dev', root, environment: { BOT_ID, TEAMS_APP_ID: APP_ID } });
    const zip = new AdmZip(zipPath);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en',
      additionalLanguages: [
        { languageTag: 'de', file: 'de.json' },
        { languageTag: 'fr', file: 'fr.json' },
      ],
    });
    const german = JSON.parse(zip.readAsText('de.json')) as Record<string, string>;
    const french = JSON.parse(zip.readAsText('fr.json')) as Record<string, string>;
    const commands = (manifest as unknown as Manifest).bots[0].commandLists[0].commands;
    const at = (i: number) => `bots[0].commandLists[0].commands[${i}].title`;
    expect(german[at(commands.findIndex((c) => c.title === 'my requests'))]).toBe('meine anfragen');
    expect(german[at(commands.findIndex((c) => c.title === 'delete my data'))]).toBe('meine daten löschen');
    expect(french[at(commands.findIndex((c) => c.title === 'help'))]).toBe('aide');
    expect(german['name.short'].startsWith('Datenschutz-Assistent')).toBe(true);
    // Every command of every list has its words in each language.
    for (const file of [german, french]) {
      (manifest as unknown as Manifest).bots[0].commandLists.forEach((list, l) =>
        list.commands.forEach((_c, c) => {
          expect(file[`bots[0].commandLists[${l}].commands[${c}].title`]).toBeTruthy();
          expect(file[`bots[0].commandLists[${l}].commands[${c}].description`]).toBeTruthy();
        }),
      );
    }
  });

  it('fills the manifest from env/.env.dev and the environment, validates it, and zips it with both icons', async () => {
    const root = projectCopy();
    writeFileSync(path.join(root, 'env/.env.dev.user'), 'DEVELOPER_NAME=Fabrikam Privacy\n');
    const { zipPath, manifest } = await buildPackage({ env: 'dev', root, environment: { BOT_ID, TEAMS_APP_ID: APP_ID } });
    expect(zipPath).toBe(path.join(root, 'appPackage/build/appPackage.dev.zip'));
    const zip = new AdmZip(zipPath);
    expect(
      zip
        .getEntries()
        .map((entry) => entry.entryName)
        .sort(),
    ).toEqual(['color.png', 'de.json', 'fr.json', 'manifest.json', 'outline.png']);
    const packaged = JSON.parse(zip.readAsText('manifest.json')) as Manifest;
    expect(packaged).toEqual(manifest);
    expect(JSON.stringify(packaged)).not.toContain('${{');
    expect(packaged.id).toBe(APP_ID);
    expect(packaged.bots[0].botId).toBe(BOT_ID);
    expect(packaged.developer.name).toBe('Fabrikam Privacy');
    expect(packaged.name.short).toBe('Privacy Assistant (dev)');
    expect(packaged.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(Number(String(packaged.$schema).match(/v1\.(\d+)/)?.[1])).toBeGreaterThanOrEqual(22);
    const personal = packaged.bots[0].commandLists.find((list) => list.scopes.includes('personal'))!;
    expect(personal.commands.map((command) => command.title)).toEqual(
      expect.arrayContaining(['help', 'my requests', 'notice', 'delete my data', 'export my data']),
    );
    expect(pngInfo(zip.readFile('color.png')!)).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(zip.readFile('outline.png')!)).toEqual({ width: 32, height: 32, hasAlpha: true });
  });

  it("adds the privacy console as a personal tab signed in with Teams SSO for the bot's own app registration", async () => {
    const root = projectCopy();
    const { manifest } = await buildPackage({ env: 'dev', root, environment: { BOT_ID, TEAMS_APP_ID: APP_ID, BOT_DOMAIN: 'privacy.contoso.example' } });
    // Validated offline against the Teams schema by buildPackage, as every package is.
    expect(manifest.staticTabs).toEqual([
      { entityId: 'privacy-console', name: 'Console', contentUrl: 'https://privacy.contoso.example/console?theme={theme}', scopes: ['personal'] },
    ]);
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://privacy.contoso.example/${BOT_ID}` });
    expect(manifest.validDomains).toEqual(['privacy.contoso.example']);
  });

  it('stops with a clear message and writes no zip when BOT_ID is missing', async () => {
    const root = projectCopy();
    await expect(buildPackage({ env: 'dev', root, environment: { TEAMS_APP_ID: APP_ID } })).rejects.toThrow(/^BOT_ID is not set for env "dev"/);
    expect(existsSync(path.join(root, 'appPackage/build'))).toBe(false);
  });

  it('names every placeholder left without a value', () => {
    expect(() => fillPlaceholders('{"a":"${{ONE}}","b":"${{TWO}}","c":"${{BOT_ID}}"}', { BOT_ID: 'x' }, 'dev')).toThrow(
      new PackageError('manifest placeholders without a value for env "dev": ONE, TWO (set them in env/.env.dev or the environment)'),
    );
  });

  it('escapes values so a quote in a name cannot break the manifest', () => {
    expect(JSON.parse(fillPlaceholders('{"a":"${{NAME}}","b":"${{BOT_ID}}"}', { NAME: 'Say "hi"\\', BOT_ID: 'x' }, 'dev'))).toEqual({
      a: 'Say "hi"\\',
      b: 'x',
    });
  });

  it('rejects a manifest the Teams schema refuses, offline', async () => {
    const icons = { color: path.join(REPO_ROOT, 'appPackage/color.png'), outline: path.join(REPO_ROOT, 'appPackage/outline.png') };
    const template = readFileSync(path.join(REPO_ROOT, 'appPackage/manifest.json'), 'utf8');
    const values = {
      BOT_ID,
      TEAMS_APP_ID: APP_ID,
      APP_VERSION: '1.0.0',
      APP_NAME_SUFFIX: '',
      DEVELOPER_NAME: 'C',
      DEVELOPER_WEBSITE_URL: 'https://c.example',
      PRIVACY_URL: 'https://c.example/p',
      TERMS_OF_USE_URL: 'https://c.example/t',
      BOT_DOMAIN: 'c.example',
    };
    const good = JSON.parse(fillPlaceholders(template, values, 'dev')) as Manifest;
    expect(await manifestProblems(good, icons)).toEqual([]);
    expect((await manifestProblems({ ...good, id: 'not-a-guid' }, icons)).join('\n')).toMatch(/id/);
    const { developer: _developer, ...withoutDeveloper } = good;
    expect((await manifestProblems(withoutDeveloper, icons)).join('\n')).toMatch(/developer/);
    expect(await manifestProblems(good, { color: icons.outline, outline: icons.color })).toEqual(
      expect.arrayContaining(['color icon must be 192x192, is 32x32']),
    );
  });

  it('`npm run package` prints one line and exits 1 without BOT_ID', () => {
    const script = path.join(REPO_ROOT, 'dist/scripts/package.js');
    let output = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [script, '--env', 'dev'], { env: { PATH: process.env.PATH ?? '' }, stdio: 'pipe' });
    } catch (err) {
      const failure = err as { status: number; stderr: Buffer };
      status = failure.status;
      output = failure.stderr.toString();
    }
    expect(status).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^Cannot package: BOT_ID is not set/)]);
  });
});
