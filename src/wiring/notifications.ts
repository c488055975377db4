/** Wires notifications: the durable queue of personal messages, and the Teams messenger that renders them. */
import { NOTIFICATIONS_COLLECTION, NotificationOutbox } from '../notifications/notification-outbox';
import type { Notification } from '../notifications/types';
import { WorkQueue } from '../storage/work-queue';
import { WorkRunner } from '../storage/work-runner';
import { TeamsPersonalMessenger } from '../teams/personal-messenger';
import type { SharedParts } from './shared-parts';

/** One post takes well under a second; a minute leaves room for a slow connector before another instance retakes it. */
const NOTIFICATION_LEASE_MS = 60_000;

import type { Language } from '../strings';

export function wireNotifications(deps: Omit<SharedParts, 'config'> & { readonly languageOf?: (userId: string) => Promise<Language> }) {
  const { store, logger } = deps;
  const queue = new WorkQueue<Notification>(store, NOTIFICATIONS_COLLECTION, {
    owner: deps.instanceId,
    leaseMs: NOTIFICATION_LEASE_MS,
    soleInstance: !store.sharedByInstances,
  });
  const messenger = new TeamsPersonalMessenger(deps.proactive, deps.languageOf);
  const outbox = new NotificationOutbox({ queue, messenger, logger, pacing: deps.pacing });
  const runner = new WorkRunner({ name: 'notifications', queue, handle: outbox.handle, logger, concurrency: 4 });
  return { outbox, messenger, queue, worker: { start: () => runner.start(), stop: () => runner.stop() } };
}

export type NotificationParts = ReturnType<typeof wireNotifications>;
