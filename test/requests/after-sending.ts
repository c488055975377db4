/** What the tests of a request's life after sending share: the cards a requester is sent about it, and the request as stored. */
import { cardOf } from '../fakes/activities';
import { until } from '../fakes/until';
import type { FakeConnector } from '../fakes/connector';
import type { Store } from '../../src/storage/store';
import { OUTBOX_COLLECTION, REQUESTS_COLLECTION } from '../../src/requests/request-service';
import type { PrivacyRequest } from '../../src/requests/types';
import { facts, type Card } from './drive';

/** Status-change cards posted about this request (the receipt and lists are not posted with its reference). */
export function updateCards(connector: FakeConnector, requestId: string): Card[] {
  return connector
    .posted()
    .map((call) => cardOf(call.body))
    .filter((card): card is Card => card !== undefined && facts(card).Reference === requestId);
}

/** The request as the bot keeps it, found by id across all requesters. */
export async function storedRequest(store: Pick<Store, 'list'>, requestId: string): Promise<PrivacyRequest | undefined> {
  return (await store.list<PrivacyRequest>(REQUESTS_COLLECTION)).find((item) => item.value.id === requestId)?.value;
}

/** Waits until the bot has recorded the request as delivered (the receiver's 200 comes first). */
export async function recordedAsDelivered(store: Pick<Store, 'list'>, requestId: string): Promise<void> {
  await until(async () => (await storedRequest(store, requestId))?.status === 'delivered', 10_000, `${requestId} recorded as delivered`);
}

/**
 * Waits until the webhook outbox is empty: every delivery it held has finished, so whatever a step
 * before this put in it has been sent (or not) by now. The positive event before asserting absence.
 */
export async function outboxDrained(store: Pick<Store, 'list'>): Promise<void> {
  await until(async () => (await store.list(OUTBOX_COLLECTION)).length === 0, 10_000, 'webhook outbox drained');
}
