/**
 * One open request of each kind per person, however many submits arrive at once and on whichever
 * instance: each person and kind has a slot, taken by a conditional write (create if absent, or
 * replace the version read once the request it names is no longer open). Checking "is one open?"
 * and then writing let twenty simultaneous submits make nine requests; a conditional write has one
 * winner. The slot holds ids and dates only: the request itself stays the one record of what was asked.
 */
import { AppError } from '../errors';
import { unlessConflict, type Store } from '../storage/store';
import { isClosed, type PrivacyRequest, type RequestKind } from './types';

export const OPEN_REQUESTS_COLLECTION = 'openrequests';

/** What a person who lost the race is shown: the request that holds the slot. */
export type RequestSummary = Pick<PrivacyRequest, 'id' | 'kind' | 'status' | 'submittedAt' | 'dueBy' | 'progress'>;

interface Slot {
  readonly requestId: string;
  readonly submittedAt: string;
  readonly dueBy: string;
}

/**
 * The slot is written just before its request. A slot younger than this whose request is not there
 * yet is a submit in flight; older, its writer died between the two writes and the slot is free.
 */
const IN_FLIGHT_MS = 60_000;
const MAX_ROUNDS = 5;

/**
 * Open: not closed (completed, rejected, withdrawn) and not dead-lettered; and, while the privacy
 * team has reported nothing on it, not past its due date (without status reports a request could
 * otherwise never close, and a new one may then be made anyway).
 */
export function isOpen(request: Pick<PrivacyRequest, 'status' | 'dueBy' | 'progress'>, now: Date): boolean {
  return !isClosed(request) && request.status !== 'failed' && (request.progress !== undefined || request.dueBy > now.toISOString());
}

export class OpenRequestSlots {
  constructor(
    private readonly store: Pick<Store, 'get' | 'put'>,
    private readonly now: () => Date,
  ) {}

  /**
   * Takes the person's slot for this request's kind, or gives the open request that holds it.
   * `owner` is the person's stable handle; `readOwn` reads one of their stored requests by id.
   */
  async take(
    owner: string,
    request: PrivacyRequest,
    readOwn: (requestId: string) => Promise<PrivacyRequest | undefined>,
  ): Promise<{ readonly taken: true } | { readonly taken: false; readonly holder: RequestSummary }> {
    const key = `${owner}.${request.kind}`;
    const mine: Slot = { requestId: request.id, submittedAt: request.submittedAt, dueBy: request.dueBy };
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const current = await this.store.get<Slot>(OPEN_REQUESTS_COLLECTION, key);
      // The same form submitted twice at once: both go on, and the request's own write picks one.
      if (current?.value.requestId === request.id) return { taken: true };
      const holder = current && (await this.openHolder(request.kind, current.value, readOwn));
      if (holder) return { taken: false, holder };
      const condition = current ? { etag: current.etag } : ({ ifAbsent: true } as const);
      if (await unlessConflict(this.store.put(OPEN_REQUESTS_COLLECTION, key, mine, condition))) return { taken: true };
      // Another submit wrote the slot between our read and write: read it again and see whose it is.
    }
    throw new AppError('STORAGE_CONFLICT', 'the open-request slot kept changing', { kind: request.kind });
  }

  private async openHolder(
    kind: RequestKind,
    slot: Slot,
    readOwn: (requestId: string) => Promise<PrivacyRequest | undefined>,
  ): Promise<RequestSummary | undefined> {
    const now = this.now();
    const stored = await readOwn(slot.requestId);
    if (stored) return isOpen(stored, now) ? stored : undefined;
    const inFlight = now.getTime() - Date.parse(slot.submittedAt) < IN_FLIGHT_MS;
    return inFlight ? { id: slot.requestId, kind, status: 'received', submittedAt: slot.submittedAt, dueBy: slot.dueBy } : undefined;
  }
}
