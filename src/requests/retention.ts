/**
 * The bot's own storage limitation: REQUEST_RETENTION_DAYS after a request is closed (completed,
 * rejected or withdrawn), its details, the requester's name, email and Teams ids, the chat it came
 * from and the privacy team's message and link are erased. What stays is what an audit of the
 * bot's handling needs and identifies nobody: id, kind, dates, status, and the tenant. The record
 * stays under its key (a one-way hash of the person), so `my requests` still lists it for them.
 */
import { eraseEach, pastRetention } from '../storage/retention-sweep';
import type { Store } from '../storage/store';
import { REQUESTS_COLLECTION, type RequestService } from './request-service';
import { isClosed, type PrivacyRequest } from './types';

export interface RetentionOptions {
  readonly store: Pick<Store, 'put'>;
  readonly requests: Pick<RequestService, 'listAll'>;
  readonly retentionDays: number;
  readonly now: () => number;
}

export class RequestRetention {
  constructor(private readonly options: RetentionOptions) {}

  /** Erases every closed request past its retention; the number erased. Safe to run on every instance at once. */
  async sweep(): Promise<number> {
    const now = this.options.now();
    const items = await this.options.requests.listAll();
    return (
      await eraseEach(this.options.store, REQUESTS_COLLECTION, items, (request) =>
        isExpired(request, now, this.options.retentionDays) ? erasedCopy(request, now) : undefined,
      )
    ).length;
  }
}

function isExpired(request: PrivacyRequest, now: number, retentionDays: number): boolean {
  return isClosed(request) && !request.erasedAt && pastRetention(request.progress?.closedAt, retentionDays, now);
}

/** The request with everything personal taken out. */
export function erasedCopy(request: PrivacyRequest, now: number): PrivacyRequest {
  const { message: _message, link: _link, ...progress } = request.progress!;
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    submittedAt: request.submittedAt,
    dueBy: request.dueBy,
    ...(request.deliveredAt ? { deliveredAt: request.deliveredAt } : {}),
    ...(request.failure ? { failure: request.failure } : {}),
    ...(request.withdrawal ? { withdrawal: request.withdrawal } : {}),
    requester: { aadObjectId: '', tenantId: request.requester.tenantId, name: '', email: '', teamsUserId: '' },
    details: {},
    source: { channelId: request.source.channelId, conversationId: '', serviceUrl: request.source.serviceUrl },
    progress,
    erasedAt: new Date(now).toISOString(),
  };
}
