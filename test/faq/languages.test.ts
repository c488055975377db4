/**
 * Content in other languages: the folders by language tag, the search of each language (German
 * umlaut spellings and compounds), and which content answers whom.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isLanguageTag, loadContent } from '../../src/faq/content-loader';
import { LanguageAnalyzer, STEMMED_LANGUAGES } from '../../src/faq/languages/analysis';
import { createLocalizedFaqService, DEFAULT_LANGUAGE_THRESHOLDS, type LocalizedFaqService } from '../../src/faq/languages/localized-faq';
import { everydayWords } from '../../src/faq/languages/everyday-words';
import { loadMultilingualFaq } from '../../src/faq/languages/multilingual-faq';
import type { FaqEntry } from '../../src/faq/types';
import { inLanguage } from '../../src/strings';
import { loadConfig } from '../../src/config';

const entry = (id: string, title: string, body: string, alsoAsked: string[] = []): FaqEntry => ({
  id,
  title,
  body,
  alsoAsked,
  kind: 'policy',
  part: 'Teil',
  source: { file: 'x.md', heading: title, line: 1 },
});

describe('language folders', () => {
  it.each([
    ['de', true],
    ['fr', true],
    ['pt-BR', true],
    ['policy', false],
    ['faq', false],
    ['zz', false],
    ['notes', false],
  ])('%s is a language tag: %s', (name, expected) => {
    expect(isLanguageTag(name)).toBe(expected);
  });

  it('keeps each language folder out of the default content, and its ids apart', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'content-langs-'));
    try {
      mkdirSync(path.join(dir, 'policy'));
      mkdirSync(path.join(dir, 'de'));
      writeFileSync(path.join(dir, 'policy/retention.md'), '# Retention\n\n## How long we keep data\nSix years after you leave.\n');
      writeFileSync(path.join(dir, 'de/aufbewahrung.md'), '# Aufbewahrung\n\n## Wie lange wir Daten aufbewahren\nSechs Jahre nach Ihrem Ausscheiden.\n');
      expect(loadContent(dir).map((e) => e.id)).toEqual(['policy/retention#how-long-we-keep-data']);
      const faq = loadMultilingualFaq(dir, 'en');
      expect(faq.languages).toEqual(['en', 'de']);
      const german = faq.answerIn('de', 'Wie lange bewahren Sie meine Daten auf?');
      expect(german.entry?.id).toBe('de/aufbewahrung#wie-lange-wir-daten-aufbewahren');
      expect(german.entry?.source.file).toBe('de/aufbewahrung.md');
      expect(german.contentLanguage).toBeUndefined();
      expect(faq.getEntry('de/aufbewahrung#wie-lange-wir-daten-aufbewahren')?.title).toBe('Wie lange wir Daten aufbewahren');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('which content answers whom', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'content-who-'));
    mkdirSync(path.join(dir, 'de'));
    writeFileSync(
      path.join(dir, 'policy.md'),
      '# Policy\n\n## Data retention\nWe keep your data for six years.\n\n## Canteen loyalty card\nThe canteen loyalty card records what you buy.\n',
    );
    writeFileSync(path.join(dir, 'de/richtlinie.md'), '# Richtlinie\n\n## Aufbewahrung\nWir bewahren Ihre Daten sechs Jahre auf.\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a German speaker never gets an English entry while German content exists, even for a topic only English covers', () => {
    const faq = loadMultilingualFaq(dir, 'en');
    const answer = inLanguage('de', () => faq.answer('canteen loyalty card'));
    expect(answer.entry).toBeUndefined();
    expect(answer.candidates.every((candidate) => candidate.id.startsWith('de/'))).toBe(true);
    expect(inLanguage('de', () => faq.answer('Wie lange werden meine Daten aufbewahrt?')).entry?.title).toBe('Aufbewahrung');
  });

  it('a French speaker, with no French content, gets the default content, marked with its language', () => {
    const faq = loadMultilingualFaq(dir, 'en');
    const answer = inLanguage('fr', () => faq.answer('canteen loyalty card'));
    expect(answer.entry?.title).toBe('Canteen loyalty card');
    expect(answer.contentLanguage).toBe('en');
    expect(inLanguage('en', () => faq.answer('canteen loyalty card')).contentLanguage).toBeUndefined();
  });

  it('with CONTENT_LANGUAGE de, the files in the content dir are German and searched as German', () => {
    const german = mkdtempSync(path.join(os.tmpdir(), 'content-de-'));
    try {
      writeFileSync(path.join(german, 'richtlinie.md'), '# Richtlinie\n\n## Stromzähler\nDer Monteur liest den Stromzähler einmal im Jahr ab.\n');
      const faq = loadMultilingualFaq(german, 'de');
      expect(faq.answerIn('de', 'Wann wird der Zaehler abgelesen?').entry?.title).toBe('Stromzähler');
      expect(faq.answerIn('en', 'Wann wird der Zähler abgelesen?')).toMatchObject({ contentLanguage: 'de' });
    } finally {
      rmSync(german, { recursive: true, force: true });
    }
  });
});

describe('the German search', () => {
  const analyzer = new LanguageAnalyzer('de');
  analyzer.learn(['Der Stromzähler wird abgelesen. Die Löschung der Daten erfolgt nach einem Jahr. Der Strom kommt aus Wasserkraft.']);

  it('reads "ae", "oe", "ue" as the umlaut, and ß as ss', () => {
    expect(analyzer.terms('Zaehler')).toEqual(analyzer.terms('Zähler'));
    expect(analyzer.terms('Loeschung')).toEqual(analyzer.terms('Löschung'));
    expect(analyzer.terms('Grüße')).toEqual(analyzer.terms('Gruesse'));
  });

  it('finds a compound by its parts, and the parts by the compound', () => {
    expect(analyzer.terms('Stromzähler')).toEqual(expect.arrayContaining(analyzer.terms('Zähler')));
    const known = new Set(analyzer.terms('Der Stromzähler wird abgelesen. Die Löschung der Daten erfolgt nach einem Jahr.'));
    expect(analyzer.queryTerms('Datenlöschung', (term) => known.has(term))).toEqual(
      expect.arrayContaining([...analyzer.terms('Daten'), ...analyzer.terms('Löschung')]),
    );
  });

  it('answers from an entry whose heading is a compound, and declines what the content never mentions', () => {
    const faq = createLocalizedFaqService('de', [
      entry('a', 'Stromzähler und Ablesung', 'Monteure lesen den Stromzähler einmal im Jahr ab und notieren den Zählerstand.'),
      entry('b', 'Löschung Ihrer Daten', 'Wir löschen Ihre Daten ein Jahr nach Vertragsende.'),
      entry('c', 'Videoüberwachung', 'Kameras filmen den Eingang des Wasserwerks.'),
    ]);
    expect(faq.answer('Wer liest meinen Zaehler ab?').entry?.id).toBe('a');
    expect(faq.answer('Datenlöschung').entry?.id).toBe('b');
    const offTopic = faq.answer('Wo ist die Kantine?');
    expect(offTopic.entry).toBeUndefined();
    expect(offTopic.candidates).toEqual([]);
  });
});

describe('languages an organisation adds with content alone', () => {
  it('gives each lunr-languages language its own stemmer and stop words', () => {
    expect(STEMMED_LANGUAGES).toEqual(expect.arrayContaining(['de', 'fr', 'es', 'it', 'nl', 'pt', 'sv']));
    const spanish = new LanguageAnalyzer('es');
    expect(spanish.terms('las solicitudes')).toEqual(spanish.terms('solicitud'));
    const dutch = new LanguageAnalyzer('nl');
    expect(dutch.terms('de gegevens')).toEqual(dutch.terms('gegevens'));
    expect(dutch.terms('de')).toEqual([]);
  });

  it('searches a language lunr-languages lacks by its plain words', () => {
    const faq = createLocalizedFaqService('xx', [entry('a', 'Alpha beta', 'gamma delta'), entry('b', 'Epsilon', 'zeta eta')]);
    expect(faq.answer('alpha beta').entry?.id).toBe('a');
  });
});

describe('every language lunr-languages brings', () => {
  it.each(STEMMED_LANGUAGES)('%s loads and gives terms', (tag) => {
    const analyzer = new LanguageAnalyzer(tag);
    expect(() => analyzer.terms('data datos Daten données dados данные veri δεδομένα بيانات')).not.toThrow();
  });
});

describe('CONTENT_LANGUAGE', () => {
  it('is English unless set, takes a language tag, and stops start-up naming itself on anything else', () => {
    expect(loadConfig({}).contentLanguage).toBe('en');
    expect(loadConfig({ CONTENT_LANGUAGE: 'de' }).contentLanguage).toBe('de');
    expect(loadConfig({ CONTENT_LANGUAGE: 'pt-br' }).contentLanguage).toBe('pt-BR');
    expect(() => loadConfig({ CONTENT_LANGUAGE: 'not a tag!' })).toThrow(/CONTENT_LANGUAGE/);
  });
});

describe("each language's levels", () => {
  const narrow = [
    entry('a', 'Löschung Ihrer Daten', 'Wir löschen Ihre Personalakte drei Jahre nach dem Austritt.'),
    entry('b', 'Videoüberwachung', 'Kameras zeichnen den Eingang auf; Aufnahmen werden nach 72 Stunden gelöscht.'),
  ];
  // A content that uses most everyday words covers any question by chance, so it needs more before answering.
  const broad = [
    ...narrow,
    ...(everydayWords('de') ?? [])
      .slice(150, 6000)
      .reduce<string[][]>((pages, word, i) => (i % 300 === 0 ? [...pages, [word]] : (pages[pages.length - 1].push(word), pages)), [])
      .map((words, i) => entry(`w${i}`, `Teil ${i}`, words.join(' '))),
  ];

  it('derives them from the content, as English does: a broad vocabulary needs more coverage', () => {
    const small = createLocalizedFaqService('de', narrow).thresholds;
    const large = createLocalizedFaqService('de', broad).thresholds;
    expect(large.minCoverage).toBeGreaterThan(small.minCoverage);
    expect(large.answerCoverage).toBeGreaterThan(small.answerCoverage);
  });

  it('lets calibration.json in the language folder set them, and keeps fixed levels for a language without everyday words', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'content-levels-'));
    try {
      mkdirSync(path.join(dir, 'de'));
      writeFileSync(path.join(dir, 'policy.md'), '# Policy\n\n## Deletion\nWe delete your file three years after you leave.\n');
      writeFileSync(path.join(dir, 'de/richtlinie.md'), '# Richtlinie\n\n## Löschung\nWir löschen Ihre Personalakte drei Jahre nach dem Austritt.\n');
      writeFileSync(path.join(dir, 'de/calibration.json'), JSON.stringify({ minCoverage: 0.42, answerCoverage: 0.5 }));
      const faq = loadMultilingualFaq(dir, 'en');
      const german = faq.service('de') as LocalizedFaqService;
      expect(german.thresholds).toMatchObject({ minCoverage: 0.42, answerCoverage: 0.5 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(everydayWords('hy')).toBeUndefined();
    expect(createLocalizedFaqService('hy', narrow).thresholds).toEqual(DEFAULT_LANGUAGE_THRESHOLDS);
  });
});
