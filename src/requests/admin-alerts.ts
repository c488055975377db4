/** Dead-letter alerts: each privacy admin hears, in their personal chat, of a request (or its withdrawal) that could not be delivered. */
import type { NotificationOutbox } from '../notifications/notification-outbox';
import { withdrawalEventId } from './request-service';
import type { PrivacyRequest } from './types';

export const DEAD_LETTER_ALERT = 'request.deadLetter';

/** The data of a dead-letter alert: the request as stored, for the card's facts and its replay button. */
export interface DeadLetterAlertData {
  readonly request: PrivacyRequest;
}

export function alertAdminsOfDeadLetter(adminIds: readonly string[], outbox: Pick<NotificationOutbox, 'send'>) {
  return async (request: PrivacyRequest): Promise<void> => {
    for (const adminId of adminIds) {
      await outbox.send({
        id: `${DEAD_LETTER_ALERT}.${request.withdrawal?.delivery === 'failed' ? withdrawalEventId(request.id) : request.id}.${adminId}`,
        // Teams opens a personal chat from the Entra object id, in the tenant the request came from.
        to: { userId: adminId, tenantId: request.requester.tenantId, serviceUrl: request.source.serviceUrl, channelId: request.source.channelId },
        kind: DEAD_LETTER_ALERT,
        data: { request } satisfies DeadLetterAlertData,
      });
    }
  };
}
