/**
 * While requests cannot reach the privacy team's system (no webhook set, or the receiver not
 * answering), the privacy admins hear of it once: the first instance to record the hold tells them,
 * and the record stays until a delivery succeeds, so the next hold is told again. The record is
 * written before the alerts are queued: a crash between the two costs the alert, never repeats it.
 */
import type { NotificationOutbox } from '../notifications/notification-outbox';
import { unlessConflict, type Store } from '../storage/store';
import type { PrivacyRequest } from './types';

export const DELIVERY_HELD_ALERT = 'request.deliveryHeld';
const HOLDS_COLLECTION = 'deliveryholds';
const CURRENT_HOLD = 'current';

export type HoldReason = 'unconfigured' | 'unreachable';

/** The data of the alert: why requests are held, and since when (ISO 8601). */
export interface DeliveryHeldAlertData {
  readonly reason: HoldReason;
  readonly since: string;
}

export interface DeliveryHoldOptions {
  readonly store: Pick<Store, 'put' | 'delete'>;
  readonly notifications: Pick<NotificationOutbox, 'send'>;
  readonly adminIds: readonly string[];
  readonly now?: () => number;
}

export class DeliveryHold {
  /** Whether this process has seen the current hold recorded: spares a store write per held request. */
  private recorded = false;

  constructor(private readonly options: DeliveryHoldOptions) {}

  /** A request is held: tell the admins, unless this hold was told already (by any instance). */
  async held(request: PrivacyRequest, reason: HoldReason): Promise<void> {
    if (this.recorded) return;
    const since = new Date((this.options.now ?? Date.now)()).toISOString();
    const written = await unlessConflict(this.options.store.put<DeliveryHeldAlertData>(HOLDS_COLLECTION, CURRENT_HOLD, { reason, since }, { ifAbsent: true }));
    this.recorded = true;
    if (!written) return;
    for (const adminId of this.options.adminIds) {
      await this.options.notifications.send({
        id: `${DELIVERY_HELD_ALERT}.${since}.${adminId}`,
        // Teams opens a personal chat from the Entra object id, in the tenant the request came from.
        to: { userId: adminId, tenantId: request.requester.tenantId, serviceUrl: request.source.serviceUrl, channelId: request.source.channelId },
        kind: DELIVERY_HELD_ALERT,
        data: { reason, since } satisfies DeliveryHeldAlertData,
      });
    }
  }

  /** Requests flow again: the next hold is a new one, told anew. */
  async flowing(): Promise<void> {
    await this.options.store.delete(HOLDS_COLLECTION, CURRENT_HOLD);
    this.recorded = false;
  }
}
