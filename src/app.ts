/**
 * Composition root: builds every part from the config and wires them. It does not listen on its
 * own: `listen()` does, so tests boot the real thing on port 0.
 */
import type { SharedParts } from './wiring/shared-parts';
import { randomUUID } from 'node:crypto';
import type { AddressInfo, LookupFunction } from 'node:net';
import type { Server } from 'restify';
import { configSummary, type Config } from './config';
import type { FaqService } from './faq/types';
import { registerHealthRoute, registerReadyRoute } from './http/health-route';
import { registerMessagesRoute } from './http/messages-route';
import { createHttpServer } from './http/server';
import { teamsPacing } from './limits/teams-rate-limiter';
import { createLogger, type Logger } from './logger';
import { FEATURED_REQUEST_KINDS } from './requests/kinds';
import { createStore } from './storage';
import type { Store } from './storage/store';
import { Housekeeping } from './storage/housekeeping';
import { activityProcessor, createAdapter, type BotFrameworkKeys } from './teams/adapter';
import { PrivacyBot } from './teams/bot';
import { LanguageFeature } from './teams/language-feature';
import { LanguagePreferences } from './languages/preferences';
import { CardActionRouter } from './teams/card-actions';
import { FaqFeature } from './teams/faq-feature';
import type { Feature } from './teams/feature';
import { WelcomeFeature } from './teams/welcome-feature';
import { wireConsole } from './wiring/console';
import { wireNotices } from './wiring/notices';
import { wireNotifications } from './wiring/notifications';
import { wireLearning } from './wiring/learning';
import { wireQuestions } from './wiring/questions';
import { wireRequests } from './wiring/requests';
import { personLimits } from './teams/person-limits';
import { Proactive } from './teams/proactive';
import { requestFollowUps } from './teams/requests-feature';
import { otelMetrics, type Metrics } from './telemetry/metrics';
import { observeQueues } from './telemetry/queue-gauges';
import { inSpan, SPAN } from './telemetry/spans';

export interface AppOptions {
  readonly logger?: Logger;
  /** A store built elsewhere (tests share one between two app instances). */
  readonly store?: Store;
  /** Epoch ms for everything that counts days (due dates, reminders, retention): tests move it instead of waiting. */
  readonly clock?: () => number;
  /** How often the daily digest and retention are looked at (default ten minutes; six hours for questions). */
  readonly housekeepingEveryMs?: number;
  /** Told after each finished housekeeping round (each feature runs its own), with the chores it ran. */
  readonly onHousekeepingRound?: (chores: readonly string[]) => void;
  /** How often held webhook deliveries are probed (PROBE_EVERY_MS by default): tests shorten it. */
  readonly webhookProbeEveryMs?: number;
  /**
   * The resolver the webhook's host name is looked up with; the system's by default. Tests give a
   * table, to have a name resolve to a metadata address: the bot's own check then runs on its answers.
   */
  readonly webhookResolver?: LookupFunction;
  /** Where Bot Framework token signing keys come from: Microsoft's by default; tests run their own issuer. */
  readonly botFrameworkKeys?: BotFrameworkKeys;
  /** How often this instance looks for content taught on another (default LEARNED_POLL_MS); tests make it short. */
  readonly learnedEveryMs?: number;
  /** Where services count what operators chart: OpenTelemetry's meter by default; tests read their own. */
  readonly metrics?: Metrics;
}

/** Background work (outbox delivery, notice fan-out) started with the server and drained on stop. */
export interface BackgroundWorker {
  start(): void;
  stop(): Promise<void>;
}

export interface App {
  readonly config: Config;
  readonly server: Server;
  readonly store: Store;
  readonly faq: FaqService;
  readonly bot: PrivacyBot;
  readonly logger: Logger;
  /** Unique per process: work-queue leases name it, so a restarted process never trusts old leases. */
  readonly instanceId: string;
  listen(port?: number, host?: string): Promise<AddressInfo>;
  stop(): Promise<void>;
}

const LANGUAGE_SWEEP_EVERY_MS = 6 * 60 * 60_000;

