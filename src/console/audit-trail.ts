/**
 * Who changed what in the console, and when: one record per change, keyed under the item it
 * changed, so an item's trail is one prefix listing. Records hold an action code and its few
 * parameters (a status, a time), never the text that was sent; the page words them.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../storage/store';

export const AUDIT_COLLECTION = 'consoleaudit';

export type AuditedItem = `request.${string}` | `question.${string}` | `notice.${string}` | `learned.${string}` | `suggestion.${string}`;

export type AuditAction =
  | 'status'
  | 'replay'
  | 'assign'
  | 'answer'
  | 'close'
  | 'noticeCreated'
  | 'noticeScheduled'
  | 'noticeEdited'
  | 'noticeRecalled'
  | 'forget'
  | 'accept'
  | 'dismiss';

export interface AuditRecord {
  readonly item: AuditedItem;
  readonly action: AuditAction;
  /** The action's parameters as short codes and times: `{ status: 'completed' }`, `{ at: '...' }`. */
  readonly params?: Readonly<Record<string, string>>;
  readonly by: { readonly aadObjectId: string; readonly name: string };
  readonly at: string;
}

/** An item's trail is short; this bounds a page's read whatever happens. */
const MAX_SHOWN = 200;

export class AuditTrail {
  constructor(
    private readonly store: Pick<Store, 'put' | 'listRange'>,
    private readonly now: () => number = Date.now,
  ) {}

  async record(record: Omit<AuditRecord, 'at'>): Promise<AuditRecord> {
    const at = new Date(this.now()).toISOString();
    const full: AuditRecord = { ...record, at };
    // Time-ordered keys under the item; the random tail keeps two changes in one millisecond apart.
    await this.store.put(AUDIT_COLLECTION, `${record.item}.${at}.${randomBytes(3).toString('hex')}`, full);
    return full;
  }

  /** The item's trail, oldest first. */
  async of(item: AuditedItem): Promise<AuditRecord[]> {
    const rows = await this.store.listRange<AuditRecord>(AUDIT_COLLECTION, { prefix: `${item}.`, limit: MAX_SHOWN });
    return rows.map((row) => row.value);
  }
}
