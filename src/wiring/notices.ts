/** Wires notices: installations, the rate limiter and its budget, the work queue, the Teams feature and the API. */
import type { Server } from 'restify';
import { registerNoticesRoute } from '../http/notices-route';
import { InstallationRegistry } from '../notices/installations';
import { NOTICE_WORK_COLLECTION, NoticeService, type NoticeJob } from '../notices/notice-service';
import { WorkQueue } from '../storage/work-queue';
import { WorkRunner } from '../storage/work-runner';
import { countedPublisher, tracedHandler } from '../telemetry/observed';
import { SPAN } from '../telemetry/spans';
import { InstallationsFeature } from '../teams/installations-feature';
import { languageOfLocale } from '../strings';
import { TeamsNoticePublisher } from '../teams/notice-publisher';
import { NoticesFeature } from '../teams/notices-feature';
import type { SharedParts } from './shared-parts';

/** A post takes well under a second; a minute leaves room for a slow connector before another instance retakes it. */
const NOTICE_LEASE_MS = 60_000;

export function wireNotices(deps: SharedParts) {
  const { config, store, logger } = deps;
  const installations = new InstallationRegistry(store);
  const queue = new WorkQueue<NoticeJob>(store, NOTICE_WORK_COLLECTION, {
    owner: deps.instanceId,
    leaseMs: NOTICE_LEASE_MS,
    soleInstance: !store.sharedByInstances,
  });
  const perSecond = config.notices.maxRps;
  const service = new NoticeService({
    store,
    installations,
    queue,
    limiter: deps.pacing,
    publisher: countedPublisher(new TeamsNoticePublisher(deps.proactive, languageOfLocale(deps.config.contentLanguage)), deps.metrics),
    logger,
    instanceId: deps.instanceId,
    acknowledgementRetentionDays: config.notices.acknowledgementRetentionDays,
  });
  const feature = new NoticesFeature({ notices: service, installations, adminIds: config.privacyAdminIds, logger });
  // Enough calls in flight to keep NOTICE_MAX_RPS busy for two seconds: each waits for its slot, and
  // its store writes (a flushed file each on the file store) take a while under load.
  const copyJob = (kind: NoticeJob['kind']) => kind === undefined || kind === 'post' || kind === 'update' || kind === 'delete';
  const handle = tracedHandler(
    (claim) => (copyJob(claim.item.payload.kind) ? SPAN.noticeCopy : SPAN.noticeFanOut),
    service.handle,
    (claim) => ({ 'privacy.job': claim.item.payload.kind ?? 'post' }),
  );
  const runner = new WorkRunner({ name: 'notice-fanout', queue, handle, logger, concurrency: Math.max(8, 2 * Math.ceil(perSecond)) });
  return {
    service,
    installations,
    queue,
    features: [feature, new InstallationsFeature(installations, logger)],
    registerRoutes: (server: Server) => registerNoticesRoute(server, { token: config.notices.apiToken, notices: service, logger }),
    worker: {
      start: () => runner.start(),
      stop: () => runner.stop(),
    },
  };
}
