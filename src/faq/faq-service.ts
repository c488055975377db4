/**
 * The FAQ capability as the rest of the bot sees it. The index and everything derived from the
 * content are built once, here; answering never rebuilds them and never throws on what a user typed.
 */
import { MAX_QUESTION_CHARS } from '../language/words';
import { choose, relatedTo, type AnswerThresholds } from './answer-policy';
import { deriveThresholds, readCalibration } from './calibration';
import { loadContent } from './content-loader';
import { QueryExpander, type Unit } from './query-expansion';
import { bestCoverage, rankEntries, type Candidate } from './ranking';
import { SearchIndex } from './search-index';
import { EntryVectors } from './entry-vectors';
import { searchWords } from './content-terms';
import type { FaqAnswer, FaqEntry, FaqService } from './types';

export interface FaqServiceOptions {
  readonly thresholds?: Partial<AnswerThresholds>;
}

/** What the search made of a question: for the benchmark and calibration, never shown to users. */
export interface Explanation {
  units: Unit[];
  candidates: Candidate[];
  /** Whether the question names anything a privacy notice is about (see PRIVACY_CONCEPTS). */
  aboutPrivacy: boolean;
  /** Whether the asker speaks of themselves ("my", "I", "we"). */
  aboutAsker: boolean;
  /** Whether the question names a thing the content never names (see Unit.unnamed). */
  namesAbsent: boolean;
}

export interface ExplainingFaqService extends FaqService {
  explain(question: string): Explanation;
  readonly thresholds: AnswerThresholds;
}

export function createFaqService(entries: FaqEntry[], options: FaqServiceOptions = {}): ExplainingFaqService {
  const frozen: readonly FaqEntry[] = Object.freeze(
    entries.map((entry) => Object.freeze({ ...entry, alsoAsked: Object.freeze([...entry.alsoAsked]), source: Object.freeze({ ...entry.source }) })),
  );
  const byId = new Map(frozen.map((entry) => [entry.id, entry]));
  const index = new SearchIndex(frozen);
  const expander = new QueryExpander(index);
  const vectors = new EntryVectors(frozen);
  const explain = (question: unknown): Explanation => {
    // Anything that is not a string (a card payload gone wrong) is an empty question.
    const text = typeof question === 'string' ? question.slice(0, MAX_QUESTION_CHARS) : '';
    const units = expander.units(text);
    const closeness = vectors.similarities(units.flatMap((unit) => unit.text.split(' ')));
    return { units, candidates: rankEntries(index, units, closeness), aboutPrivacy: expander.aboutPrivacy(text), aboutAsker: expander.aboutAsker(text), namesAbsent: units.some((unit) => unit.unnamed) };
  };
  const set = options.thresholds ?? {};
  // Derived from the content unless the organisation set every level itself.
  const everySet = set.minCoverage !== undefined && set.answerCoverage !== undefined && set.answerLead !== undefined && set.minCoverageWithoutPrivacy !== undefined;
  const derived = everySet ? undefined : deriveThresholds({ coverageOf: (q) => explain(q).candidates[0]?.coverage ?? 0, bestCoverageOf: (q) => bestCoverage(index, expander.units(q)), aboutPrivacy: (q) => expander.aboutPrivacy(q), contentWords: index.contentWords() });
  const thresholds: AnswerThresholds = Object.freeze({ ...derived, ...set } as AnswerThresholds);

  // A question that is an entry's heading or one of its `Also asked:` phrasings, word for word, is that entry.
  const verbatim = new Map<string, FaqEntry>();
  for (const entry of frozen) for (const phrasing of [...entry.alsoAsked, entry.title]) verbatim.set(searchWords(phrasing).join(' '), entry);
  const answer = (question: unknown): FaqAnswer => {
    const explanation = explain(question);
    const named = typeof question === 'string' ? verbatim.get(searchWords(question.slice(0, MAX_QUESTION_CHARS)).join(' ')) : undefined;
    if (named) return { entry: named, related: relatedTo(named, explanation.candidates, frozen), candidates: [], confidence: 1 };
    return choose(explanation, thresholds, frozen);
  };

  return {
    entries: frozen,
    thresholds,
    getEntry: (id) => byId.get(id),
    relatedTo: (entry) => relatedTo(entry, explain(entry.title).candidates, frozen),
    explain,
    answer,
  };
}

/** The service over a content dir: its Markdown, and its calibration.json if there is one. */
export function loadFaqService(contentDir: string): ExplainingFaqService {
  return createFaqService(loadContent(contentDir), { thresholds: readCalibration(contentDir) });
}
