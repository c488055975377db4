/**
 * The content's terms that may stand for one word of a question, weighted: the word itself 1 (also in
 * an irregular form: "kept" is "keep"), a derived word a little less, a WordNet synonym less, a word
 * the vectors put close a weight that grows with the closeness, and for a word shortened in speech
 * ("uni") the content's longer words it begins. Expansion never reaches a stem the content uses only
 * as a name ("statements" is not "United States") nor one in most entries ("data" in a privacy notice).
 */
import { englishData } from '../language/english';
import { baseForms, irregularBase, stem } from '../language/stem';
import { isStopWord } from './content-terms';
import type { SearchIndex } from './search-index';

/** A content term (a stem, or a phrase of stems registered with the index) and how well it stands for the unit. */
export interface Alternative {
  stem: string;
  weight: number;
  /**
   * The dictionary forms of the content's words that are the asker's own word or derived from it
   * ("security" for "secure"): an entry that has only another word of the stem ("personal" for
   * "person", "office" for "officer") matches it less (see ranking.ts). Undefined: any word of the stem.
   */
  lemmas?: readonly string[];
}

export interface AlternativeWeights {
  /** A WordNet synonym (0: unused). */
  readonly synonymWeight: number;
  /** The most a vector neighbour weighs (0: unused). */
  readonly neighbourWeight: number;
  /** 1: a content word whose usual senses list the asker's word as a synonym stands for it, where the content lacks the word. */
  readonly reverseSynonyms: number;
  /** A derived form of the asker's word ("secure" / "security"). */
  readonly derivedWeight: number;
  /** A WordNet broader term ("dad" -> "parent"). */
  readonly broaderWeight: number;
  /** A part of a closed compound the content lacks ("birthday" -> "birth"), where the vectors agree (0: unused). */
  readonly compoundWeight: number;
  /** A word WordNet gives for a phrasal verb the asker wrote ("sign up" -> "join"; 0: unused). */
  readonly phrasalWeight: number;
  /** A stem in more than this share of the entries is never reached by expansion (see isTarget). */
  readonly genericShare: number;
}

/** WordNet lists rare senses too ("sign" -> "signal"): a synonym counts only when the vectors agree a little. */
const SYNONYM_MIN_COSINE = 0.35;
/**
 * Suffixes that make a word of the same meaning ("reach" / "reachable", "process" / "processor"),
 * for the derived forms WordNet does not list. Not "-al" or "-ness": "signal" is not "sign".
 */
const DERIVATIONAL_SUFFIXES: ReadonlySet<string> = new Set([
  'able',
  'ible',
  'ability',
  'er',
  'ers',
  'or',
  'ors',
  'ment',
  'ments',
  'ance',
  'ence',
  'ation',
  'ations',
  'ion',
  'ions',
  'ity',
  'ive',
]);
/**
 * Vector neighbours. Frequent words sit close to many others ("information" is 0.72 from
 * "intelligence"), so the cosine a neighbour needs falls from COMMON_MIN for the most common words
 * to RARE_MIN for words past rank RARE_RANK; the weight grows from NEIGHBOUR_FLOOR of the most at that cosine to the most.
 */
const COMMON_MIN = 0.8;
const RARE_MIN = 0.5;
const RARE_RANK = 20_000;
/** A neighbour past the cosine it needs is a real one: it starts at this share of the maximum weight. */
const NEIGHBOUR_FLOOR = 0.5;
const MAX_NEIGHBOURS = 5;
/** A clipped word ("uni" for "university"): at least this long, the full word this much longer, and at most this many candidates. */
const CLIPPED_MIN_LETTERS = 3;
const CLIPPED_MIN_REST = 3;
const MAX_CLIPPED = 2;
const CLIPPED_WEIGHT = 0.6;
/**
 * A closed compound ("birthday", "payslip", "wheelchair") splits into two parts of at least this many
 * letters, each among the most frequent English words up to COMPOUND_PART_RANK and no stop word
 * ("another" is no compound of "an"). A part among the most frequent COMPOUND_GENERAL_RANK says too little
 * to stand for the whole ("day" of "birthday", "end" of "weekend").
 */
const COMPOUND_MIN_PART = 3;
const COMPOUND_PART_RANK = 20_000;
const COMPOUND_GENERAL_RANK = 300;
/** "carpet" is no car and no pet: a part stands for the compound only when its vectors are this close, or the compound has none. */
const COMPOUND_MIN_COSINE = 0.35;
/** Words whose alternatives are remembered; a long-lived bot sees many distinct words. */
const MAX_CACHED = 5000;

