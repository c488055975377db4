/**
 * `npm run package [-- --env dev]`: the Teams app package. Fills the manifest's `${{NAME}}`
 * placeholders from env/.env.<env>, env/.env.<env>.user and the environment (which wins), adds one
 * command per request kind, checks the result offline against the Teams schema bundled in
 * @microsoft/app-manifest and the icon rules, and writes appPackage/build/appPackage.<env>.zip.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { parse } from 'dotenv';
import { commandOf, REQUEST_KINDS } from '../src/requests/kinds';
import { LANGUAGES, stringsOf, DEFAULT_LANGUAGE } from '../src/strings';
import { pngInfo } from './png';

export class PackageError extends Error {}

export interface PackageResult {
  readonly zipPath: string;
  readonly manifest: Record<string, unknown>;
}

export interface PackageOptions {
  readonly env: string;
  /** The project root: appPackage/ and env/ are under it. */
  readonly root: string;
  readonly environment?: NodeJS.ProcessEnv;
}

const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

export function environmentFor({ env, root, environment = process.env }: PackageOptions): Record<string, string> {
  const fromFile = (name: string) => {
    const file = path.join(root, 'env', name);
    return existsSync(file) ? parse(readFileSync(file)) : {};
  };
  const defined = Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return { ...fromFile(`.env.${env}`), ...fromFile(`.env.${env}.user`), ...defined };
}

/** Replaces every placeholder; names that have no value are reported together. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>, env: string): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    // APP_NAME_SUFFIX is legitimately empty in production; everything else must be set.
    if (value === undefined || (value === '' && name !== 'APP_NAME_SUFFIX')) {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.has('BOT_ID')) {
    throw new PackageError(
      `BOT_ID is not set for env "${env}": register the bot in Entra (or Teams Toolkit's provision step) and put its id in env/.env.${env} or the environment`,
    );
  }
  if (missing.size > 0)
    throw new PackageError(
      `manifest placeholders without a value for env "${env}": ${[...missing].join(', ')} (set them in env/.env.${env} or the environment)`,
    );
  return filled;
}

interface CommandList {
  readonly scopes: readonly string[];
  readonly commands: ReadonlyArray<{ readonly title: string; readonly description: string }>;
}

/**
 * The personal command list gets one command per request kind (src/requests/kinds.ts), after
 * `my requests`: a new kind of request appears in Teams' command menu without touching the manifest.
 */
export function withRequestCommands(manifest: Record<string, unknown>): Record<string, unknown> {
  const bots = manifest.bots as Array<{ commandLists?: CommandList[] }> | undefined;
  const kindCommands = REQUEST_KINDS.map((kind) => ({ ...commandOf(kind) }));
  return {
    ...manifest,
    bots: bots?.map((bot) => ({
      ...bot,
      commandLists: bot.commandLists?.map((list) => {
        if (!list.scopes.includes('personal')) return list;
        const others = list.commands.filter((command) => !kindCommands.some((kind) => kind.title === command.title));
        const after = others.findIndex((command) => command.title === 'my requests') + 1;
        return { ...list, commands: [...others.slice(0, after), ...kindCommands, ...others.slice(after)] };
      }),
    })),
  };
}

/**
 * Teams' localization files: for each language the bot speaks beside English, the app's name and
 * description and every command's title and description in that language (src/strings/<lang>/),
 * which Teams shows people whose client is set to it. Keyed by the built manifest's own paths.
 */
