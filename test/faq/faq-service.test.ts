import path from 'node:path';
import lunr from 'lunr';
import { loadContent } from '../../src/faq/content-loader';
import { createFaqService } from '../../src/faq/faq-service';
import type { FaqService } from '../../src/faq/types';

const FAQ_ADS = 'Can I opt out of data collection for personalized advertising in Office 365?';
const FAQ_INACTIVE = 'How does Office 365 handle data retention for inactive user accounts?';
const FAQ_COPY = 'Can I request a copy of my personal data stored by Office 365?';
const FAQ_SECURITY = 'What security measures does Office 365 have in place to protect against data breaches?';
const FAQ_INTEGRATE = 'Can I integrate Office 365 with other third-party services for enhanced functionality?';

const entries = loadContent(path.resolve(__dirname, '../../content'));
let faq: FaqService;
beforeAll(() => {
  faq = createFaqService(entries);
});

const titleOf = (question: string) => faq.answer(question).entry?.title;

describe('ranking: paraphrases find the section that answers them', () => {
  // Our own phrasings of what employees ask, one or more per section; none is a dev-set line.
  const cases: [string, string[]][] = [
    ['am I able to get my emails out to gmail', ['Data Portability']],
    ['which of my details do you take when I register', ['Personal Information']],
    ['does Office 365 watch which features I use all day', ['Usage Data']],
    ['what do you learn from my laptop and browser', ['Device Information']],
    ['are the messages in my inbox kept by you', ['Communication Data', 'Data Retention']],
    ['is stuff scrambled while it travels over the network', ['Encryption', FAQ_SECURITY]],
    ['can Microsoft engineers read my files', ['Access Controls']],
    ['are you SOC 2 audited', ['Security Protocols']],
    ['for how long is my stuff retained', ['Data Retention', FAQ_INACTIVE]],
    ['my surname is spelt wrong on my profile', ['Access and Rectification']],
    ['right to be forgotten', ['Deletion']],
    ['can I withdraw consent to processing', ['Consent and Opt-Out']],
    ['how do I turn off targeted adverts', [FAQ_ADS, 'Consent and Opt-Out']],
    ['what can an add-in do once I grant it permissions', ['App Permissions', FAQ_INTEGRATE]],
    ['do you sell my information to vendors', ['Data Sharing']],
    ['what about apps from Microsoft partners', ['Partner Ecosystem', 'App Permissions']],
    ['what happens to my mailbox after I leave the company', [FAQ_INACTIVE, 'Data Retention']],
    ['how do I get hold of everything you hold about me', [FAQ_COPY, 'Access and Rectification', 'Data Portability']],
    ['how do you keep hackers out', [FAQ_SECURITY, 'Security Protocols', 'Access Controls']],
    ['can I hook up Trello to Office 365', [FAQ_INTEGRATE, 'App Permissions']],
  ];
  it.each(cases)('%s', (question, expected) => {
    expect(expected).toContain(titleOf(question));
  });

  it('finds every entry by its own title', () => {
    for (const entry of entries) expect(faq.answer(entry.title).entry?.id).toBe(entry.id);
  });

  it('answers British and US spellings alike', () => {
    expect(titleOf('stop personalised advertising')).toBe(titleOf('stop personalized advertising'));
    expect(titleOf('can my organisation set the retention period')).toBe(titleOf('can my organization set the retention period'));
  });

  it('tolerates one typo in longer words', () => {
    expect(titleOf('encyrption')).toBe('Encryption');
    expect(titleOf('data portabilty')).toBe('Data Portability');
    expect(['Data Retention', FAQ_INACTIVE]).toContain(titleOf('retension policy'));
    expect(titleOf('do you colect my phone number')).toBe('Personal Information');
  });

  it('is not fooled by case, punctuation or emoji', () => {
    expect(titleOf('  IS MY DATA ENCRYPTED???  🔒')).toBe('Encryption');
  });
});

describe('abstention: nothing unrelated is ever offered', () => {
  const offTopic = [
    'what time is it in Tokyo',
    'write me a poem',
    'best laptop for gaming',
    'how do I install Python',
    'what is the wifi password',
    'how do I mute myself in a Teams call',
    'fix the printer on floor 3',
    'book a meeting room for 3pm',
    'who is the CEO of Microsoft',
    'privacy',
  ];
  it.each(offTopic)('declines "%s"', (question) => {
    const answer = faq.answer(question);
    expect(answer.entry).toBeUndefined();
    expect(answer.related).toEqual([]);
  });
});

describe('answers', () => {
  it('offers up to three related entries, never the answer itself', () => {
    for (const question of ['delete my data', 'encryption', 'third party apps', 'how long do you keep emails', ...entries.map((e) => e.title)]) {
      const answer = faq.answer(question);
      expect(answer.entry).toBeDefined();
      expect(answer.related.length).toBeGreaterThan(0);
      expect(answer.related.length).toBeLessThanOrEqual(3);
      expect(answer.related.map((entry) => entry.id)).not.toContain(answer.entry?.id);
      expect(new Set(answer.related.map((entry) => entry.id)).size).toBe(answer.related.length);
    }
  });

  it('reports a confidence between 0 and 1, higher for a clear question than a vague one', () => {
    const clear = faq.answer('is my data encrypted in transit and at rest');
    const vague = faq.answer('what about my files');
    for (const answer of [clear, vague]) {
      expect(answer.confidence).toBeGreaterThanOrEqual(0);
      expect(answer.confidence).toBeLessThanOrEqual(1);
    }
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
  });

  it('looks entries up by id', () => {
    expect(faq.getEntry('policy/03-user-rights-and-control#deletion')?.title).toBe('Deletion');
    expect(faq.getEntry('nope')).toBeUndefined();
    expect(faq.entries).toHaveLength(entries.length);
  });

  it('builds the index once, not per question', () => {
    const build = jest.spyOn(lunr.Builder.prototype, 'build');
    try {
      const service = createFaqService(entries);
      for (const question of ['encryption', 'delete my data', 'hello', 'title:x']) service.answer(question);
      expect(build).toHaveBeenCalledTimes(1);
    } finally {
      build.mockRestore();
    }
  });
});

describe('hostile input never throws', () => {
  const hostile: unknown[] = [
    '',
    '   ',
    'title:x',
    'body:delete',
    '~2',
    'encryption~2',
    '+-*^:',
    '*',
    'delete^10 data*',
    '"unterminated',
    '🔥💀🙈',
    '<script>alert(1)</script> delete my data',
    'delete\u0000my\u0000data',
    'a'.repeat(10_000),
    'delete my data '.repeat(800),
    'é'.repeat(5000),
    '\uD800',
    null,
    undefined,
    42,
  ];
  it.each(hostile.map((value) => [String(value).slice(0, 40), value]))('%s', (_label, value) => {
    const answer = faq.answer(value as string);
    expect(Array.isArray(answer.related)).toBe(true);
    expect(Number.isFinite(answer.confidence)).toBe(true);
  });

  it('still answers what a hostile-looking question asks', () => {
    expect(titleOf('<b>delete</b> my data')).toBe('Deletion');
    expect(titleOf('title:encryption')).toBe('Encryption');
  });

  it('caps the work on very long input', () => {
    const start = Date.now();
    for (let i = 0; i < 20; i++) faq.answer(`${'privacy data '.repeat(1000)} ${i}`);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
