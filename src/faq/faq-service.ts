/**
 * The FAQ capability as the rest of the bot sees it. The index and everything derived from the
 * content are built once, here; answering never rebuilds them and never throws on what a user typed.
 */
import { MAX_SEARCHED_CHARS } from '../language/words';
import { choose, relatedTo, type AnswerThresholds } from './answer-policy';
import { deriveThresholds, readCalibration } from './calibration';
import { loadContent } from './content-loader';
import { QueryExpander, type Unit } from './query-expansion';
import { bestCoverage, rankEntries, type Candidate } from './ranking';
import { SearchIndex } from './search-index';
import { EntryVectors } from './entry-vectors';
import { searchWords } from './content-terms';
import { abbreviationsInSlices } from './abbreviations';
import { fuse } from './fusion';
import { withLearntOrder } from './learnt-order';
import { PlainSearch } from './plain-search';
import { ContentVocabulary } from './content-vocabulary';
import { asksForServiceOnly, asksPrice } from './service-question';
import { DEFAULT_TUNING, type Tuning } from './tuning';
import { runInSlices, runToEnd } from '../limits/event-loop';
import { askedFor, type FaqAnswer, type FaqEntry, type FaqService } from './types';

/** Answers kept for questions asked lately, the least recently asked forgotten first. */
const RECENT_QUESTIONS = 1_000;

export interface FaqServiceOptions {
  readonly thresholds?: Partial<AnswerThresholds>;
  /** Other values of the chosen constants: for `npm run bench:faq -- --tune` only. */
  readonly tuning?: Partial<Tuning>;
}

/** What the search made of a question: for the benchmark and calibration, never shown to users. */
export interface Explanation {
  units: Unit[];
  candidates: Candidate[];
  /** Whether the question speaks the content's own recurring vocabulary (see content-vocabulary.ts). */
  onTopic: boolean;
  /** Whether the asker speaks of themselves ("my", "I", "we"). */
  aboutAsker: boolean;
  /** Whether the question names a thing the content never names (see Unit.unnamed). */
  namesAbsent: boolean;
  /** Whether the question asks for a service and says nothing of data nor the content's most recurring words (service-question.ts). */
  serviceOnly: boolean;
  /** Whether it asks what something costs: a service question no heading answers (service-question.ts). */
  asksPrice: boolean;
  /** The entry plain lunr puts first, if any. */
  plainFirst?: FaqEntry;
}

export interface ExplainingFaqService extends FaqService {
  explain(question: string): Explanation;
  /** The answer searched for anew, past the cache of recent questions: what bench:faq times. */
  search(question: string): FaqAnswer;
  readonly thresholds: AnswerThresholds;
}

/** Anything that is not a string (a card payload gone wrong) is an empty question. */
function questionText(question: unknown): string {
  return typeof question === 'string' ? question.slice(0, MAX_SEARCHED_CHARS) : '';
}

/** Questions alike in their words are one question: what the verbatim phrasings and the cache are keyed by. */
function wordsKey(text: string): string {
  return searchWords(text).join(' ');
}

export function createFaqService(entries: FaqEntry[], options: FaqServiceOptions = {}): ExplainingFaqService {
  return runToEnd(buildSteps(entries, options));
}

/**
 * The same service, built in slices with the event loop free between them: for a rebuild while the
 * bot answers (what was taught), so that no turn waits for a whole build. Each slice is one of the
 * build's steps or a few entries of one (the index, the vectors and lunr's index go an entry at a time).
 */
export function createFaqServiceInSlices(entries: FaqEntry[], options: FaqServiceOptions = {}): Promise<ExplainingFaqService> {
  return runInSlices(buildSteps(entries, options));
}

