/**
 * Wires privacy requests: the form-token key, the outbox, the webhook client and the Teams
 * feature. Kept out of app.ts so the composition root reads as a list of capabilities.
 */
import type { LookupFunction } from 'node:net';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { alertAdminsOfDeadLetter } from '../requests/admin-alerts';
import { RequestDelivery } from '../requests/delivery';
import { FormTokens } from '../requests/form-token';
import { OUTBOX_COLLECTION, RequestService, type DeliveryJob } from '../requests/request-service';
import { entraTokenSource } from '../requests/token-source';
import { WebhookClient } from '../requests/webhook-client';
import type { Store } from '../storage/store';
import { WorkQueue } from '../storage/work-queue';
import { WorkRunner } from '../storage/work-runner';
import type { Proactive } from '../teams/proactive';
import { RequestsFeature } from '../teams/requests-feature';
import type { NotificationParts } from './notifications';

/** Longer than one delivery can take (15 s timeout, a token fetch, a retry after 401). */
const OUTBOX_LEASE_MS = 60_000;

export interface RequestsParts {
  readonly service: RequestService;
  readonly feature: RequestsFeature;
  readonly worker: { start(): void; stop(): Promise<void> };
}

export async function wireRequests(deps: {
  readonly config: Config;
  readonly store: Store;
  readonly logger: Logger;
  readonly instanceId: string;
  readonly proactive: Proactive;
  readonly notifications: NotificationParts;
  readonly webhookResolver?: LookupFunction;
}): Promise<RequestsParts> {
  const { config, store, logger } = deps;
  const outbox = new WorkQueue<DeliveryJob>(store, OUTBOX_COLLECTION, { owner: deps.instanceId, leaseMs: OUTBOX_LEASE_MS, soleInstance: !store.sharedByInstances });
  const tokens = await FormTokens.load(store, { ttlDays: config.formTokenTtlDays });
  const service = new RequestService({ store, outbox, tokens, dueDays: config.requestDueDays });
  const feature = new RequestsFeature({ requests: service, proactive: deps.proactive, adminIds: config.privacyAdminIds, logger });
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
    onDeadLetter: alertAdminsOfDeadLetter(config.privacyAdminIds, deps.notifications.outbox),
  });
  const runner = new WorkRunner({ name: 'request-outbox', queue: outbox, handle: delivery.handle, logger, concurrency: 8 });
  return {
    service,
    feature,
    worker: {
      start() {
        runner.start();
        // Anything stored but never queued (a crash between the two writes) is queued now.
        service.requeueUndelivered().catch((err: unknown) => logger.error({ err: String((err as Error)?.name) }, 'requeue of undelivered requests failed'));
      },
      stop: () => runner.stop(),
    },
  };
}
