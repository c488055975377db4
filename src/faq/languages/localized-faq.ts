/**
 * The FAQ over content in one language other than English: the content's terms from that
 * language's analyser (analysis.ts), ranked by BM25 over weighted fields, and the same answer,
 * "Did you mean…" and not-covered decisions as English (answer-policy.ts), with the levels of that
 * language: calibration.json in its folder, else derived from the content the way English's are
 * (calibration.ts), from that language's everyday words; the fixed levels below only for a language
 * with no list of everyday words.
 */
import { choose, relatedTo, type AnswerThresholds } from '../answer-policy';
import { deriveLanguageThresholds } from '../calibration';
import { DEFAULT_TUNING } from '../tuning';
import { markdownToPlainText } from '../markdown-sections';
import type { Candidate } from '../ranking';
import { askedFor, type FaqAnswer, type FaqEntry, type FaqService } from '../types';
import { LanguageAnalyzer } from './analysis';
import { everydayWords } from './everyday-words';

const FIELDS = ['title', 'asked', 'body'] as const;
const FIELD_WEIGHT = [3, 2.5, 1];
const FIELD_B = [0.3, 0, 0.75];
const K1 = 1.2;
/** Coverage's share of the score: an entry that answers every part of the question beats one that repeats one word. */
const COVERAGE_BLEND = 0.25;
const MAX_QUESTION_CHARS = 1000;
/** A question's word matches a content term it starts with when that term has this many letters, and the word at most this many more. */
const MIN_PREFIX = 5;
/** The shortest word that finds the compounds ending with it. */
const MIN_HEAD = 4;
const MAX_ENDING = 3;

/** For a language with no everyday words to derive levels from; calibration.json beside the content wins. */
export const DEFAULT_LANGUAGE_THRESHOLDS: AnswerThresholds = Object.freeze({
  minCoverage: 0.3,
  answerCoverage: 0.35,
  answerLead: -0.35,
  minCoverageWithoutPrivacy: 0.3,
});

export interface LocalizedFaqService extends FaqService {
  readonly language: string;
  readonly thresholds: AnswerThresholds;
  /** Ranked candidates, for the benchmark. */
  candidates(question: string): Candidate[];
}

interface Posting {
  doc: number;
  tf: number[];
}