export class WordAlternatives {
  private readonly english = englishData();
  /** Content words with a vector, that expansion may reach, and their vectors in one matrix. */
  private readonly contentRows: Array<{ word: string; stem: string }> = [];
  private readonly contentMatrix: Float32Array;
  private readonly cosines: Float32Array;
  private readonly cache = new Map<string, Alternative[]>();
  /** Content words by their first four letters, for finding derived forms without a full scan. */
  private readonly byPrefix = new Map<string, Array<{ word: string; stem: string }>>();
  /**
   * English word -> the content's words whose usual senses list it as a synonym. WordNet lists a
   * word's synonyms only from the senses people mostly mean by it: "picture" (mostly "image",
   * "painting") does not list "photo", but "photo" lists "picture". Where the content says "photo",
   * an asker's "picture" means that sense.
   */
  private readonly synonymOf = new Map<string, string[]>();

  constructor(
    private readonly index: SearchIndex,
    private readonly weights: AlternativeWeights,
  ) {
    const rows: number[] = [];
    for (const [word, { stem: wordStem }] of index.words) {
      if (word.length >= 4) {
        const key = word.slice(0, 4);
        const sharing = this.byPrefix.get(key);
        if (sharing) sharing.push({ word, stem: wordStem });
        else this.byPrefix.set(key, [{ word, stem: wordStem }]);
      }
      if (this.isTarget(wordStem))
        for (const synonym of this.english.synonyms(word)) {
          const sharing = this.synonymOf.get(synonym);
          if (sharing) sharing.push(word);
          else this.synonymOf.set(synonym, [word]);
        }
      const row = this.english.row(word);
      if (row === undefined || !this.isTarget(wordStem)) continue;
      this.contentRows.push({ word, stem: wordStem });
      rows.push(row);
    }
    this.contentMatrix = this.english.matrix(rows);
    this.cosines = new Float32Array(rows.length);
  }

  /** Whether expansion may reach this content stem: the content has it, not in most entries, and not only as a name. */
  isTarget(term: string): boolean {
    return this.index.has(term) && !this.index.isName(term) && this.index.documentFrequency(term) <= Math.max(1, this.weights.genericShare * this.index.size);
  }

  /** The word itself, its derived forms, its WordNet relations and its vector neighbours, among the content's terms. */
  of(word: string): Alternative[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const found = new Map<string, number>();
    const own = stem(word);
    if (this.index.has(own)) found.set(own, 1);
    const irregular = irregularBase(word);
    if (irregular !== undefined && this.index.has(stem(irregular))) keepBest(found, { stem: stem(irregular), weight: 1 });
    const forms = [word, ...baseForms(word)];
    // The reverse direction of synonymy only fills a gap: a word the content uses, in any of its
    // forms ("told" for "tell"), means what the content means by it.
    const reverse = this.weights.reverseSynonyms <= 0 || found.size > 0 || forms.some((form) => this.index.has(stem(form))) ? undefined : this.synonymOf;
    const antonyms = new Set(forms.flatMap((form) => this.english.antonyms(form)));
    const add = (related: string, weight: number) => {
      const relatedStem = stem(related);
      if (relatedStem !== own && this.isTarget(relatedStem) && !antonyms.has(related)) keepBest(found, { stem: relatedStem, weight });
    };
    for (const related of this.suffixed(word)) add(related, this.weights.derivedWeight);
    for (const form of forms) {
      for (const related of this.english.derived(form)) add(related, this.weights.derivedWeight);
      if (this.weights.synonymWeight > 0) {
        for (const synonym of [...this.english.synonyms(form), ...(reverse?.get(form) ?? [])])
          if ((this.english.similarity(form, synonym) ?? 0) >= SYNONYM_MIN_COSINE) add(synonym, this.weights.synonymWeight);
      }
      for (const related of this.english.broader(form)) add(related, this.weights.broaderWeight);
    }
    for (const neighbour of this.neighbours(word, antonyms)) keepBest(found, neighbour);
    if (this.weights.compoundWeight > 0 && !forms.some((form) => this.index.has(stem(form))))
      for (const part of this.compoundParts(word)) add(part, this.weights.compoundWeight);
    // A word shortened in speech ("uni", "admin", "docs") that the content knows no other way: the
    // content's longer words it begins.
    if (found.size === 0) for (const longer of this.clippedFrom(word)) keepBest(found, { stem: longer, weight: CLIPPED_WEIGHT });
    const list = toList(found);
    if (this.cache.size > MAX_CACHED) this.cache.clear();
    this.cache.set(word, list);
    return list;
  }

