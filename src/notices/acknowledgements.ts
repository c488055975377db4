/**
 * "I have read this": one record per person per notice, keyed by notice and Entra object id, so a
 * second click finds the first and changes nothing. Only someone in a team whose channel received
 * the notice can acknowledge it, and only while it stands (not recalled, not erased). The team and
 * the person come from the authenticated activity; the card says only which notice.
 */
import { unlessConflict, type Store, type StoredItem } from '../storage/store';
import { ACKNOWLEDGEMENTS_COLLECTION, readNotice, readTarget } from './records';
import type { NoticeTallies } from './tallies';
import type { Acknowledgement } from './types';

export type AcknowledgeResult =
  | { readonly outcome: 'recorded' | 'already'; readonly at: string }
  /** `not-received`: no such notice, or this team's channel never got it. `withdrawn`: recalled or erased. */
  | { readonly outcome: 'refused'; readonly reason: 'not-received' | 'withdrawn' };

export interface Reader {
  readonly aadObjectId: string;
  readonly name: string;
}

export class Acknowledgements {
  constructor(
    private readonly store: Pick<Store, 'get' | 'put' | 'list' | 'listRange'>,
    private readonly tallies: NoticeTallies,
    private readonly now: () => number,
  ) {}

  async acknowledge(noticeId: string, teamId: string, reader: Reader): Promise<AcknowledgeResult> {
    const [notice, target] = await Promise.all([readNotice(this.store, noticeId), readTarget(this.store, noticeId, teamId)]);
    if (!notice || !target || target.value.state !== 'sent') return { outcome: 'refused', reason: 'not-received' };
    if (notice.value.recalledAt || notice.value.acknowledgementsErasedAt || target.value.recall) return { outcome: 'refused', reason: 'withdrawn' };
    const key = `${noticeId}.${reader.aadObjectId}`;
    const existing = await this.store.get<Acknowledgement>(ACKNOWLEDGEMENTS_COLLECTION, key);
    if (existing) return this.already(noticeId, existing);
    const at = new Date(this.now()).toISOString();
    const recorded = await this.tallies.count(noticeId, ['ack'], async (stamp) => {
      const record: Acknowledgement = { aadObjectId: reader.aadObjectId, name: reader.name, at, teamId, stamp };
      return (await unlessConflict(this.store.put(ACKNOWLEDGEMENTS_COLLECTION, key, record, { ifAbsent: true }))) !== undefined;
    });
    if (recorded) return { outcome: 'recorded', at };
    // A simultaneous click (a double click, or the same person in two teams) recorded it first.
    const winner = await this.store.get<Acknowledgement>(ACKNOWLEDGEMENTS_COLLECTION, key);
    return winner ? { outcome: 'already', at: winner.value.at } : { outcome: 'refused', reason: 'withdrawn' };
  }

  /** Everyone who acknowledged, earliest first. */
  async list(noticeId: string): Promise<Acknowledgement[]> {
    const records = await this.store.list<Acknowledgement>(ACKNOWLEDGEMENTS_COLLECTION, { prefix: `${noticeId}.` });
    return records.map((item) => item.value).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.aadObjectId.localeCompare(b.aadObjectId)));
  }

  /** A click on a notice already acknowledged: if the first was never counted (its process died), count it now. */
  private async already(noticeId: string, existing: StoredItem<Acknowledgement>): Promise<AcknowledgeResult> {
    if (!(await this.tallies.counted(noticeId, existing.value.stamp))) {
      await this.tallies.count(noticeId, ['ack'], async (stamp) => {
        const record: Acknowledgement = { ...existing.value, stamp };
        return (await unlessConflict(this.store.put(ACKNOWLEDGEMENTS_COLLECTION, existing.key, record, { etag: existing.etag }))) !== undefined;
      });
    }
    return { outcome: 'already', at: existing.value.at };
  }
}