export function createLocalizedFaqService(language: string, entries: readonly FaqEntry[], thresholds: Partial<AnswerThresholds> = {}): LocalizedFaqService {
  const analyzer = new LanguageAnalyzer(language);
  const texts = entries.map((entry) => [entry.title, askedFor(entry).join(' ; '), markdownToPlainText(entry.body)]);
  analyzer.learn(texts.flat());
  const postings = new Map<string, Posting[]>();
  const lengths = texts.map((fields) => fields.map(() => 0));
  texts.forEach((fields, doc) => {
    fields.forEach((text, f) => {
      const terms = analyzer.terms(text);
      lengths[doc][f] = terms.length;
      for (const term of terms) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        let posting = list[list.length - 1];
        if (posting?.doc !== doc) list.push((posting = { doc, tf: FIELDS.map(() => 0) }));
        posting.tf[f] += 1;
      }
    });
  });
  const average = FIELDS.map((_field, f) => Math.max(1, lengths.reduce((sum, l) => sum + l[f], 0) / Math.max(1, entries.length)));
  const idf = (term: string) => {
    const df = postings.get(term)?.length ?? 0;
    return Math.log(1 + (entries.length - df + 0.5) / (df + 0.5));
  };

  // A question's word the content has only with a longer or shorter ending ("aufbewahrt",
  // "aufbewahren"): the content's term it starts with, if that is most of it.
  const stems = [...postings.keys()].filter((term) => term.length >= MIN_HEAD && !term.includes(' '));
  const endings = new Map<string, string>();
  const resolve = (term: string): string => {
    if (postings.has(term) || term.length < MIN_HEAD) return term;
    let found = endings.get(term);
    if (found === undefined) {
      found = term;
      for (const known of stems)
        if (
          known.length >= MIN_PREFIX &&
          term.startsWith(known) &&
          term.length - known.length <= MAX_ENDING &&
          known.length > (found === term ? 0 : found.length)
        )
          found = known;
      // A plural or inflected ending the content's word has and the question's lacks ("Kamera", "Kameras").
      if (found === term && term.length >= MIN_PREFIX)
        for (const known of stems)
          if (known.startsWith(term) && known.length - term.length <= 2 && (found === term || known.length < found.length)) found = known;
      // German: "Zähler" is the last part of the content's "Stromzähler", which is a kind of it.
      if (found === term && analyzer.compounds)
        for (const known of stems)
          if (known.endsWith(term) && known.length >= term.length + MIN_HEAD && (found === term || known.length < found.length)) found = known;
      if (endings.size > 10_000) endings.clear();
      endings.set(term, found);
    }
    return found;
  };

  const candidates = (question: string): Candidate[] => {
    const terms = [...new Set(analyzer.queryTerms(question.slice(0, MAX_QUESTION_CHARS), (term) => postings.has(resolve(term))).map(resolve))];
    if (terms.length === 0) return [];
    // Every word counts for something (in a small content every word is in most entries, and IDF
    // alone would weigh them as nothing); rarer ones more, and words the content never uses most:
    // the question asks about something else.
    const weights = terms.map((term) => 1 + idf(term));
    const total = weights.reduce((sum, w) => sum + w, 0);
    const score = new Map<number, { score: number; covered: number; heading: number }>();
    terms.forEach((term, t) => {
      for (const { doc, tf } of postings.get(term) ?? []) {
        let frequency = 0;
        tf.forEach((n, f) => {
          if (n > 0) frequency += (FIELD_WEIGHT[f] * n) / (1 - FIELD_B[f] + (FIELD_B[f] * lengths[doc][f]) / average[f]);
        });
        const found = score.get(doc) ?? { score: 0, covered: 0, heading: 0 };
        found.score += (weights[t] * frequency * (K1 + 1)) / (frequency + K1);
        found.covered += weights[t];
        if (tf[0] + tf[1] > 0) found.heading += weights[t];
        score.set(doc, found);
      }
    });
    return [...score]
      .map(([doc, found]): Candidate => {
        const coverage = total > 0 ? found.covered / total : 0;
        const score = found.score * (COVERAGE_BLEND + coverage);
        return { entry: entries[doc], coverage, headingCoverage: total > 0 ? found.heading / total : 0, score, matchScore: score, fused: 0 };
      })
      .sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1));
  };

  const everyday = everydayWords(language);
  const derived = everyday
    ? deriveLanguageThresholds(
        (question) => candidates(question)[0]?.coverage ?? 0,
        everyday,
        (word) => analyzer.terms(word).length === 0,
        { randomDeclined: DEFAULT_TUNING.randomDeclined, answerLead: DEFAULT_LANGUAGE_THRESHOLDS.answerLead },
      )
    : DEFAULT_LANGUAGE_THRESHOLDS;
  const levels: AnswerThresholds = Object.freeze({ ...derived, ...thresholds });
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const verbatim = new Map<string, FaqEntry>();
  const key = (text: string) => analyzer.terms(text).join(' ');
  for (const entry of entries) for (const phrasing of [...askedFor(entry), entry.title]) verbatim.set(key(phrasing), entry);

  return {
    language,
    thresholds: levels,
    entries,
    candidates,
    getEntry: (id) => byId.get(id),
    relatedTo: (entry) => relatedTo(entry, candidates(entry.title), entries),
    answer(question: string): FaqAnswer {
      const text = typeof question === 'string' ? question.slice(0, MAX_QUESTION_CHARS) : '';
      const found = candidates(text);
      const named = verbatim.get(key(text));
      if (named && key(text) !== '') return { entry: named, related: relatedTo(named, found, entries), candidates: [], confidence: 1 };
      // Every question in a policy's own language is taken as on topic: the coverage levels do the declining.
      return choose({ candidates: found, onTopic: true, aboutAsker: true, namesAbsent: false }, levels, entries);
    },
  };
}
