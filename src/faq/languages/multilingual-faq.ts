/**
 * One FAQ service per content language, and the choice between them per question: the asker's
 * language when there is content in it, else the default language's content (`CONTENT_LANGUAGE`,
 * the files directly in the content dir), with the answer marked so the bot can say so. A person's
 * language decides even when their language's content does not cover a topic the default's does:
 * a German speaker never gets an English entry while German content exists.
 *
 * Content in a language is the folder named by its tag (`content/de/`); its entries' ids start
 * with that folder, so ids stay unique across languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { currentLanguage } from '../../strings';
import { readCalibration } from '../calibration';
import { isLanguageTag, loadContent } from '../content-loader';
import type { AnswerThresholds } from '../answer-policy';
import { createFaqService, createFaqServiceInSlices } from '../faq-service';
import type { FaqAnswer, FaqEntry, FaqService } from '../types';
import { createLocalizedFaqService } from './localized-faq';

export interface MultilingualFaq extends FaqService {
  /** The content languages, the default first. */
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  /** The service of one content language. */
  service(language: string): FaqService | undefined;
  /** The answer for a person speaking `language` (a tag): from that language's content, else the default's. */
  answerIn(language: string, question: string): FaqAnswer;
}

/** The primary subtag, lower case: "de-AT" -> "de". */
function primary(tag: string): string {
  return tag.toLowerCase().split('-')[0];
}

/** A language's search over its entries, with the levels it answers at. */
export type LevelledFaqService = FaqService & { readonly thresholds: AnswerThresholds };

/** The service over the files directly in the content dir, in the default language. */
export function defaultContentService(contentDir: string, defaultLanguage: string): LevelledFaqService {
  return serviceFor(defaultLanguage, loadContent(contentDir), contentDir);
}

/** English content gets the English search of src/faq; every other language its lunr-languages search. */
export function serviceForEntries(language: string, entries: FaqEntry[], thresholds: Partial<AnswerThresholds>): Promise<LevelledFaqService> {
  // English builds in slices (the bot answers between them); the other languages' lunr index is one step.
  return primary(language) === 'en'
    ? createFaqServiceInSlices(entries, { thresholds })
    : Promise.resolve(createLocalizedFaqService(language, entries, thresholds));
}

/** English content gets the English search of src/faq; every other language its lunr-languages search. */
function serviceFor(language: string, entries: FaqEntry[], dir: string): LevelledFaqService {
  return primary(language) === 'en'
    ? createFaqService(entries, { thresholds: readCalibration(dir) })
    : createLocalizedFaqService(language, entries, readCalibration(dir));
}

export function createMultilingualFaq(byLanguage: ReadonlyMap<string, FaqService>, defaultLanguage: string): MultilingualFaq {
  const languages = [defaultLanguage, ...[...byLanguage.keys()].filter((tag) => tag !== defaultLanguage)];
  const fallback = byLanguage.get(defaultLanguage)!;
  // Asked each time: a language's entries can change while the bot runs (what the privacy team teaches).
  const owner = (id: string): FaqService | undefined => languages.map((tag) => byLanguage.get(tag)!).find((service) => service.getEntry(id) !== undefined);
  // The person's exact tag first ("pt-BR"), else any content of their language ("de" for "de-CH").
  const contentLanguageOf = (language: string): string | undefined =>
    languages.find((tag) => tag.toLowerCase() === language.toLowerCase()) ?? languages.find((tag) => primary(tag) === primary(language));

  const answerIn = (language: string, question: string): FaqAnswer => {
    const tag = contentLanguageOf(language);
    if (tag) return byLanguage.get(tag)!.answer(question);
    return { ...fallback.answer(question), contentLanguage: defaultLanguage };
  };

  return {
    languages,
    defaultLanguage,
    get entries() {
      return languages.flatMap((tag) => byLanguage.get(tag)!.entries);
    },
    service: (language) => byLanguage.get(language),
    answerIn,
    answer: (question) => answerIn(currentLanguage(), question),
    getEntry: (id) => owner(id)?.getEntry(id),
    relatedTo: (entry) => owner(entry.id)?.relatedTo(entry) ?? [],
  };
}

/**
 * The services over a content dir: its files in `defaultLanguage`, and a folder per other language.
 * With `defaultService`, that service serves the default content (built by the caller: the benchmark
 * keeps it, the app adds what the privacy team taught to it).
 */
export function loadMultilingualFaq(contentDir: string, defaultLanguage: string, defaultService?: FaqService): MultilingualFaq {
  const byLanguage = new Map<string, FaqService>();
  byLanguage.set(defaultLanguage, defaultService ?? defaultContentService(contentDir, defaultLanguage));
  for (const [tag, service] of otherLanguageServices(contentDir, defaultLanguage)) byLanguage.set(tag, service);
  return createMultilingualFaq(byLanguage, defaultLanguage);
}

/** The content of every language but the default (the folders named by a language tag), each with its own search and levels. */
export function otherLanguageServices(contentDir: string, defaultLanguage: string): Map<string, LevelledFaqService> {
  const byLanguage = new Map<string, LevelledFaqService>();
  const folders = fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && isLanguageTag(dirent.name) && dirent.name !== defaultLanguage);
  for (const folder of folders.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = path.join(contentDir, folder.name);
    const entries = loadContent(dir).map((entry) => ({
      ...entry,
      id: `${folder.name.toLowerCase()}/${entry.id}`,
      source: { ...entry.source, file: `${folder.name}/${entry.source.file}` },
    }));
    byLanguage.set(folder.name, serviceFor(folder.name, entries, dir));
  }
  return byLanguage;
}
