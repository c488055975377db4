/**
 * From ranked candidates to what the user gets: one answer, "Did you mean…" with two or three
 * entries, or "not covered". An answer needs enough of the question covered; it needs a clear lead
 * over the runner-up too, or the bot asks instead of guessing.
 *
 * The lead weighs three things: how much of the question the best entry covers (a full
 * cover may win narrowly; a partial one needs a wide margin), how far the runner-up trails it in
 * rank, and how much more of the question the best entry's heading (or `Also asked:`) says than the
 * runner-up's, since a heading says what an entry is about more than any sentence of its body.
 */
import type { Candidate } from './ranking';
import { DEFAULT_TUNING, type Tuning } from './tuning';
import type { FaqAnswer, FaqEntry } from './types';

export const MAX_RELATED = 3;
const MAX_CANDIDATES = 3;

export interface AnswerThresholds {
  /** Coverage the best entry needs for the question to count as covered at all. */
  readonly minCoverage: number;
  /** Coverage the best entry needs to be given as the answer; below it, "Did you mean…". */
  readonly answerCoverage: number;
  /** The lead over the runner-up (-1..1, see above) the best entry needs to be given as the answer. */
  readonly answerLead: number;
  /**
   * Coverage the best entry needs when the question speaks none of the content's recurring
   * vocabulary (see content-vocabulary.ts; the name is kept for calibration.json): it shares only
   * the organisation's own words with the content, which off-topic questions about the organisation
   * do too ("which bus goes to the museum" to a museum's notice).
   */
  readonly minCoverageWithoutPrivacy: number;
}

/**
 * How much a heading's lead counts beside coverage and the runner-up's distance, and the share of the
 * best's score below which a candidate is not worth offering: chosen leave-one-policy-out (tuning.ts).
 */
export type PolicyWeights = Pick<Tuning, 'headingLeadWeight' | 'minCandidateShare'>;

/** The best entry's lead over the runner-up: coverage, minus how close the runner-up comes, plus the heading's lead. */
export function leadOf(top: Candidate, second: Candidate | undefined, headingLeadWeight = DEFAULT_TUNING.headingLeadWeight): number {
  if (!second) return top.coverage;
  // In words matched alone: the runner-up may match more than the best, which is then nearer in meaning.
  const close = top.matchScore > 0 ? Math.min(1, second.matchScore / top.matchScore) : 1;
  return top.coverage - close + headingLeadWeight * (top.headingCoverage - second.headingCoverage);
}

/** What plain lunr putting our best entry first (two searches agreeing) is allowed to change. */
export interface PlainAgreement {
  /** The lead an answer needs then (never more than answerLead); answerLead when unset. */
  readonly lead?: number;
  /**
   * Whether the agreement counts as the content covering a question that speaks none of its recurring
   * vocabulary, once the entry covers the general level (minCoverage).
   */
  readonly covers?: boolean;
  /**
   * The share of minCoverage enough for a question in the content's recurring vocabulary when plain
   * lunr puts the same entry first and its heading says part of what was asked (1: no lower level).
   */
  readonly coverageShare?: number;
}

/**
 * Below minCoverage: not covered. Below answerCoverage, with less than answerLead over the
 * runner-up, or when the question names a thing the content never names: "Did you mean…" with the best entries (up to three, the best first). Otherwise the best
 * entry is the answer.
 */