  /**
   * The content's words for a phrasal verb, the asker's verb and the particle after it ("sign up":
   * "join", "register"; "hand over": "give"): WordNet's words for the pair, whose meaning is not the verb's.
   */
  ofPhrasal(verb: string, particle: string): Alternative[] {
    if (this.weights.phrasalWeight <= 0) return [];
    const found = new Map<string, number>();
    for (const form of [verb, ...baseForms(verb)]) {
      const pair = `${form}_${particle}`;
      const antonyms = new Set(this.english.antonyms(pair));
      const add = (related: string, weight: number) => {
        const relatedStem = stem(related);
        if (this.isTarget(relatedStem) && !antonyms.has(related)) keepBest(found, { stem: relatedStem, weight });
      };
      for (const related of [...this.english.synonyms(pair), ...this.english.derived(pair)]) add(related, this.weights.phrasalWeight);
      for (const related of this.english.broader(pair)) add(related, this.weights.phrasalWeight * this.weights.broaderWeight);
    }
    return toList(found);
  }

  /**
   * The content's stems of words that begin with this one and go on for a few letters more, when
   * there are at most MAX_CLIPPED of them (a short beginning shared by many words says nothing).
   */
  private clippedFrom(word: string): string[] {
    if (word.length < CLIPPED_MIN_LETTERS || /\d/.test(word)) return [];
    const stems = new Set<string>();
    for (const { word: contentWord, stem: contentStem } of this.byPrefix.get(word.slice(0, 4)) ?? this.byShortPrefix(word)) {
      if (contentWord.startsWith(word) && contentWord.length >= word.length + CLIPPED_MIN_REST && this.isTarget(contentStem)) stems.add(contentStem);
    }
    return stems.size <= MAX_CLIPPED ? [...stems] : [];
  }

  /**
   * The parts of a closed compound, for the content to have ("birth" of "birthday", "pay" of
   * "payslip"): each split into two common English words, neither a stop word, keeping the parts
   * the vectors put near the whole. English writes many compounds shut that a notice writes open ("date of birth").
   */
  private compoundParts(word: string): string[] {
    const parts: string[] = [];
    const rank = (part: string) => this.english.rank(part) ?? Infinity;
    const common = (part: string) => !isStopWord(part) && rank(part) <= COMPOUND_PART_RANK;
    for (let at = COMPOUND_MIN_PART; at + COMPOUND_MIN_PART <= word.length; at++) {
      const [first, second] = [word.slice(0, at), word.slice(at)];
      if (!common(first) || !common(second)) continue;
      for (const part of [first, second]) {
        if (rank(part) <= COMPOUND_GENERAL_RANK) continue;
        const cosine = this.english.similarity(word, part);
        if (cosine === undefined || cosine >= COMPOUND_MIN_COSINE) parts.push(part);
      }
    }
    return parts;
  }

  /** Content words beginning with a word of three letters (byPrefix is keyed by four). */
  private byShortPrefix(word: string): Array<{ word: string; stem: string }> {
    if (word.length >= 4) return [];
    return [...this.byPrefix].filter(([prefix]) => prefix.startsWith(word)).flatMap(([, words]) => words);
  }

  /** Content words that are this word plus a derivational suffix, or the other way round. */
  private suffixed(word: string): string[] {
    if (word.length < 4) return [];
    const found: string[] = [];
    for (const { word: contentWord } of this.byPrefix.get(word.slice(0, 4)) ?? []) {
      const [shorter, longer] = contentWord.length < word.length ? [contentWord, word] : [word, contentWord];
      if (longer.startsWith(shorter) && DERIVATIONAL_SUFFIXES.has(longer.slice(shorter.length))) found.push(contentWord);
    }
    return found;
  }

  private neighbours(word: string, antonyms: ReadonlySet<string>): Alternative[] {
    const row = this.english.row(word);
    if (row === undefined || this.weights.neighbourWeight <= 0) return [];
    const commonness = Math.max(0, Math.min(1, Math.log(RARE_RANK / (row + 1)) / Math.log(RARE_RANK / 100)));
    const min = RARE_MIN + (COMMON_MIN - RARE_MIN) * commonness;
    const best = new Map<string, number>();
    this.english.similarities(row, this.contentMatrix, this.cosines);
    for (let i = 0; i < this.contentRows.length; i++) {
      const cosine = this.cosines[i];
      const candidate = this.contentRows[i];
      if (cosine < min || candidate.word === word || antonyms.has(candidate.word)) continue;
      const weight = this.weights.neighbourWeight * Math.min(1, NEIGHBOUR_FLOOR + ((1 - NEIGHBOUR_FLOOR) * (cosine - min)) / (1 - min));
      if (weight > (best.get(candidate.stem) ?? 0)) best.set(candidate.stem, weight);
    }
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_NEIGHBOURS)
      .map(([neighbourStem, weight]) => ({ stem: neighbourStem, weight }));
  }
}

export function keepBest(into: Map<string, number>, alternative: Alternative): void {
  if (alternative.weight > (into.get(alternative.stem) ?? 0)) into.set(alternative.stem, alternative.weight);
}

export function toList(alternatives: Map<string, number>): Alternative[] {
  return [...alternatives].map(([term, weight]) => ({ stem: term, weight }));
}
