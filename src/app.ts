/**
 * Composition root: builds every part from the config and wires them. It does not listen on its
 * own: `listen()` does, so tests boot the real thing on port 0.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo, LookupFunction } from 'node:net';
import type { Server } from 'restify';
import { configSummary, type Config } from './config';
import { loadFaqService } from './faq/faq-service';
import type { FaqService } from './faq/types';
import { registerHealthRoute } from './http/health-route';
import { registerMessagesRoute } from './http/messages-route';
import { createHttpServer } from './http/server';
import { teamsPacing } from './limits/teams-rate-limiter';
import { createLogger, type Logger } from './logger';
import { FEATURED_REQUEST_KINDS } from './requests/kinds';
import { createStore } from './storage';
import type { Store } from './storage/store';
import { activityProcessor, createAdapter, type BotFrameworkKeys } from './teams/adapter';
import { PrivacyBot } from './teams/bot';
import { CardActionRouter } from './teams/card-actions';
import { FaqFeature } from './teams/faq-feature';
import type { Feature } from './teams/feature';
import { WelcomeFeature } from './teams/welcome-feature';
import { wireNotices } from './wiring/notices';
import { wireNotifications } from './wiring/notifications';
import { wireQuestions } from './wiring/questions';
import { wireRequests } from './wiring/requests';
import { personLimits } from './teams/person-limits';
import { Proactive } from './teams/proactive';
import { requestFollowUps } from './teams/requests-feature';

export interface AppOptions {
  readonly logger?: Logger;
  /** A store built elsewhere (tests share one between two app instances). */
  readonly store?: Store;
  /** Epoch ms for everything that counts days (due dates, reminders, retention): tests move it instead of waiting. */
  readonly clock?: () => number;
  /** How often the daily digest and retention are looked at (default ten minutes; six hours for questions). */
  readonly housekeepingEveryMs?: number;
  /** How often held webhook deliveries are probed (PROBE_EVERY_MS by default): tests shorten it. */
  readonly webhookProbeEveryMs?: number;
  /**
   * The resolver the webhook's host name is looked up with; the system's by default. Tests give a
   * table, to have a name resolve to a metadata address: the bot's own check then runs on its answers.
   */
  readonly webhookResolver?: LookupFunction;
  /** Where Bot Framework token signing keys come from: Microsoft's by default; tests run their own issuer. */
  readonly botFrameworkKeys?: BotFrameworkKeys;
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

export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const instanceId = randomUUID();
  // The index is built once here and reused for every question.
  const faq = loadFaqService(config.contentDir);
  const store = options.store ?? (await createStore(config));
  const workers: BackgroundWorker[] = [];

  const adapter = createAdapter(config, logger, options.botFrameworkKeys);
  adapter.use(personLimits(logger));
  const proactive = new Proactive(adapter, config.bot.id);
  // Instances sharing a store share each tenant's rate through it; the file store has one instance.
  const pacing = teamsPacing(config.notices.maxRps, store);

  const notifications = wireNotifications({ store, logger, instanceId, proactive, pacing });
  const requests = await wireRequests({
    config,
    store,
    logger,
    instanceId,
    proactive,
    pacing,
    notifications,
    webhookResolver: options.webhookResolver,
    clock: options.clock ?? Date.now,
    housekeepingEveryMs: options.housekeepingEveryMs,
    probeEveryMs: options.webhookProbeEveryMs,
  });
  const notices = wireNotices({ config, store, logger, instanceId, proactive, pacing });
  const questions = await wireQuestions({ config, store, logger, instanceId, proactive, pacing, notifications, faq, now: options.clock, eraseEveryMs: options.housekeepingEveryMs });
  workers.push(notifications.worker, requests.worker, notices.worker, questions.worker);

  const welcome = new WelcomeFeature({ requestKinds: FEATURED_REQUEST_KINDS });
  const features: Feature[] = [
    welcome,
    ...requests.features,
    ...notices.features,
    questions.feature,
    new FaqFeature({
      faq,
      store,
      logger,
      notCoveredCard: (turn, actions) => welcome.card(turn, true, actions),
      followUpsFor: requestFollowUps,
      askFor: questions.askFor,
      onNotCovered: questions.onNotCovered,
    }),
  ];

  const router = new CardActionRouter();
  const bot = new PrivacyBot(features, router, logger);
  router.requireEveryVerb();

  const server = createHttpServer(logger);
  registerHealthRoute(server, store, logger);
  registerMessagesRoute(server, { teams: activityProcessor(adapter, (turn) => bot.run(turn)), logger });
  notices.registerRoutes(server);
  requests.registerRoutes(server);
  questions.registerRoutes(server);

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
      logger.info({ ...configSummary(config), port: address.port, entries: faq.entries.length, store: store.description, instanceId }, 'privacy assistant serving');
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
        await store.close();
      })();
      return stopping;
    },
  };
  return app;
}
