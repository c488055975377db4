import fs, { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../src/errors';
import { loadContent } from '../../src/faq/content-loader';

const tempDirs: string[] = [];

/** A content dir with the given files (relative path -> text). */
function contentDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faq-content-'));
  tempDirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function loadError(dir: string): AppError {
  try {
    loadContent(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected loadContent to throw');
}

describe('loadContent: splitting', () => {
  const dir = contentDir({
    'policy/02-rights.md':
      '# User Rights\n\n## Deletion\nYou can ask.\n\nSecond paragraph with a [link](https://example.com).\n\n## Data Portability\nExport it.\n',
    'policy/01-collection.md': '# Data Collection\n\n## Usage Data\nWe record usage.\n\n### Telemetry details\nDeeper heading, still an entry.\n',
    'faq.md': '# Frequently asked questions\n\n## Can I opt out?\nYes.\n',
    'simple.md': '# Our own policy\nOne-level policy text.\n\n# Contact\nWrite to the privacy team.\n',
  });
  const entries = loadContent(dir);

  it('makes one entry per ## (or deeper) heading, sorted by file path', () => {
    expect(entries.map((entry) => entry.id)).toEqual([
      'faq#can-i-opt-out',
      'policy/01-collection#usage-data',
      'policy/01-collection#telemetry-details',
      'policy/02-rights#deletion',
      'policy/02-rights#data-portability',
      'simple#our-own-policy',
      'simple#contact',
    ]);
  });

  it('keeps the body as Markdown, names the part, and points at the heading line', () => {
    const deletion = entries.find((entry) => entry.id === 'policy/02-rights#deletion');
    expect(deletion).toEqual({
      id: 'policy/02-rights#deletion',
      title: 'Deletion',
      body: 'You can ask.\n\nSecond paragraph with a [link](https://example.com).',
      alsoAsked: [],
      kind: 'policy',
      part: 'User Rights',
      source: { file: 'policy/02-rights.md', heading: 'Deletion', line: 3 },
    });
    expect(entries.find((entry) => entry.id === 'policy/01-collection#telemetry-details')?.part).toBe('Data Collection');
  });

  it('treats a # heading with its own text as an entry (a simple one-level policy)', () => {
    const simple = entries.filter((entry) => entry.source.file === 'simple.md');
    expect(simple.map((entry) => [entry.title, entry.part, entry.source.line])).toEqual([
      ['Our own policy', 'Our own policy', 1],
      ['Contact', 'Contact', 4],
    ]);
  });

  it('marks entries of a faq file as kind faq', () => {
    expect(entries.filter((entry) => entry.kind === 'faq').map((entry) => entry.title)).toEqual(['Can I opt out?']);
  });

  it('gives the same ids on every load, and only card-safe characters', () => {
    expect(loadContent(dir).map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
    for (const entry of entries) expect(entry.id).toMatch(/^[A-Za-z0-9_\-/#]+$/);
  });
});

describe('loadContent: what the format tolerates', () => {
  it('handles CRLF, a BOM, comments, and # lines inside code fences', () => {
    const dir = contentDir({
      'a.md': '\uFEFF<!-- editor note:\nnot content -->\r\n# Part\r\n\r\n## Entry\r\nText\r\n```\r\n# not a heading\r\n```\r\n',
    });
    const [entry, ...rest] = loadContent(dir);
    expect(rest).toHaveLength(0);
    expect(entry.title).toBe('Entry');
    expect(entry.source.line).toBe(5);
    expect(entry.body).toBe('Text\n```\n# not a heading\n```');
  });

  it('ignores hidden files and a README', () => {
    const dir = contentDir({ 'README.md': 'How to edit this folder', '.draft.md': 'junk', 'x.md': '## Only\nText' });
    expect(loadContent(dir).map((entry) => entry.id)).toEqual(['x#only']);
  });

  it('bounds the id of a very long heading at a word boundary', () => {
    const long = 'What happens to my data when I leave the organisation and my account is closed after the notice period ends';
    const [entry] = loadContent(contentDir({ 'faq.md': `## ${long}\nIt is kept for a while.` }));
    expect(entry.title).toBe(long);
    expect(entry.id.length).toBeLessThanOrEqual('faq#'.length + 80);
    expect(entry.id).toMatch(/^faq#what-happens-to-my-data-when-i-leave[a-z0-9-]*[a-z0-9]$/);
  });
});

describe('loadContent: Also asked lines', () => {
  const dir = contentDir({
    'policy/it.md':
      '# Workplace\n\n## Monitoring of IT systems\nAlso asked: is IT spying on my browsing; does my employer read my emails\nALSO ASKED:  who sees my web history ;\nWe log websites visited from company devices.\n',
  });
  const [entry] = loadContent(dir);

  it('keeps each phrasing, trimmed, from one or more lines directly under the heading', () => {
    expect(entry.alsoAsked).toEqual(['is IT spying on my browsing', 'does my employer read my emails', 'who sees my web history']);
  });

  it('leaves them out of the answer', () => {
    expect(entry.body).toBe('We log websites visited from company devices.');
  });

  it('stops start-up on an Also asked line with nothing after it', () => {
    const err = loadError(contentDir({ 'a.md': '# Part\n## Entry\nAlso asked:   \nText' }));
    expect(err.code).toBe('CONTENT_INVALID');
    expect(err.details).toEqual({ file: 'a.md', line: 3 });
    expect(err.message).toMatch(/a\.md:3: "Also asked:" has no question after it/);
  });

  it('stops start-up on an Also asked line below the answer, where it would read as part of it', () => {
    expect(loadError(contentDir({ 'a.md': '## Entry\nText\nAlso asked: more\n' })).details).toEqual({ file: 'a.md', line: 3 });
  });

  it('stops start-up on a heading that has only Also asked lines', () => {
    expect(loadError(contentDir({ 'a.md': '## Entry\nAlso asked: something\n## Next\nText' })).details).toEqual({ file: 'a.md', line: 1 });
  });

  it('leaves "Also asked:" inside a code fence alone', () => {
    const [fenced] = loadContent(contentDir({ 'a.md': '## Entry\nText\n```\nAlso asked: literal\n```\n' }));
    expect(fenced.alsoAsked).toEqual([]);
    expect(fenced.body).toContain('Also asked: literal');
  });
});

describe('loadContent: errors name the file and line', () => {
  it('rejects a file that is not UTF-8, naming the line of the first bad byte', () => {
    const dir = contentDir({ 'ok.md': '## Fine\nText' });
    // "Café" saved as Windows-1252 on line 3.
    writeFileSync(path.join(dir, 'latin.md'), Buffer.concat([Buffer.from('## Menu\nFirst line\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const err = loadError(dir);
    expect(err.details).toEqual({ file: 'latin.md', line: 3 });
    expect(err.message).toMatch(/latin\.md:3: not valid UTF-8/);
  });

  it('rejects text before the first heading', () => {
    const err = loadError(contentDir({ 'policy/a.md': '\nStray paragraph\n# Part\n## Entry\nText' }));
    expect(err.code).toBe('CONTENT_INVALID');
    expect(err.details).toEqual({ file: 'policy/a.md', line: 2 });
  });

  it('rejects a heading with no text under it', () => {
    const err = loadError(contentDir({ 'a.md': '# Part\n## Filled\nText\n## Empty\n\n## Next\nText' }));
    expect(err.details).toEqual({ file: 'a.md', line: 4 });
    expect(err.message).toContain('Empty');
  });

  it('rejects an empty heading at the end of a file', () => {
    expect(loadError(contentDir({ 'a.md': '## One\nText\n## Two\n' })).details).toEqual({ file: 'a.md', line: 3 });
  });

  it('rejects a heading without text', () => {
    expect(loadError(contentDir({ 'a.md': '## One\nText\n##\nMore' })).details).toEqual({ file: 'a.md', line: 3 });
  });

  it('rejects duplicate ids and says where the first one is', () => {
    const err = loadError(contentDir({ 'a.md': '# Part\n## Deletion\nOne\n## Deletion!\nTwo' }));
    expect(err.details).toEqual({ file: 'a.md', line: 4 });
    expect(err.message).toContain('a.md:2');
  });

  it('rejects a file it cannot read', () => {
    const dir = contentDir({ 'ok.md': '## Fine\nText' });
    // A dangling symlink: listed like a file, fails on read (permissions would not stop root).
    fs.symlinkSync(path.join(dir, 'missing-target'), path.join(dir, 'broken.md'));
    const err = loadError(dir);
    expect(err.details.file).toBe('broken.md');
  });

  it('rejects a dir with no content at all, and a missing dir', () => {
    expect(loadError(contentDir({})).code).toBe('CONTENT_INVALID');
    expect(loadError(contentDir({ 'empty.md': '' })).details).toEqual({ file: 'empty.md', line: 1 });
    expect(loadError(path.join(os.tmpdir(), 'no-such-content-dir-' + process.pid)).code).toBe('CONTENT_INVALID');
  });
});

describe('the shipped content', () => {
  const entries = loadContent(path.resolve(__dirname, '../../content'));
  const titles = entries.map((entry) => entry.title);

  it('has every sub-section of the seed policy under its exact heading and part', () => {
    const parts: Record<string, string[]> = {
      'Data Collection and Usage': ['Personal Information', 'Usage Data', 'Device Information', 'Communication Data'],
      'Data Protection and Security': ['Encryption', 'Access Controls', 'Security Protocols', 'Data Retention'],
      'User Rights and Control': ['Access and Rectification', 'Data Portability', 'Deletion', 'Consent and Opt-Out'],
      'Third-Party Services and Integration': ['App Permissions', 'Data Sharing', 'Partner Ecosystem'],
    };
    for (const [part, headings] of Object.entries(parts)) {
      for (const heading of headings) {
        const entry = entries.find((candidate) => candidate.title === heading);
        expect(entry?.part).toBe(part);
        expect(entry?.kind).toBe('policy');
      }
    }
  });

  it('has the seed FAQ questions word for word', () => {
    const faq = entries.filter((entry) => entry.kind === 'faq').map((entry) => entry.title);
    expect(faq).toEqual([
      'Can I opt out of data collection for personalized advertising in Office 365?',
      'How does Office 365 handle data retention for inactive user accounts?',
      'Can I request a copy of my personal data stored by Office 365?',
      'What security measures does Office 365 have in place to protect against data breaches?',
      'Can I integrate Office 365 with other third-party services for enhanced functionality?',
    ]);
  });

  it('keeps the seed facts', () => {
    const text = (title: string) => entries.find((entry) => entry.title === title)?.body ?? '';
    expect(text('Security Protocols')).toMatch(/ISO 27001/);
    expect(text('Security Protocols')).toMatch(/SOC 2/);
    expect(text('Security Protocols')).toMatch(/penetration test/);
    expect(text('Personal Information')).toMatch(/name.*email address.*phone number.*billing/s);
    expect(text('Device Information')).toMatch(/IP address/);
    expect(text('Device Information')).toMatch(/browser.*operating system/s);
    expect(text('Data Portability')).toMatch(/emails, contacts and documents/);
    expect(text('Deletion')).toMatch(/legal or security/);
    expect(titles).toContain('What this policy covers');
  });

  it('keeps entries short enough for a card', () => {
    for (const entry of entries) expect(entry.body.length).toBeLessThan(600);
  });
});
