/**
 * The privacy admins' daily digest: open requests due within REQUEST_REMINDER_DAYS, and overdue ones.
 * At most one a day across all instances: whoever first writes the day's record (a create-only
 * write) sends it. An instance that dies between that write and queueing the messages costs that
 * day's digest: taking its claim over could send a second one, if it had queued them after all.
 */
import { createHash } from 'node:crypto';
import type { NotificationOutbox } from '../notifications/notification-outbox';
import { unlessConflict, type Store } from '../storage/store';
import type { RequestService } from './request-service';
import { currentStatus, isClosed, type PrivacyRequest, type ProgressStatus, type RequestKind, type RequestStatus } from './types';

export const DAILY_DIGEST = 'request.digest';
export const DIGEST_COLLECTION = 'requestdigests';

/** The digest goes out at the first look at or after this hour (UTC) each day. */
export const DIGEST_HOUR_UTC = 7;
const DAY_MS = 86_400_000;

export interface DigestItem {
  readonly id: string;
  readonly kind: RequestKind;
  readonly dueBy: string;
  readonly status: RequestStatus | ProgressStatus;
}

/** What an admin's digest card shows: plain data. */
export interface DigestData {
  readonly asOf: string;
  readonly reminderDays: number;
  readonly overdue: readonly DigestItem[];
  readonly dueSoon: readonly DigestItem[];
}

interface DayRecord {
  readonly owner: string;
  readonly claimedAt: number;
  readonly queuedAt?: number;
}

export interface DailyDigestOptions {
  readonly store: Pick<Store, 'get' | 'put'>;
  readonly requests: Pick<RequestService, 'listAll'>;
  readonly notifications: Pick<NotificationOutbox, 'send'>;
  readonly adminIds: readonly string[];
  readonly reminderDays: number;
  /** Who claims the day: unique per process. */
  readonly owner: string;
  readonly now: () => number;
}

export class DailyDigest {
  constructor(private readonly options: DailyDigestOptions) {}

  /** Sends today's digest if it is time and no instance has; true when this call sent it. */
  async sendIfDue(): Promise<boolean> {
    const now = this.options.now();
    if (this.options.adminIds.length === 0 || new Date(now).getUTCHours() < DIGEST_HOUR_UTC) return false;
    const day = new Date(now).toISOString().slice(0, 10);
    // Read first: after the day's digest, every look is a read rather than a refused write.
    if (await this.options.store.get(DIGEST_COLLECTION, day)) return false;
    const mine: DayRecord = { owner: this.options.owner, claimedAt: now };
    const claim = await unlessConflict(this.options.store.put(DIGEST_COLLECTION, day, mine, { ifAbsent: true }));
    if (!claim) return false;
    const byTenant = digestsByTenant(
      (await this.options.requests.listAll()).map((item) => item.value),
      now,
      this.options.reminderDays,
    );
    for (const [tenantId, { serviceUrl, channelId, data }] of byTenant) {
      for (const adminId of this.options.adminIds) {
        await this.options.notifications.send({
          id: `${DAILY_DIGEST}.${day}.${shortHash(tenantId)}.${adminId}`,
          to: { userId: adminId, tenantId, serviceUrl, channelId },
          kind: DAILY_DIGEST,
          data: { ...data },
        });
      }
    }
    await unlessConflict(this.options.store.put<DayRecord>(DIGEST_COLLECTION, day, { ...claim.value, queuedAt: now }, { etag: claim.etag }));
    return true;
  }
}

/**
 * Open requests overdue or due within `reminderDays`, soonest first, grouped by tenant: admins are
 * reached in their organisation's Teams, through a service URL its requests came from.
 */
export function digestsByTenant(requests: readonly PrivacyRequest[], now: number, reminderDays: number): Map<string, TenantDigest> {
  const soonLimit = now + reminderDays * DAY_MS;
  const groups = new Map<string, { serviceUrl: string; channelId: string; overdue: DigestItem[]; dueSoon: DigestItem[] }>();
  const open = requests.filter((request) => !isClosed(request) && !request.erasedAt && Date.parse(request.dueBy) <= soonLimit);
  for (const request of open.sort((a, b) => a.dueBy.localeCompare(b.dueBy))) {
    const tenantId = request.requester.tenantId;
    const group = groups.get(tenantId) ?? { serviceUrl: request.source.serviceUrl, channelId: request.source.channelId, overdue: [], dueSoon: [] };
    const item: DigestItem = { id: request.id, kind: request.kind, dueBy: request.dueBy, status: currentStatus(request) };
    (Date.parse(request.dueBy) <= now ? group.overdue : group.dueSoon).push(item);
    groups.set(tenantId, group);
  }
  const asOf = new Date(now).toISOString();
  return new Map(
    [...groups].map(([tenantId, { serviceUrl, channelId, overdue, dueSoon }]) => [
      tenantId,
      { serviceUrl, channelId, data: { asOf, reminderDays, overdue, dueSoon } },
    ]),
  );
}

export interface TenantDigest {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly data: DigestData;
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}
