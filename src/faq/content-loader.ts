/**
 * Loads the policy and FAQ content that the privacy team edits: every `*.md` under the content dir.
 * Each `##` (or deeper) heading with the text under it is one entry; a `#` heading names the part.
 * A `#` heading that has text of its own is an entry too, so a simple one-level policy still works.
 * Any mistake stops start-up with the file and line, because a silently skipped section is a wrong
 * answer later.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { splitSections, type Section } from './markdown-sections';
import type { FaqEntry } from './types';

/** Not content: hidden files (editor swap files, .git) and a README that explains the folder. */
function isContentFile(name: string): boolean {
  return !name.startsWith('.') && /\.md$/i.test(name) && name.toLowerCase() !== 'readme.md';
}

function fail(message: string, file: string, line?: number, cause?: unknown): never {
  throw new AppError('CONTENT_INVALID', line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`, { file, line }, { cause });
}

function listMarkdown(dir: string, relDir: string): string[] {
  let names: fs.Dirent[];
  try {
    names = fs.readdirSync(path.join(dir, relDir), { withFileTypes: true });
  } catch (err) {
    fail('cannot read the content directory', relDir || dir, undefined, err);
  }
  const files: string[] = [];
  for (const dirent of names) {
    const rel = relDir ? `${relDir}/${dirent.name}` : dirent.name;
    if (dirent.name.startsWith('.')) continue;
    // A top-level folder named by a language tag holds that language's content (see languages/multilingual-faq.ts).
    if (dirent.isDirectory() && relDir === '' && isLanguageTag(dirent.name)) continue;
    if (dirent.isDirectory()) files.push(...listMarkdown(dir, rel));
    else if (isContentFile(dirent.name)) files.push(rel);
  }
  return files;
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Whether a folder name is a language tag ("de", "fr", "pt-BR"), not a topic ("policy", "faq"). */
export function isLanguageTag(name: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(name);
    return canonical !== undefined && LANGUAGE_NAMES.of(canonical) !== undefined;
  } catch {
    return false;
  }
}

/** Long FAQ questions make long ids; card data and logs stay readable with a bounded slug. */
const MAX_HEADING_SLUG = 80;

/** Lower-case ASCII letters, digits, `_` and `-`: safe in ids, card data and URLs. */
export function slugify(text: string, maxLength = Infinity): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so the id still reads as the heading's start.
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

function fileKind(relFile: string): FaqEntry['kind'] {
  const segments = relFile.replace(/\.md$/i, '').toLowerCase().split('/');
  return segments.some((segment) => /(^|[-_ ])faqs?([-_ ]|$)/.test(segment)) ? 'faq' : 'policy';
}

/** "03-user-rights.md" -> "User rights": the part name of a file that has no `#` heading. */
function partFromFileName(relFile: string): string {
  const base = path.posix
    .basename(relFile)
    .replace(/\.md$/i, '')
    .replace(/^\d+[-_ ]*/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return base ? base[0].toUpperCase() + base.slice(1) : relFile;
}

function entriesOfFile(relFile: string, text: string): FaqEntry[] {
  const { sections, problems } = splitSections(text);
  if (problems.length > 0) fail(problems[0].message, relFile, problems[0].line);
  if (sections.length === 0) fail('no headings: nothing to answer with', relFile, 1);

  const fileSlug = relFile
    .replace(/\.md$/i, '')
    .split('/')
    .map((segment) => slugify(segment))
    .join('/');
  if (fileSlug.split('/').some((segment) => segment === '')) fail('file name gives an empty id', relFile);

  const entries: FaqEntry[] = [];
  let part = partFromFileName(relFile);
  sections.forEach((section: Section, index) => {
    if (section.level === 1) part = section.title;
    if (section.body === '') {
      // An empty heading is fine only as the parent of deeper headings (a part title, a group).
      const next = sections[index + 1];
      if (next && next.level > section.level && section.alsoAsked.length === 0) return;
      fail(`heading "${section.title}" has no text under it`, relFile, section.line);
    }
    const headingSlug = slugify(section.title, MAX_HEADING_SLUG);
    if (headingSlug === '') fail(`heading "${section.title}" gives an empty id`, relFile, section.line);
    entries.push({
      id: `${fileSlug}#${headingSlug}`,
      title: section.title,
      body: section.body,
      alsoAsked: section.alsoAsked,
      kind: fileKind(relFile),
      part,
      source: { file: relFile, heading: section.title, line: section.line },
    });
  });
  return entries;
}

/**
 * The file's text, or a stop naming the line of the first byte that is not UTF-8: a file saved as
 * Windows-1252 or Latin-1 would otherwise show "�" in answers and never match the words it spells.
 */
function decodeUtf8(bytes: Buffer, relFile: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, bad).toString('latin1').split('\n').length;
    fail(`not valid UTF-8 (byte ${bad}): save the file as UTF-8`, relFile, line);
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong three-byte forms, UTF-16 surrogates, and code points past U+10FFFF.
    const second = bytes[i + 1];
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return i;
}

export function loadContent(dir: string): FaqEntry[] {
  // Plain code-unit order, not locale order: the same ids and order on every machine.
  const files = listMarkdown(dir, '').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries: FaqEntry[] = [];
  const seen = new Map<string, FaqEntry>();
  for (const relFile of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(dir, relFile));
    } catch (err) {
      fail('cannot read file', relFile, undefined, err);
    }
    const text = decodeUtf8(bytes, relFile);
    for (const entry of entriesOfFile(relFile, text)) {
      const first = seen.get(entry.id);
      if (first) {
        fail(`duplicate id "${entry.id}" (first at ${first.source.file}:${first.source.line})`, relFile, entry.source.line);
      }
      seen.set(entry.id, entry);
      entries.push(entry);
    }
  }
  if (entries.length === 0) fail('no content: add at least one .md file with a heading and text', dir);
  return entries;
}
