/**
 * How content in a language other than English becomes search terms: lunr-languages' trimmer, stop
 * words and Snowball stemmer for that language. English content keeps the richer English search of
 * src/faq (src/language/ is English only); this is the search every other language gets, so an
 * organisation adds a language with its content alone.
 *
 * German needs two more things. Umlauts are typed both ways ("Zähler", "Zaehler"): "ae", "oe",
 * "ue" are read as the umlaut before stemming (Snowball's German2 rule), on both sides of the
 * search. And German joins words ("Stromzähler", "Datenlöschung"): a long word is also split into
 * parts the content uses on their own, so "Zähler" finds "Stromzähler" and "Datenlöschung" finds
 * "Löschung der Daten".
 */
import { createRequire } from 'node:module';
import lunr from 'lunr';

const load = createRequire(__filename);

/** lunr-languages' module name per language tag, for every language whose module needs nothing else installed. */
// Hindi, Kannada, Sanskrit, Tamil and Telugu need a word segmenter, Japanese, Thai and Chinese more
// packages, and Vietnamese has no stemmer: those are searched by their plain words.
const MODULES: Readonly<Record<string, string>> = {
  ar: 'ar',
  da: 'da',
  de: 'de',
  el: 'el',
  es: 'es',
  fi: 'fi',
  fr: 'fr',
  hu: 'hu',
  hy: 'hy',
  it: 'it',
  nb: 'no',
  nl: 'nl',
  nn: 'no',
  no: 'no',
  pl: 'pl',
  pt: 'pt',
  ro: 'ro',
  ru: 'ru',
  sv: 'sv',
  tr: 'tr',
};

/** The language tags whose content gets its own stemmer and stop words, beside English. */
export const STEMMED_LANGUAGES: readonly string[] = Object.keys(MODULES);

interface LanguagePipeline {
  trimmer(token: lunr.Token): lunr.Token | undefined;
  stopWordFilter(token: lunr.Token): lunr.Token | undefined;
  stemmer(token: lunr.Token): lunr.Token;
}

let supportLoaded = false;
/** The lunr-languages pipeline for a tag ("de-AT" uses "de"), or undefined when it has none. */
export function pipelineFor(tag: string): LanguagePipeline | undefined {
  const module = MODULES[tag.toLowerCase().split('-')[0]];
  if (!module) return undefined;
  const registry = lunr as unknown as Record<string, LanguagePipeline | undefined>;
  if (!registry[module]) {
    if (!supportLoaded) {
      (load('lunr-languages/lunr.stemmer.support') as (l: typeof lunr) => void)(lunr);
      supportLoaded = true;
    }
    (load(`lunr-languages/lunr.${module}`) as (l: typeof lunr) => void)(lunr);
  }
  return registry[module];
}

/** Words of a text as the language writes them: lower case, split on anything that is not a letter or digit. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** German: "ae", "oe", "ue" as the umlaut they stand for ("Zaehler" is "Zähler"), but not "que" ("Quelle"). */
function germanUmlauts(word: string): string {
  return word
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'ä')
    .replace(/oe/g, 'ö')
    .replace(/(?<!q)ue/g, 'ü');
}

/** German nouns of action ("Löschung") and their verb ("löschen") are one search term. */
function germanStem(stem: string): string {
  return stem.length > 6 && stem.endsWith('ung') ? stem.slice(0, -3) : stem;
}

/**
 * Words that ask rather than name a topic, which the Snowball stop lists keep ("wann", "gibt",
 * "peut"): a question's topic is in its other words.
 */
const QUESTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  de: new Set([
    'wann',
    'warum',
    'weshalb',
    'wieso',
    'wo',
    'woher',
    'wohin',
    'gibt',
    'gib',
    'geben',
    'kommt',
    'kommen',
    'lasse',
    'lassen',
    'lässt',
    'kann',
    'können',
    'könnte',
    'darf',
    'dürfen',
    'muss',
    'müssen',
    'soll',
    'sollen',
    'steht',
    'stehen',
    'bitte',
    'ja',
    'nein',
    'mal',
    'eigentlich',
    'genau',
    'passiert',
    'geschieht',
  ]),
  fr: new Set([
    'est',
    'peut',
    'peux',
    'puis',
    'pouvez',
    'faut',
    'quoi',
    'comment',
    'pourquoi',
    'quand',
    'combien',
    'quel',
    'quels',
    'quelle',
    'quelles',
    'qui',
    'où',
    'oui',
    'non',
    'fait',
    'font',
    'passe',
    'arrive',
  ]),
};

/** Parts of a compound are at least this long: shorter ones ("an", "ab") split words wrongly. */
const MIN_PART = 4;
const MIN_COMPOUND = 2 * MIN_PART;
/** German joins parts with these ("Datenschutzbeauftragter", "Arbeitszeit"). */
const LINKS = ['', 's', 'es', 'n', 'en'];

