/**
 * What the content is missing, for the privacy team: over the last INSIGHTS_DAYS days, the
 * questions the bot could not answer (grouped by similarity, with counts), the entries people most
 * often rated not helpful, the questions sent to the team, and the Markdown that would let the bot
 * answer the team's answered questions itself. Nothing here names who asked.
 */
import type { FaqEntry } from '../faq/types';
import { contentPaste, type ContentPaste } from './content-paste';
import { UNANSWERED_RETENTION_DAYS, type ContentGaps } from './content-gaps';
import type { QuestionService } from './question-service';
import { inSlices } from '../limits/event-loop';
import { SimilarGroups } from './similar';
import type { Suggestion } from './suggestions';
import type { Question, QuestionStatus } from './types';

export const INSIGHTS_DAYS = 30;
const DAY_MS = 86_400_000;
/** The most recent this many unanswered questions are grouped: plenty to see a pattern, and a bound on the work. */
export const MAX_GROUPED = 2000;
const MAX_LISTED = 25;
/** Questions to the team listed (newest first): a card or an answer of any size would not be read past this. */
const MAX_SENT_LISTED = 200;

/** A "Was this helpful?" on an FAQ answer, as the FAQ feature keeps it: the entry and the verdict, no question. */
export interface EntryRating {
  readonly entryId: string;
  readonly helpful: boolean;
  readonly at: string;
}

export interface Insights {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly retentionDays: number;
  readonly unanswered: ReadonlyArray<{ readonly question: string; readonly count: number; readonly examples: readonly string[]; readonly lastAskedAt: string }>;
  readonly notHelpful: ReadonlyArray<{
    readonly entryId: string;
    readonly title: string;
    readonly file: string;
    readonly notHelpful: number;
    readonly ratings: number;
  }>;
  readonly sentToTeam: ReadonlyArray<{
    readonly id: string;
    readonly question: string;
    readonly status: QuestionStatus;
    readonly askedAt: string;
    readonly answeredAt?: string;
    readonly entryId?: string;
    readonly helpful?: boolean;
  }>;
  readonly paste: readonly ContentPaste[];
  /** Questions people answered themselves through "Did you mean…": the team accepts (teaches) or dismisses each. */
  readonly suggestions: ReadonlyArray<{
    readonly id: string;
    readonly question: string;
    readonly entryId: string;
    readonly title: string;
    readonly count: number;
    readonly lastAt: string;
  }>;
}

export interface InsightsOptions {
  readonly gaps: ContentGaps;
  readonly questions: Pick<QuestionService, 'askedSince'>;
  readonly ratings: () => Promise<readonly EntryRating[]>;
  readonly entryOf: (id: string) => FaqEntry | undefined;
  readonly suggestions?: () => Promise<readonly Suggestion[]>;
  readonly now?: () => number;
}

export class InsightsService {
  private readonly now: () => number;

  constructor(private readonly options: InsightsOptions) {
    this.now = options.now ?? Date.now;
  }

  async compute(): Promise<Insights> {
    const { gaps, questions, entryOf } = this.options;
    const to = this.now();
    const from = to - INSIGHTS_DAYS * DAY_MS;
    const fromIso = new Date(from).toISOString();
    const [unanswered, sent, ratings, suggested] = await Promise.all([
      gaps.since(from, MAX_GROUPED),
      questions.askedSince(from),
      this.options.ratings(),
      this.options.suggestions?.() ?? [],
    ]);

    const grouping = new SimilarGroups<(typeof unanswered)[number]>((item) => item.text);
    await inSlices(unanswered, (item) => grouping.add(item));
    const groups = grouping.largest(MAX_LISTED);
    const perEntry = new Map<string, { notHelpful: number; ratings: number }>();
    for (const rating of ratings) {
      if (rating.at < fromIso) continue;
      const counts = perEntry.get(rating.entryId) ?? { notHelpful: 0, ratings: 0 };
      counts.ratings++;
      if (!rating.helpful) counts.notHelpful++;
      perEntry.set(rating.entryId, counts);
    }
    const notHelpful = [...perEntry.entries()]
      .filter(([, counts]) => counts.notHelpful > 0)
      .map(([entryId, counts]) => ({ entryId, entry: entryOf(entryId), ...counts }))
      // An entry no longer in the content cannot be improved: it is left out.
      .filter((item): item is typeof item & { entry: FaqEntry } => item.entry !== undefined)
      .sort((a, b) => b.notHelpful - a.notHelpful || b.notHelpful / b.ratings - a.notHelpful / a.ratings)
      .slice(0, MAX_LISTED)
      .map(({ entryId, entry, notHelpful: count, ratings: total }) => ({
        entryId,
        title: entry.title,
        file: entry.source.file,
        notHelpful: count,
        ratings: total,
      }));

    const newestFirst = [...sent].sort((a, b) => b.askedAt.localeCompare(a.askedAt)).slice(0, MAX_SENT_LISTED);
    return {
      from: fromIso,
      to: new Date(to).toISOString(),
      days: INSIGHTS_DAYS,
      retentionDays: UNANSWERED_RETENTION_DAYS,
      unanswered: groups.map((group) => ({
        question: group.representative.text,
        count: group.members.length,
        examples: [...new Set(group.members.map((member) => member.text))].filter((text) => text !== group.representative.text).slice(0, 3),
        lastAskedAt: group.members.reduce((last, member) => (member.at > last ? member.at : last), ''),
      })),
      notHelpful,
      sentToTeam: newestFirst.map((question) => ({
        id: question.id,
        question: question.text,
        status: question.status,
        askedAt: question.askedAt,
        ...(question.answer ? { answeredAt: question.answer.at } : {}),
        ...(question.entryId ? { entryId: question.entryId } : {}),
        ...(question.rating ? { helpful: question.rating.helpful } : {}),
      })),
      suggestions: suggested.flatMap((item) => {
        // A suggestion for an entry no longer there cannot be accepted: it is left out.
        const entry = entryOf(item.entryId);
        return entry ? [{ id: item.id, question: item.question, entryId: item.entryId, title: entry.title, count: item.count, lastAt: item.lastAt }] : [];
      }),
      paste: newestFirst.map((question) => contentPaste(question, pasteEntry(question, entryOf))).filter((item): item is ContentPaste => item !== undefined),
    };
  }
}

/** The entry a pasted `Also asked:` line belongs to: the one the team chose, or else the one the asker was reading. */
function pasteEntry(question: Question, entryOf: (id: string) => FaqEntry | undefined): FaqEntry | undefined {
  const id = question.answer?.entryId ?? question.entryId;
  return id ? entryOf(id) : undefined;
}
