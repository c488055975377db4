/** Wires notices: installations, the rate limiter, the fan-out queue, the Teams feature and the API. */
import type { Server } from 'restify';
import type { Config } from '../config';
import { registerNoticesRoute } from '../http/notices-route';
import type { Logger } from '../logger';
import { InstallationRegistry } from '../notices/installations';
import { NOTICE_WORK_COLLECTION, NoticeService, type NoticeJob } from '../notices/notice-service';
import { TeamsRateLimiter } from '../notices/rate-limiter';
import type { Store } from '../storage/store';
import { WorkQueue } from '../storage/work-queue';
import { WorkRunner } from '../storage/work-runner';
import { InstallationsFeature } from '../teams/installations-feature';
import { TeamsNoticePublisher } from '../teams/notice-publisher';
import { NoticesFeature } from '../teams/notices-feature';
import type { Proactive } from '../teams/proactive';

/** A post takes well under a second; a minute leaves room for a slow connector before another instance retakes it. */
const NOTICE_LEASE_MS = 60_000;

export function wireNotices(deps: { config: Config; store: Store; logger: Logger; instanceId: string; proactive: Proactive }) {
  const { config, store, logger } = deps;
  const installations = new InstallationRegistry(store);
  const queue = new WorkQueue<NoticeJob>(store, NOTICE_WORK_COLLECTION, { owner: deps.instanceId, leaseMs: NOTICE_LEASE_MS, soleInstance: !store.sharedByInstances });
  const service = new NoticeService({
    store,
    installations,
    queue,
    limiter: new TeamsRateLimiter({ perSecond: config.notices.maxRps }),
    publisher: new TeamsNoticePublisher(deps.proactive),
    logger,
  });
  const feature = new NoticesFeature({ notices: service, installations, adminIds: config.privacyAdminIds, logger });
  // Enough posts in flight to keep NOTICE_MAX_RPS busy while each waits for its slot.
  const runner = new WorkRunner({ name: 'notice-fanout', queue, handle: service.handle, logger, concurrency: Math.max(8, Math.ceil(config.notices.maxRps)) });
  return {
    service,
    features: [feature, new InstallationsFeature(installations, logger)],
    registerRoutes: (server: Server) => registerNoticesRoute(server, { token: config.notices.apiToken, notices: service, logger }),
    worker: {
      start() {
        runner.start();
        service.requeuePending().catch((err: unknown) => logger.error({ err: String((err as Error)?.name) }, 'requeue of pending notice targets failed'));
      },
      stop: () => runner.stop(),
    },
  };
}
