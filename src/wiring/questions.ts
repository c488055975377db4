/**
 * Wires "Ask the privacy team" and the content insights: the question service and its ticket queue,
 * the Teams ticket board and feature, the log of unanswered questions, and GET /api/insights.
 */
import type { Server } from 'restify';
import { registerInsightsRoute } from '../http/insights-route';
import { ContentGaps } from '../questions/content-gaps';
import { InsightsService, type EntryRating } from '../questions/insights';
import { QuestionService, TICKET_WORK_COLLECTION, type TicketJob, type UnansweredLink } from '../questions/question-service';
import { QuestionRetention } from '../questions/retention';
import { ticketFailedAlerts } from '../questions/ticket-alerts';
import { TicketSync } from '../questions/ticket-sync';
import { FormTokens } from '../ids/form-token';
import type { UserRef } from '../ids/person-key';
import { Housekeeping } from '../storage/housekeeping';
import { forEachPage } from '../storage/store';
import { WorkQueue } from '../storage/work-queue';
import { WorkRunner } from '../storage/work-runner';
import { FEEDBACK_COLLECTION, type FeedbackRecord } from '../teams/faq-feature';
import { LearnedFeature } from '../teams/learned-feature';
import { QuestionsFeature } from '../teams/questions-feature';
import { languageOfLocale } from '../strings';
import { TeamsTicketBoard } from '../teams/ticket-board';
import type { LearningParts } from './learning';
import type { NotificationParts } from './notifications';
import type { SharedParts } from './shared-parts';

/** A post takes well under a second; a minute leaves room for a slow connector before another instance retakes it. */
const TICKET_LEASE_MS = 60_000;
/**
 * Unanswered questions and questions to the team past their retention are erased this often (and
 * unanswered ones whenever insights are looked at).
 */
const ERASE_EVERY_MS = 6 * 60 * 60_000;

export async function wireQuestions(
  deps: SharedParts & {
    readonly notifications: NotificationParts;
    /** The live FAQ (content and taught), the taught content and the suggestions. */
    readonly learning: LearningParts;
    /** The clock for dates questions are kept and shown by; tests move it. Work queues keep real time. */
    readonly now?: () => number;
    /** How often retention is looked at; tests make it short. */
    readonly eraseEveryMs?: number;
    readonly onHousekeepingRound?: (chores: readonly string[]) => void;
  },
) {
  const { config, store, logger, now } = deps;
  const { faq, learned, suggestions } = deps.learning;
  const entryOf = (id: string) => faq.getEntry(id);
  const queue = new WorkQueue<TicketJob>(store, TICKET_WORK_COLLECTION, {
    owner: deps.instanceId,
    leaseMs: TICKET_LEASE_MS,
    soleInstance: !store.sharedByInstances,
  });
  const service = new QuestionService({
    store,
    queue,
    outbox: deps.notifications.outbox,
    // The same key and lifetime as request forms (FORM_TOKEN_TTL_DAYS).
    tokens: await FormTokens.load(store, { ttlDays: config.formTokenTtlDays }),
    channelId: config.privacyTeamChannel,
    logger,
    metrics: deps.metrics,
    now,
    learned,
  });
  const gaps = new ContentGaps({ store, logger, now });
  const ratings = async (): Promise<EntryRating[]> => {
    // One record per person and entry: it grows with people, so it is read a page at a time.
    const all: EntryRating[] = [];
    await forEachPage<FeedbackRecord>(store, FEEDBACK_COLLECTION, {}, (items) => {
      for (const item of items) all.push(item.value);
    });
    return all;
  };
  const insights = new InsightsService({ gaps, questions: service, ratings, entryOf, suggestions: () => suggestions.list(), now });
  const feature = new QuestionsFeature({ questions: service, insights, proactive: deps.proactive, faq, adminIds: config.privacyAdminIds, logger });
  const learnedFeature = new LearnedFeature({ learned, suggestions, faq, adminIds: config.privacyAdminIds, logger });
  feature.registerNotifications(deps.notifications.messenger);

  const sync = new TicketSync({
    questions: service,
    queue,
    board: new TeamsTicketBoard(deps.proactive, faq, languageOfLocale(deps.config.contentLanguage)),
    pacing: deps.pacing,
    channelId: config.privacyTeamChannel,
    logger,
    onPostFailed: async (question, reason) => {
      for (const alert of ticketFailedAlerts(config.privacyAdminIds, question, reason)) await deps.notifications.outbox.send(alert);
    },
  });
  // One channel: the pacing spaces its posts; two in hand keep it busy.
  const runner = new WorkRunner({ name: 'tickets', queue, handle: sync.handle, logger, concurrency: 2 });
  const retention = new QuestionRetention({ store, queue, gaps, retentionDays: config.requests.retentionDays, logger, now: now ?? Date.now });
  const housekeeping = new Housekeeping(
    [
      { name: 'unanswered-keys', run: () => gaps.moveOlderKeys() },
      { name: 'unanswered-retention', run: () => gaps.eraseExpired() },
      { name: 'question-retention', run: () => retention.sweep() },
    ],
    deps.eraseEveryMs ?? ERASE_EVERY_MS,
    logger,
    deps.onHousekeepingRound,
  );
  return {
    service,
    feature,
    learnedFeature,
    insights,
    gaps,
    queue,
    /** For the FAQ feature: what to offer under answers, and where not-covered questions go. */
    askFor: feature.askFor,
    /** Records the gap; while asking is offered, the link its "Ask the privacy team" carries, bound to the person who asked. */
    onNotCovered: async (question: string, asker: UserRef | undefined): Promise<UnansweredLink | undefined> => {
      const key = await gaps.record(question);
      return key && asker && service.enabled ? service.linkUnanswered(asker, key) : undefined;
    },
    registerRoutes: (server: Server) => registerInsightsRoute(server, { token: config.notices.apiToken, insights, logger }),
    worker: {
      start() {
        runner.start();
        housekeeping.start();
        // Tickets never posted, cards behind, askers not yet told: finished now.
        service.recover().catch((err: unknown) => logger.error({ err: String((err as Error)?.name) }, 'recovery of questions failed'));
      },
      async stop() {
        await Promise.all([housekeeping.stop(), runner.stop()]);
      },
    },
  };
}
