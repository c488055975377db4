/**
 * Wires privacy requests: the form-token key, the outbox, the webhook client, the status API, the
 * daily digest and retention, and the Teams feature. Kept out of app.ts so the composition root
 * reads as a list of capabilities.
 */
import type { LookupFunction } from 'node:net';
import type { Server } from 'restify';
import { registerRequestStatusRoute } from '../http/request-status-route';
import { alertAdminsOfDeadLetter } from '../requests/admin-alerts';
import { PROBE_EVERY_MS, RequestDelivery } from '../requests/delivery';
import { DeliveryHold } from '../requests/delivery-hold';
import { DailyDigest } from '../requests/digest';
import { FormTokens } from '../ids/form-token';
import { Housekeeping } from '../storage/housekeeping';
import { RequestProgress } from '../requests/progress';
import { OUTBOX_COLLECTION, RequestService, type DeliveryJob } from '../requests/request-service';
import { RequestRetention } from '../requests/retention';
import { SeenWebhookIds } from '../requests/status-signature';
import { entraTokenSource } from '../requests/token-source';
import { WebhookClient } from '../requests/webhook-client';
import { WorkQueue } from '../storage/work-queue';
import { WorkRunner } from '../storage/work-runner';
import { observedProgress, tracedHandler } from '../telemetry/observed';
import { SPAN } from '../telemetry/spans';
import type { Feature } from '../teams/feature';
import { RequestWithdrawalFeature } from '../teams/request-withdrawal';
import { RequestsFeature } from '../teams/requests-feature';
import type { NotificationParts } from './notifications';
import type { SharedParts } from './shared-parts';

/** Longer than one delivery can take (15 s timeout, a token fetch, a retry after 401). */
const OUTBOX_LEASE_MS = 60_000;
/** How often each instance looks for a digest to send, requests to erase and webhook ids to forget. */
const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

export interface RequestsParts {
  readonly service: RequestService;
  /** Status changes and withdrawals: the console changes a status through it, as the status API does. */
  readonly progress: Pick<RequestProgress, 'report' | 'withdraw'>;
  /** The request outbox, for the depth gauges. */
  readonly queue: Pick<WorkQueue<DeliveryJob>, 'depth'>;
  /** Requests, and withdrawing them. */
  readonly features: readonly Feature[];
  readonly worker: { start(): void; stop(): Promise<void> };
  registerRoutes(server: Server): void;
}

export async function wireRequests(
  deps: SharedParts & {
    readonly notifications: NotificationParts;
    readonly webhookResolver?: LookupFunction;
    /** The time for everything that counts days (due dates, reminders, retention): tests move it. */
    readonly clock: () => number;
    readonly housekeepingEveryMs?: number;
    readonly onHousekeepingRound?: (chores: readonly string[]) => void;
    readonly probeEveryMs?: number;
  },
): Promise<RequestsParts> {
  const { config, store, logger, clock } = deps;
  const notifications = deps.notifications.outbox;
  const outbox = new WorkQueue<DeliveryJob>(store, OUTBOX_COLLECTION, {
    owner: deps.instanceId,
    leaseMs: OUTBOX_LEASE_MS,
    soleInstance: !store.sharedByInstances,
  });
  const tokens = await FormTokens.load(store, { ttlDays: config.formTokenTtlDays });
  const service = new RequestService({ store, outbox, tokens, dueDays: config.requestDueDays, now: () => new Date(clock()) });
  const progress = new RequestProgress({ store, requests: service, notifications, dueDays: config.requestDueDays, now: clock });
  // Status calls and withdrawals, as the status API and Teams make them: in a span, counted.
  const statusChanges = observedProgress(progress, deps.metrics);
  const feature = new RequestsFeature({
    requests: service,
    proactive: deps.proactive,
    adminIds: config.privacyAdminIds,
    logger,
    metrics: deps.metrics,
    deliveryHeld: () => delivery.holding,
  });
  const withdrawal = new RequestWithdrawalFeature({ requests: service, progress: statusChanges, logger });
  feature.registerNotifications(deps.notifications.messenger);

  const webhook = config.webhook.url
    ? new WebhookClient({
        url: config.webhook.url,
        secrets: config.webhook.secrets,
        tokens: config.webhook.scope ? entraTokenSource(config.webhook.scope) : undefined,
        resolve: deps.webhookResolver,
      })
    : undefined;
  if (!webhook) logger.warn({ code: 'CONFIG_INVALID' }, 'PRIVACY_WEBHOOK_URL is empty: requests are kept in the outbox until it is set');

  const delivery = new RequestDelivery({
    store,
    outbox,
    send: webhook ? (eventId, body) => webhook.send(eventId, body) : undefined,
    retry: { baseMs: config.webhook.retryBaseMs, maxMs: config.webhook.retryMaxMs, maxAttempts: config.webhook.maxAttempts },
    logger,
    metrics: deps.metrics,
    onDeadLetter: alertAdminsOfDeadLetter(config.privacyAdminIds, notifications),
    hold: new DeliveryHold({ store, notifications, adminIds: config.privacyAdminIds, now: clock }),
    probeEveryMs: deps.probeEveryMs,
  });
  // Every instance probes the events it put back, so each sees a returning receiver within a minute.
  const probing = new Housekeeping(
    [{ name: 'webhook-probe', run: () => delivery.probe() }],
    deps.probeEveryMs ?? PROBE_EVERY_MS,
    logger,
    deps.onHousekeepingRound,
  );
  const handle = tracedHandler(SPAN.delivery, delivery.handle, (claim) => ({ 'privacy.event': claim.item.payload.event ?? 'created' }));
  const runner = new WorkRunner({ name: 'request-outbox', queue: outbox, handle, logger, concurrency: 8 });

  const seen = new SeenWebhookIds(store, clock);
  const digest = new DailyDigest({
    store,
    requests: service,
    notifications,
    adminIds: config.privacyAdminIds,
    reminderDays: config.requests.reminderDays,
    owner: deps.instanceId,
    now: clock,
  });
  const retention = new RequestRetention({ store, requests: service, retentionDays: config.requests.retentionDays, now: clock });
  const housekeeping = new Housekeeping(
    [
      { name: 'request-digest', run: () => digest.sendIfDue() },
      { name: 'request-retention', run: () => retention.sweep() },
      { name: 'status-webhook-ids', run: () => seen.forgetExpired() },
    ],
    deps.housekeepingEveryMs ?? HOUSEKEEPING_EVERY_MS,
    logger,
    deps.onHousekeepingRound,
  );

  const failed = (what: string) => (err: unknown) => logger.error({ err: String((err as Error)?.name) }, `${what} failed`);
  return {
    service,
    progress: statusChanges,
    queue: outbox,
    features: [feature, withdrawal],
    registerRoutes: (server) =>
      registerRequestStatusRoute(server, {
        token: config.requests.statusToken,
        secrets: config.webhook.secrets,
        progress: statusChanges,
        seen,
        logger,
        now: clock,
      }),
    worker: {
      start() {
        runner.start();
        housekeeping.start();
        probing.start();
        // Anything stored but never queued (a crash between the two writes) is queued now, and with
        // a webhook to send to, whatever waits for a later attempt goes now.
        service.requeueUndelivered({ deliverNow: webhook !== undefined }).catch(failed('requeue of undelivered requests'));
        progress.tellUntold().catch(failed('telling requesters of untold changes'));
      },
      stop: async () => {
        await Promise.all([runner.stop(), housekeeping.stop(), probing.stop()]);
      },
    },
  };
}