export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const instanceId = randomUUID();
  const store = options.store ?? (await createStore(config));
  const workers: BackgroundWorker[] = [];
  // Each language's index is built once here; what the privacy team teaches is added as it changes.
  const learning = await wireLearning({ config, store, logger, everyMs: options.learnedEveryMs, now: options.clock });
  const faq = learning.faq;
  // After startTelemetry (index.ts): a meter taken before the provider is registered stays a no-op.
  const metrics = options.metrics ?? otelMetrics();

  const adapter = createAdapter(config, logger, options.botFrameworkKeys);
  const preferences = new LanguagePreferences(store, options.clock ?? Date.now);
  const language = new LanguageFeature(preferences, logger);
  // People's languages are kept while they use the bot: those not seen for the retention period go.
  workers.push(
    new Housekeeping(
      [{ name: 'language-retention', run: () => preferences.sweep(config.requests.retentionDays) }],
      options.housekeepingEveryMs ?? LANGUAGE_SWEEP_EVERY_MS,
      logger,
    ),
  );
  adapter.use(language.middleware());
  adapter.use(personLimits(logger, metrics));
  const proactive = new Proactive(adapter, config.bot.id);
  // Instances sharing a store share each tenant's rate through it; the file store has one instance.
  const pacing = teamsPacing(config.notices.maxRps, store);
  // What every feature's wiring is handed alike.
  const shared: SharedParts = { config, store, logger, instanceId, proactive, pacing, metrics };

  const notifications = wireNotifications({
    ...shared,
    languageOf: (userId) => language.languageOfRecipient(userId),
  });
  const requests = await wireRequests({
    ...shared,
    notifications,
    webhookResolver: options.webhookResolver,
    clock: options.clock ?? Date.now,
    housekeepingEveryMs: options.housekeepingEveryMs,
    onHousekeepingRound: options.onHousekeepingRound,
    probeEveryMs: options.webhookProbeEveryMs,
  });
  const notices = wireNotices(shared);
  const questions = await wireQuestions({
    ...shared,
    notifications,
    learning,
    now: options.clock,
    eraseEveryMs: options.housekeepingEveryMs,
    onHousekeepingRound: options.onHousekeepingRound,
  });
  workers.push(learning.worker, notifications.worker, requests.worker, notices.worker, questions.worker);

  const welcome = new WelcomeFeature({ requestKinds: FEATURED_REQUEST_KINDS });
  const features: Feature[] = [
    welcome,
    language,
    ...requests.features,
    ...notices.features,
    questions.feature,
    questions.learnedFeature,
    new FaqFeature({
      faq,
      store,
      logger,
      metrics,
      notCoveredCard: (turn, actions) => welcome.card(turn, true, actions),
      followUpsFor: requestFollowUps,
      askFor: questions.askFor,
      onNotCovered: questions.onNotCovered,
      onChosenHelpful: questions.learnedFeature.onChosenHelpful,
      onOtherLanguage: (turn, contentLanguage) => language.tellContentLanguage(turn, contentLanguage),
    }),
  ];

  const router = new CardActionRouter();
  const bot = new PrivacyBot(features, router, logger);
  router.requireEveryVerb();

  const server = createHttpServer(logger);
  registerHealthRoute(server, store, logger);
  registerReadyRoute(server, { store, contentIndexed: () => faq.entries.length > 0, logger });
  // One span per turn: the replies and roster reads it sends to Teams are its children.
  const runTurn = (turn: Parameters<PrivacyBot['run']>[0]) =>
    inSpan(SPAN.turn, { 'privacy.activity_type': turn.activity.type ?? 'unknown' }, () => bot.run(turn));
  registerMessagesRoute(server, { teams: activityProcessor(adapter, runTurn), logger });
  notices.registerRoutes(server);
  requests.registerRoutes(server);
  questions.registerRoutes(server);
  learning.registerRoutes(server);
  wireConsole({
    ...shared,
    requests,
    questions,
    notices,
    faq,
    learning,
    now: options.clock,
  }).registerRoutes(server);

  const stopQueueGauges = observeQueues({
    'request-outbox': requests.queue,
    notices: notices.queue,
    notifications: notifications.queue,
    'question-tickets': questions.queue,
  });

  let stopping: Promise<void> | undefined;
  const app: App = {
    config,
    server,
    store,
    faq,
    bot,
    logger,
    instanceId,
    async listen(port = config.port, host?: string) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        const onListening = () => {
          server.removeListener('error', reject);
          resolve();
        };
        if (host) server.listen(port, host, onListening);
        else server.listen(port, onListening);
      });
      for (const worker of workers) worker.start();
      const address = server.address() as AddressInfo;
      logger.info(
        { ...configSummary(config), port: address.port, entries: faq.entries.length, contentLanguages: faq.languages, store: store.description, instanceId },
        'privacy assistant serving',
      );
      return address;
    },
    stop() {
      stopping ??= (async () => {
        // Stop taking new turns and new work together, let what is in flight finish, then close the store.
        const serverClosed = new Promise<void>((resolve) => {
          if (!server.server.listening) return resolve();
          server.close(() => resolve());
          server.server.closeIdleConnections?.();
        });
        await Promise.all([serverClosed, ...workers.map((worker) => worker.stop())]);
        stopQueueGauges();
        await store.close();
      })();
      return stopping;
    },
  };
  return app;
}