export function localizationFiles(manifest: Record<string, unknown>): Record<string, Record<string, string>> {
  const english = stringsOf(DEFAULT_LANGUAGE);
  const name = manifest.name as { short: string };
  // The environment's suffix ("(dev)") stays on every language's short name.
  const suffix = name.short.startsWith(english.common.botName) ? name.short.slice(english.common.botName.length) : '';
  const files: Record<string, Record<string, string>> = {};
  for (const language of LANGUAGES) {
    if (language === DEFAULT_LANGUAGE) continue;
    const words = stringsOf(language);
    const translated = new Map<string, { title: string; description: string }>();
    for (const key of Object.keys(english.commands) as Array<keyof typeof english.commands>) translated.set(english.commands[key].title, words.commands[key]);
    for (const kind of REQUEST_KINDS) translated.set(english.kinds[kind].command.title, words.kinds[kind].command);
    const file: Record<string, string> = {
      $schema: String(manifest.$schema).replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'),
      'name.short': `${words.common.botName}${suffix}`,
      'name.full': words.app.nameFull,
      'description.short': words.app.descriptionShort,
      'description.full': words.app.descriptionFull,
    };
    const bots = (manifest.bots as Array<{ commandLists?: CommandList[] }> | undefined) ?? [];
    bots.forEach((bot, b) =>
      bot.commandLists?.forEach((list, l) =>
        list.commands.forEach((command, c) => {
          const words = translated.get(command.title);
          if (!words) throw new PackageError(`the command "${command.title}" has no words in src/strings/${language}/commands.ts`);
          file[`bots[${b}].commandLists[${l}].commands[${c}].title`] = words.title;
          file[`bots[${b}].commandLists[${l}].commands[${c}].description`] = words.description;
        }),
      ),
    );
    files[`${language}.json`] = file;
  }
  return files;
}

/** The manifest naming its localization files. */
export function withLocalization(manifest: Record<string, unknown>, files: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    ...manifest,
    localizationInfo: {
      defaultLanguageTag: DEFAULT_LANGUAGE,
      additionalLanguages: Object.keys(files).map((file) => ({ languageTag: file.replace(/\.json$/, ''), file })),
    },
  };
}

export async function manifestProblems(manifest: Record<string, unknown>, icons: { color: Buffer; outline: Buffer }): Promise<string[]> {
  // Loaded here, not at the top: its dependencies are ESM that jest's module loader cannot require,
  // so tests reach this function through the built script in a child process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AppManifestUtils } = require('@microsoft/app-manifest') as typeof import('@microsoft/app-manifest');
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as never);
  const color = pngInfo(icons.color);
  const outline = pngInfo(icons.outline);
  if (color.width !== 192 || color.height !== 192) problems.push(`color icon must be 192x192, is ${color.width}x${color.height}`);
  if (outline.width !== 32 || outline.height !== 32) problems.push(`outline icon must be 32x32, is ${outline.width}x${outline.height}`);
  if (!outline.hasAlpha) problems.push('outline icon must have a transparent background');
  return problems;
}

export async function buildPackage(options: PackageOptions): Promise<PackageResult> {
  const dir = path.join(options.root, 'appPackage');
  const template = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
  const withCommands = withRequestCommands(JSON.parse(fillPlaceholders(template, environmentFor(options), options.env)) as Record<string, unknown>);
  const localizations = localizationFiles(withCommands);
  const manifest = withLocalization(withCommands, localizations);
  const icons = { color: readFileSync(path.join(dir, 'color.png')), outline: readFileSync(path.join(dir, 'outline.png')) };
  const problems = await manifestProblems(manifest, icons);
  if (problems.length > 0) throw new PackageError(`the manifest is not valid:\n  ${problems.join('\n  ')}`);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  for (const [file, words] of Object.entries(localizations)) zip.addFile(file, Buffer.from(JSON.stringify(words, null, 2)));
  zip.addFile('color.png', icons.color);
  zip.addFile('outline.png', icons.outline);
  mkdirSync(path.join(dir, 'build'), { recursive: true });
  const zipPath = path.join(dir, 'build', `appPackage.${options.env}.zip`);
  zip.writeZip(zipPath);
  return { zipPath, manifest };
}

function envArgument(argv: readonly string[]): string {
  const index = argv.indexOf('--env');
  return (index >= 0 ? argv[index + 1] : undefined) ?? process.env.TEAMSFX_ENV ?? 'dev';
}

if (require.main === module) {
  const env = envArgument(process.argv.slice(2));
  buildPackage({ env, root: path.resolve(__dirname, '../..') })
    .then(({ zipPath }) => console.log(`Teams app package written: ${path.relative(process.cwd(), zipPath)}`))
    .catch((err: unknown) => {
      console.error(err instanceof PackageError ? `Cannot package: ${err.message}` : err);
      process.exit(1);
    });
}
