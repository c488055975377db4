import path from 'node:path';
import { loadContent } from '../../src/faq/content-loader';
import { createFaqService, type ExplainingFaqService } from '../../src/faq/faq-service';
import { writtenNotice } from './written-notice';

const FAQ_ADS = 'Can I opt out of data collection for personalized advertising in Office 365?';
const FAQ_INACTIVE = 'How does Office 365 handle data retention for inactive user accounts?';
const FAQ_COPY = 'Can I request a copy of my personal data stored by Office 365?';
const FAQ_SECURITY = 'What security measures does Office 365 have in place to protect against data breaches?';
const FAQ_INTEGRATE = 'Can I integrate Office 365 with other third-party services for enhanced functionality?';

const entries = loadContent(path.resolve(__dirname, '../../content'));
let faq: ExplainingFaqService;
beforeAll(() => {
  faq = createFaqService(entries);
});

const titleOf = (question: string) => faq.answer(question).entry?.title;
/** What the user sees first: the answer, or the first "Did you mean…" candidate when the bot asks. */
const firstShown = (question: string) => {
  const answer = faq.answer(question);
  return answer.entry?.title ?? answer.candidates[0]?.title;
};

describe('ranking: paraphrases find the section that answers them', () => {
  // Our own phrasings of what employees ask, one or more per section; none is a dev-set line.
  const cases: [string, string[]][] = [
    ['which of my details do you take when I register', ['Personal Information']],
    ['does Office 365 watch which features I use all day', ['Usage Data']],
    ['what do you learn from my laptop and browser', ['Device Information']],
    ['are the messages in my inbox kept by you', ['Communication Data', 'Data Retention']],
    ['is stuff scrambled while it travels over the network', ['Encryption', FAQ_SECURITY]],
    ['can Microsoft engineers read my files', ['Access Controls']],
    ['are you SOC 2 audited', ['Security Protocols']],
    ['for how long is my stuff retained', ['Data Retention', FAQ_INACTIVE]],
    ['right to be forgotten', ['Deletion']],
    ['can I withdraw consent to processing', ['Consent and Opt-Out']],
    ['how do I turn off targeted adverts', [FAQ_ADS, 'Consent and Opt-Out']],
    ['what can an add-in do once I grant it permissions', ['App Permissions', FAQ_INTEGRATE]],
    ['do you sell my information to vendors', ['Data Sharing']],
    ['what about apps from Microsoft partners', ['Partner Ecosystem', 'App Permissions']],
    ['how do I get hold of everything you hold about me', [FAQ_COPY, 'Access and Rectification', 'Data Portability']],
    ['how do you keep hackers out', [FAQ_SECURITY, 'Security Protocols', 'Access Controls']],
  ];
  it.each(cases)('%s', (question, expected) => {
    expect(expected).toContain(firstShown(question));
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
    const answer = faq.answer('do you colect my phone number');
    expect([answer.entry, ...answer.candidates].map((entry) => entry?.title)).toContain('Personal Information');
  });

  it('finds an entry by one of its Also asked phrasings word for word', () => {
    const entry = entries.find((candidate) => candidate.alsoAsked.length > 0)!;
    expect(faq.answer(entry.alsoAsked[0]).entry?.id).toBe(entry.id);
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
    'fix the printer on floor 3',
    'book a meeting room for 3pm',
    'who is the CEO of Microsoft',
  ];
  it.each(offTopic)('declines "%s"', (question) => {
    const answer = faq.answer(question);
    expect(answer.entry).toBeUndefined();
    expect(answer.related).toEqual([]);
  });

  // A name such as "data protection officer" is one thing: this content names no such officer, and its
  // sections on protection and on Office 365 ("officer" and "office" share a stem) are not about one.
  it('declines a question about a role the content never names, and answers it where the content does', () => {
    const question = 'who is the data protection officer?';
    const answer = faq.answer(question);
    expect(answer.entry).toBeUndefined();
    expect(answer.candidates).toEqual([]);
    const employee = createFaqService(loadContent(path.join(__dirname, 'fixtures/employee-notice/content')));
    expect(employee.answer(question).entry?.title).toBe('Data protection team and complaints');
  });

  // An organisation that need not appoint an officer names a lead or a manager instead: that is whom
  // an asker of the officer means. Where the content names an officer too, the others are other people.
  it("answers about the officer with the content's own name for the role, and only where it names no officer", () => {
    const lead: Array<[string, string]> = [
      ['Who we are and our Data Protection Lead', 'Our Data Protection Lead oversees how we use personal information. Email privacy@harbour.example.'],
      ['Marketing emails', 'We email offers only if you agree, and every email has a link to unsubscribe.'],
      ['Changes to this notice', 'We tell you by email before any change to how we use your information.'],
    ];
    const withLead = createFaqService(writtenNotice(lead));
    for (const question of ['who is the data protection officer?', 'data protection officer email?', 'dpo email', 'privacy officer contact'])
      expect(withLead.answer(question).entry?.title).toBe('Who we are and our Data Protection Lead');
    const both = createFaqService(
      writtenNotice([
        ['Our Data Protection Officer', 'Our Data Protection Officer advises the board and answers for our compliance.'],
        ['Our privacy manager', 'Our privacy manager handles requests day to day and answers questions about them.'],
      ]),
    );
    expect(both.answer('who is the data protection officer').entry?.title).toBe('Our Data Protection Officer');
    expect(both.answer('who is the privacy manager').entry?.title).toBe('Our privacy manager');
  });

  // Its contact details are not those of Data Portability ("export your contacts"): the asker picks.
  it('never answers about a named role the content lacks from what the content says of other words', () => {
    const answer = faq.answer('data protection officer contact details');
    expect(answer.entry).toBeUndefined();
    expect(answer.candidates.length).toBeGreaterThan(0);
    expect(faq.answer('contact details').entry).toBeDefined();
  });
});

describe('recent questions', () => {
  it('answers a question asked again from memory, the same as searching anew, and forgets the least recent past a thousand', () => {
    const first = faq.answer('How long do you keep my emails?');
    expect(faq.answer('how long do you keep my emails')).toBe(first);
    expect(first).toEqual(faq.search('How long do you keep my emails?'));
    // Shared between askers, so nobody may change it.
    expect(() => (first.related as unknown[]).push('x')).toThrow();
    for (let i = 0; i < 1_000; i++) faq.answer(`question number ${i}`);
    const again = faq.answer('How long do you keep my emails?');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
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

  it('answers, asks "Did you mean…" or declines: never two of them at once', () => {
    for (const question of ['how long do you retain data', 'write me a poem', 'delete my data', 'privacy', 'what about my files']) {
      const answer = faq.answer(question);
      if (answer.entry) expect(answer.candidates).toEqual([]);
      else expect(answer.related).toEqual([]);
      expect(answer.candidates.length).toBeLessThanOrEqual(3);
    }
  });

  it('uses the levels of a calibration.json when the organisation set them', () => {
    const strict = createFaqService(entries, { thresholds: { minCoverage: 1, answerCoverage: 1, answerLead: 1, minCoverageWithoutPrivacy: 1 } });
    expect(strict.thresholds).toEqual({ minCoverage: 1, answerCoverage: 1, answerLead: 1, minCoverageWithoutPrivacy: 1 });
    expect(strict.answer('how long is my stuff kept and who can read it').entry).toBeUndefined();
    expect(faq.thresholds.minCoverage).toBeGreaterThan(0);
    expect(faq.thresholds.answerCoverage).toBeGreaterThanOrEqual(faq.thresholds.minCoverage);
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