export class LanguageAnalyzer {
  private readonly pipeline: LanguagePipeline | undefined;
  private readonly german: boolean;
  /** The content's words (normalised) and their stems: what a compound may be split into. */
  private readonly vocabulary = new Set<string>();
  /**
   * Pieces the content's long words start with, and pieces they end with. A piece that starts one
   * word and ends another is a word of its own ("Zähler" in "Zählerstand" and "Stromzähler"); one
   * that only ends words is an ending ("-ung"), one that only starts them a stem's inflections.
   */
  private readonly starts = new Set<string>();
  private readonly ends = new Set<string>();
  private readonly stemCache = new Map<string, string | undefined>();
  private readonly questionWords: ReadonlySet<string>;

  /** Whether the language joins words into compounds whose last part names the kind of thing (German). */
  get compounds(): boolean {
    return this.german;
  }

  constructor(readonly tag: string) {
    this.pipeline = pipelineFor(tag);
    this.german = tag.toLowerCase().startsWith('de');
    this.questionWords = QUESTION_WORDS[tag.toLowerCase().split('-')[0]] ?? new Set();
  }

  /** Tells the analyser the content's words, so compounds can be split into them. Call before indexing. */
  learn(texts: readonly string[]): void {
    for (const text of texts)
      for (const word of wordsOf(text)) {
        const normal = this.normal(word);
        const stem = this.stem(normal);
        if (stem === undefined || normal.length < MIN_PART || this.vocabulary.has(normal)) continue;
        this.vocabulary.add(normal);
        this.vocabulary.add(stem);
        if (this.german && normal.length >= MIN_COMPOUND) {
          for (let at = MIN_PART; at <= normal.length - MIN_PART; at++) {
            this.starts.add(normal.slice(0, at));
            this.ends.add(normal.slice(at));
          }
        }
      }
  }

  /** The search terms of a text, in order; a split compound gives its parts after itself. */
  terms(text: string): string[] {
    const terms: string[] = [];
    for (const word of wordsOf(text)) {
      const normal = this.normal(word);
      const stem = this.stem(normal);
      if (stem === undefined) continue;
      terms.push(stem);
      if (this.german && normal.length >= MIN_COMPOUND) for (const part of this.split(normal)) if (part !== stem) terms.push(part);
    }
    return terms;
  }

  /**
   * The terms of a question, given which terms the content has: a compound the content does not use
   * counts as its parts ("Bewerberdaten" as "Bewerber" and "Daten"), and a German participle the
   * content does not use as its verb ("gelöscht" as "löschen"), so a word only joined or inflected
   * differently does not read as a topic the content lacks.
   */
  queryTerms(text: string, known: (term: string) => boolean): string[] {
    const terms: string[] = [];
    for (const word of wordsOf(text)) {
      const normal = this.normal(word);
      const stem = this.stem(normal);
      if (stem === undefined) continue;
      if (known(stem) || !this.german) {
        terms.push(stem);
        continue;
      }
      // Split only into parts the content has: "Betriebskindergarten" is not about the content's "Betrieb".
      const parts = normal.length >= MIN_COMPOUND ? this.split(normal) : [];
      if (parts.length > 0 && parts.every(known)) {
        terms.push(...parts);
        continue;
      }
      const verb = normal.startsWith('ge') && normal.length > 6 ? this.stem(`${normal.slice(2).replace(/(t|et|en)$/, '')}en`) : undefined;
      terms.push(verb !== undefined && known(verb) ? verb : stem);
    }
    return terms;
  }

  private normal(word: string): string {
    return this.german ? germanUmlauts(word) : word;
  }

  /** The word's stem, or undefined for a stop word. */
  private stem(word: string): string | undefined {
    if (this.stemCache.has(word)) return this.stemCache.get(word);
    let stem: string | undefined = word;
    if (this.questionWords.has(word)) stem = undefined;
    else if (this.pipeline) {
      const token = new lunr.Token(word, {});
      const trimmed = this.pipeline.trimmer(token);
      const kept = trimmed && this.pipeline.stopWordFilter(trimmed);
      stem = kept ? this.pipeline.stemmer(kept).toString() : undefined;
    }
    if (stem !== undefined && this.german) stem = germanStem(stem);
    if (stem === '') stem = undefined;
    if (this.stemCache.size > 50_000) this.stemCache.clear();
    this.stemCache.set(word, stem);
    return stem;
  }

  /** The stems of a compound's parts, when it splits into a part the content uses and another long enough. */
  private split(word: string): string[] {
    for (let at = word.length - MIN_PART; at >= MIN_PART; at--) {
      const tail = word.slice(at);
      for (const link of LINKS) {
        if (!word.slice(0, at).endsWith(link)) continue;
        const head = word.slice(0, at - link.length);
        if (head.length < MIN_PART) continue;
        const headStem = this.stem(head);
        const tailStem = this.stem(tail);
        if (headStem === undefined || tailStem === undefined) continue;
        const known = (part: string, stem: string) => this.vocabulary.has(part) || this.vocabulary.has(stem) || (this.starts.has(part) && this.ends.has(part));
        if (known(tail, tailStem) && (known(head, headStem) || head.length >= MIN_PART + 1)) return [headStem, tailStem];
        if (known(head, headStem) && tail.length >= MIN_PART + 1) return [headStem, tailStem];
      }
    }
    return [];
  }
}