/** The build, a step at a time: each `yield` is a point where the event loop may run between steps. */
function* buildSteps(entries: FaqEntry[], options: FaqServiceOptions): Generator<void, ExplainingFaqService> {
  const frozen: readonly FaqEntry[] = Object.freeze(
    entries.map((entry) =>
      Object.freeze({
        ...entry,
        alsoAsked: Object.freeze([...entry.alsoAsked]),
        taught: Object.freeze([...(entry.taught ?? [])]),
        source: Object.freeze({ ...entry.source }),
      }),
    ),
  );
  const byId = new Map(frozen.map((entry) => [entry.id, entry]));
  const tuning: Tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const index = yield* SearchIndex.build(frozen, tuning);
  const abbreviations = yield* abbreviationsInSlices(frozen);
  const expander = yield* QueryExpander.build(index, tuning, abbreviations);
  const defined: ReadonlySet<string> = new Set(abbreviations.keys());
  yield;
  // Closeness in meaning is measured only when it counts (a closeness weight above 0).
  const vectors = tuning.closenessWeight > 0 ? yield* EntryVectors.build(frozen) : undefined;
  const plain = yield* PlainSearch.build(frozen);
  const vocabulary = new ContentVocabulary(index, tuning.coreShare, tuning.recurringMinWeight);
  const mainVocabulary = tuning.serviceShare > 0 ? new ContentVocabulary(index, tuning.serviceShare, tuning.recurringMinWeight) : undefined;
  const ourRanking = (units: Unit[]): Candidate[] =>
    rankEntries(index, units, vectors?.similarities(units.flatMap((unit) => unit.text.split(' '))), tuning.closenessWeight, tuning);
  const explain = (question: unknown): Explanation => {
    const text = questionText(question);
    const units = expander.units(text);
    const plainRanked = plain.search(text);
    const fused = fuse(ourRanking(units), plainRanked, frozen, {
      depth: tuning.fusionDepth,
      ours: tuning.fusionOurs,
      headingRatio: tuning.plainHeadingRatio,
    });
    const candidates = withLearntOrder(fused, tuning);
    return {
      units,
      candidates,
      plainFirst: plainRanked[0] === undefined ? undefined : frozen[plainRanked[0].doc],
      onTopic: vocabulary.speaks(units),
      aboutAsker: expander.aboutAsker(text),
      namesAbsent: units.some((unit) => unit.unnamed),
      serviceOnly: mainVocabulary !== undefined && asksForServiceOnly(text, defined) && !mainVocabulary.speaks(units),
      asksPrice: asksPrice(text),
    };
  };
  const set = options.thresholds ?? {};
  // Derived from the content unless the organisation set every level itself.
  const everySet =
    set.minCoverage !== undefined && set.answerCoverage !== undefined && set.answerLead !== undefined && set.minCoverageWithoutPrivacy !== undefined;
  const derived = everySet
    ? undefined
    : deriveThresholds({
        answerLead: tuning.answerLead,
        randomDeclined: tuning.randomDeclined,
        coverageOf: (q) => ourRanking(expander.units(q))[0]?.coverage ?? 0,
        bestCoverageOf: (q) => bestCoverage(index, expander.units(q), tuning),
        onTopic: (q) => vocabulary.speaks(expander.units(q)),
        contentWords: index.contentWords(),
      });
  const thresholds: AnswerThresholds = Object.freeze({ ...derived, ...set } as AnswerThresholds);
  yield;

  // A question that is an entry's heading or one of its `Also asked:` phrasings, word for word, is that entry.
  const verbatim = new Map<string, FaqEntry>();
  for (const entry of frozen) for (const phrasing of [...askedFor(entry), entry.title]) verbatim.set(wordsKey(phrasing), entry);
  const search = (text: string, key = wordsKey(text)): FaqAnswer => {
    const explanation = explain(text);
    const named = verbatim.get(key);
    if (named) return { entry: named, related: relatedTo(named, explanation.candidates, frozen), candidates: [], confidence: 1 };
    return choose(
      explanation,
      thresholds,
      frozen,
      { lead: tuning.agreedLead, covers: tuning.agreedCovers > 0, coverageShare: tuning.agreedCoverageShare },
      tuning,
    );
  };
  // People ask the same few things again and again (after a notice, hundreds ask alike): a question
  // seen lately is not searched again. Everything the search reads is its words and the content,
  // which never changes while the bot runs, so the answer is the same.
  const recent = new Map<string, FaqAnswer>();
  const answer = (question: unknown): FaqAnswer => {
    const text = questionText(question);
    const key = wordsKey(text);
    const known = recent.get(key);
    if (known) {
      recent.delete(key);
      recent.set(key, known);
      return known;
    }
    const found = search(text, key);
    const kept = Object.freeze({ ...found, related: Object.freeze([...found.related]), candidates: Object.freeze([...found.candidates]) }) as FaqAnswer;
    recent.set(key, kept);
    if (recent.size > RECENT_QUESTIONS) recent.delete(recent.keys().next().value!);
    return kept;
  };

  return {
    entries: frozen,
    thresholds,
    getEntry: (id) => byId.get(id),
    relatedTo: (entry) => relatedTo(entry, explain(entry.title).candidates, frozen),
    explain,
    search: (question) => search(questionText(question)),
    answer,
  };
}

/** The service over a content dir: its Markdown, and its calibration.json if there is one. */
export function loadFaqService(contentDir: string): ExplainingFaqService {
  return createFaqService(loadContent(contentDir), { thresholds: readCalibration(contentDir) });
}
