/**
 * The FAQ over content in one language other than English: the content's terms from that
 * language's analyser (analysis.ts), ranked by BM25 over weighted fields, and the same answer,
 * "Did you mean…" and not-covered decisions as English (answer-policy.ts), with the levels of that
 * language (calibration.json in its folder, else the defaults below, measured on our German and
 * French development policies with `npm run bench:faq-languages`).
 */
import { choose, relatedTo, type AnswerThresholds } from '../answer-policy';
import { markdownToPlainText } from '../markdown-sections';
import type { Candidate } from '../ranking';
import type { FaqAnswer, FaqEntry, FaqService } from '../types';
import { LanguageAnalyzer } from './analysis';

const FIELDS = ['title', 'asked', 'body'] as const;
const FIELD_WEIGHT = [3, 2.5, 1];
const FIELD_B = [0.3, 0, 0.75];
const K1 = 1.2;
/** Coverage's share of the rank: an entry that answers every part of the question beats one that repeats one word. */
const COVERAGE_BLEND = 0.25;
const MAX_QUESTION_CHARS = 1000;

/** Measured on the development policies of bench:faq-languages; calibration.json beside the content wins. */
export const DEFAULT_LANGUAGE_THRESHOLDS: AnswerThresholds = Object.freeze({ minCoverage: 0.3, answerCoverage: 0.35, answerLead: -0.35, minCoverageWithoutPrivacy: 0.3 });

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
  const texts = entries.map((entry) => [entry.title, entry.alsoAsked.join(' ; '), markdownToPlainText(entry.body)]);
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

  const candidates = (question: string): Candidate[] => {
    const terms = [...new Set(analyzer.queryTerms(question.slice(0, MAX_QUESTION_CHARS), (term) => postings.has(term)))];
    if (terms.length === 0) return [];
    // Words the content never uses count fully against coverage: the question asks about something else.
    const weights = terms.map((term) => idf(term));
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
        const rank = found.score * (COVERAGE_BLEND + coverage);
        return { entry: entries[doc], coverage, headingCoverage: total > 0 ? found.heading / total : 0, rank, matchRank: rank };
      })
      .sort((a, b) => b.rank - a.rank || (a.entry.id < b.entry.id ? -1 : 1));
  };

  const levels: AnswerThresholds = Object.freeze({ ...DEFAULT_LANGUAGE_THRESHOLDS, ...thresholds });
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const verbatim = new Map<string, FaqEntry>();
  const key = (text: string) => analyzer.terms(text).join(' ');
  for (const entry of entries) for (const phrasing of [...entry.alsoAsked, entry.title]) verbatim.set(key(phrasing), entry);

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
      // Every question in a policy's own language is taken as about privacy: the coverage levels do the declining.
      return choose({ candidates: found, aboutPrivacy: true, aboutAsker: true, namesAbsent: false }, levels, entries);
    },
  };
}
