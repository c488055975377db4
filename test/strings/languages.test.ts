/**
 * Every language says everything: the same keys and the same placeholders as English, no empty
 * sentence, card templates that take every sentence from the strings, and cards rendered in German
 * or French that carry no English sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { currentLanguage, inLanguage, languageOfLocale, LANGUAGES, strings, stringsOf, type Language } from '../../src/strings';
import { cardSamples as SAMPLES } from '../cards/samples';

type Leaf = [path: string, value: string];

function leaves(node: unknown, at = ''): Leaf[] {
  if (typeof node === 'string') return [[at, node]];
  if (Array.isArray(node)) return node.flatMap((child, i) => leaves(child, `${at}[${i}]`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, child]) => leaves(child, at ? `${at}.${key}` : key));
  return [];
}

const placeholders = (text: string) => [...text.matchAll(/\{\{?[^{}]+\}?\}/g)].map((m) => m[0]).sort();

describe.each(LANGUAGES.filter((language) => language !== 'en'))('the %s strings', (language) => {
  const english = new Map(leaves(stringsOf('en')));
  const translated = new Map(leaves(stringsOf(language)));

  it('have every key English has, and no other', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('keep every placeholder of the English sentence, and leave none empty', () => {
    for (const [key, text] of translated) {
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(english.get(key)!) });
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('have their own locale, which formats dates in the language', () => {
    const locale = stringsOf(language).locale;
    expect(locale.split('-')[0]).toBe(language);
    const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date('2026-03-10T00:00:00Z'));
    expect(month).not.toBe('March');
  });
});

describe('card templates', () => {
  const dir = path.join(__dirname, '../../src/cards/templates');
  const SAID = new Set(['text', 'title', 'placeholder', 'label', 'speak', 'altText', 'fallbackText', 'errorMessage', 'tooltip']);

  function literalSentences(node: unknown, found: string[] = []): string[] {
    if (Array.isArray(node)) node.forEach((child) => literalSentences(child, found));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        // Outside expressions, a said property may hold punctuation and spaces, never a word.
        if (SAID.has(key) && typeof value === 'string' && /\p{L}/u.test(value.replace(/\$\{[^}]*\}/g, ''))) found.push(`${key}: ${value}`);
        else literalSentences(value, found);
      }
    }
    return found;
  }

  it.each(fs.readdirSync(dir).filter((name) => name.endsWith('.json')))('%s carries no literal sentence', (name) => {
    expect(literalSentences(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')))).toEqual([]);
  });
});

describe('cards rendered in German and French', () => {
  /** The fixed parts (between placeholders) of every English sentence that the other language words differently. */
  function englishFragments(language: Language): string[] {
    const theirs = new Set(leaves(stringsOf(language)).map(([, text]) => text));
    const fragments = new Set<string>();
    for (const [key, text] of leaves(stringsOf('en'))) {
      if (key.startsWith('api.') || theirs.has(text)) continue;
      for (const part of text.split(/\{\{?[^{}]+\}?\}/)) if (part.trim().split(/\s+/).length >= 3) fragments.add(part.trim());
    }
    return [...fragments];
  }

  it.each(['de', 'fr'] as const)('in %s, no card says an English sentence', (language) => {
    // The samples' own data (a problem message typed into a sample) is not something the bot said.
    const sampleSource = fs.readFileSync(path.join(__dirname, '../cards/samples.ts'), 'utf8');
    const fragments = englishFragments(language).filter((fragment) => !sampleSource.includes(fragment));
    const said: string[] = [];
    for (const [name, render] of Object.entries(SAMPLES)) {
      for (const card of inLanguage(language, render)) {
        for (const [, text] of leaves(card)) for (const fragment of fragments) if (text.includes(fragment)) said.push(`${name}: "${fragment}"`);
      }
    }
    expect(said).toEqual([]);
  });
});

describe('the language of a turn', () => {
  // Kept at load, as modules do: still reads the language of whoever is served.
  const requests = strings.requests;

  it('is read wherever the strings are, also through a part kept at load, and across awaits', async () => {
    expect(requests.receiptTitle).toBe('Request received');
    expect(inLanguage('de', () => requests.receiptTitle)).toBe('Anfrage erhalten');
    await inLanguage('fr', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(requests.receiptTitle).toBe('Demande reçue');
      expect(inLanguage('de', () => strings.requests.receiptTitle)).toBe('Anfrage erhalten');
      expect(currentLanguage()).toBe('fr');
      expect(Object.keys(strings.welcome.examples)).toHaveLength(stringsOf('fr').welcome.examples.length);
    });
    expect(currentLanguage()).toBe('en');
  });

  it('maps Teams locales to the languages the bot speaks', () => {
    expect(['de-DE', 'de-AT', 'fr-CA', 'FR', 'en-US', 'es-ES', '', undefined].map(languageOfLocale)).toEqual([
      'de',
      'de',
      'fr',
      'fr',
      'en',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("the privacy team's console", () => {
  it.each(['de', 'fr'] as const)('has its own sentences in %s: none of three words or more left in English', (language) => {
    const english = new Map(leaves(stringsOf('en').console));
    const left = leaves(stringsOf(language).console).filter(([key, text]) => text === english.get(key) && text.split(/\s+/).length >= 3);
    expect(left).toEqual([]);
    expect(leaves(stringsOf(language).console).map(([key]) => key)).toEqual([...english.keys()]);
  });
});