export function choose(
  question: Readonly<{
    candidates: readonly Candidate[];
    onTopic: boolean;
    aboutAsker: boolean;
    namesAbsent: boolean;
    serviceOnly?: boolean;
    asksPrice?: boolean;
    plainFirst?: FaqEntry;
  }>,
  thresholds: AnswerThresholds,
  allEntries: readonly FaqEntry[],
  agreement: PlainAgreement = {},
  weights: PolicyWeights = DEFAULT_TUNING,
): FaqAnswer {
  const agreedLead = agreement.lead ?? thresholds.answerLead;
  const { candidates } = question;
  const [top, second] = candidates;
  // Whether the content covers the question at all is for our own best match to say; which entry
  // answers it, for the fused order.
  const best = candidates.reduce<Candidate | undefined>((found, candidate) => (!found || candidate.score > found.score ? candidate : found), undefined);
  // A request for a service that says nothing of data is not answered by the entry that mentions the
  // service, unless that entry's heading says the whole question: then the entry is about what was asked,
  // though never about its price ("how much is a day pass" to "Day passes").
  if (!top || !best || (question.serviceOnly && (question.asksPrice || !headingSaysAll(top))) || !covers(best, question, thresholds, agreement))
    return { related: [], candidates: [], confidence: best ? round(best.coverage * 0.5) : 0 };
  const lead = leadOf(top, second, weights.headingLeadWeight);
  // 0..1: the lead mapped from its usual range (-1..1), scaled by coverage.
  const confidence = round(Math.min(1, top.coverage) * Math.max(0, Math.min(1, (lead + 1) / 2)));
  // A question about something the content never names (its officer, say) is not answered by what
  // the content says of the name's words: the asker picks, or asks the privacy team.
  // Where plain search puts the same entry first, two rankings agree: a smaller lead is enough.
  const needed = question.plainFirst === top.entry ? Math.min(agreedLead, thresholds.answerLead) : thresholds.answerLead;
  if (question.namesAbsent || lead < needed || top.coverage < thresholds.answerCoverage) {
    const offered = candidates.filter((candidate) => candidate.score >= best.score * weights.minCandidateShare).slice(0, MAX_CANDIDATES);
    return { related: [], candidates: offered.map((candidate) => candidate.entry), confidence };
  }
  return { entry: top.entry, related: relatedTo(top.entry, candidates, allEntries), candidates: [], confidence };
}

/**
 * Whether the best entry covers enough of the question. A question that speaks none of the content's
 * recurring vocabulary shares only the organisation's own words with it, as off-topic questions
 * about the organisation do ("which bus goes to the museum"), so it needs more: enough coverage for
 * a question of that kind, or a heading (or `Also asked:`) that covers some of it. An entry whose
 * heading says what was asked is about it; one that only mentions it in passing is not.
 */
function covers(
  top: Candidate,
  { onTopic, plainFirst }: { onTopic: boolean; plainFirst?: FaqEntry },
  thresholds: AnswerThresholds,
  agreement: PlainAgreement,
): boolean {
  // Two searches that share nothing but the content agree on an entry whose heading says part of
  // what was asked, in the content's own recurring words: a little less of the question is enough.
  const agreed = plainFirst === top.entry;
  if (onTopic && agreed && top.headingCoverage > 0 && top.coverage >= (agreement.coverageShare ?? 1) * thresholds.minCoverage) return true;
  if (top.coverage < thresholds.minCoverage) return false;
  if (onTopic) return true;
  // Plain lunr, which knows nothing of our coverage, puts the same entry first: two searches agree on it.
  if (agreement.covers === true && agreed) return true;
  return top.coverage >= Math.max(thresholds.minCoverage, thresholds.minCoverageWithoutPrivacy) || top.headingCoverage >= thresholds.minCoverage;
}

/** Coverage is a sum of shares: this much is all of the question. */
const WHOLE = 0.999;

/**
 * Whether the candidate's heading (or an `Also asked:` line) says everything the question asks
 * ("what is the rewards club" to "The Rewards Club").
 */
function headingSaysAll(candidate: Candidate | undefined): boolean {
  return candidate !== undefined && candidate.headingCoverage >= WHOLE;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Plain lunr's first hits are always worth a related link: the plain search would have shown them. */
const RELATED_PLAIN_PLACES = 3;

/** For an answer: the next best hits for the question (ours, and plain lunr's first), then entries of the same part. */
export function relatedTo(answer: FaqEntry, candidates: readonly Candidate[], allEntries: readonly FaqEntry[]): FaqEntry[] {
  const related: FaqEntry[] = [];
  const add = (entry: FaqEntry) => {
    if (related.length < MAX_RELATED && entry.id !== answer.id && !related.some((other) => other.id === entry.id)) related.push(entry);
  };
  const best = candidates.find((candidate) => candidate.entry.id === answer.id) ?? candidates[0];
  for (const candidate of candidates) {
    const ours = best !== undefined && candidate.score >= best.score * 0.25 && candidate.coverage > 0.2;
    if (ours || (candidate.plainPlace ?? Infinity) < RELATED_PLAIN_PLACES) add(candidate.entry);
  }
  for (const entry of allEntries) if (entry.part === answer.part) add(entry);
  return related;
}
