/**
 * "I have read this": one record per person per notice, keyed by notice and Entra object id, so a
 * second click finds the first and changes nothing. Only someone in a team whose channel received
 * the notice can acknowledge it, and only while it stands (not recalled, not erased). The team and
 * the person come from the authenticated activity; the card says only which notice.
 */
import { yieldToEventLoop } from '../limits/event-loop';
import { pageAfterKey, unlessConflict, type Store, type StoredItem } from '../storage/store';
import { ACKNOWLEDGEMENTS_COLLECTION, readNotice, readTarget } from './records';
import type { NoticeTallies } from './tallies';
import type { Acknowledgement } from './types';

export type AcknowledgeResult =
  | { readonly outcome: 'recorded' | 'already'; readonly at: string }
  /** `not-received`: no such notice, or this team's channel never got it. `withdrawn`: recalled or erased. */
  | { readonly outcome: 'refused'; readonly reason: 'not-received' | 'withdrawn' };

/** Records read (and written out) at a time when listing a notice's acknowledgements. */
const ACK_PAGE = 500;

export interface Reader {
  readonly aadObjectId: string;
  readonly name: string;
}

export class Acknowledgements {
  constructor(
    private readonly store: Pick<Store, 'get' | 'put' | 'listRange'>,
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

  /**
   * Everyone who acknowledged, a page at a time in the order the store keeps them (by Entra object
   * id), letting other work run between pages: a notice to a large company gathers one record per
   * person, and neither the event loop nor the heap should hold them all at once.
   */
  async *pages(noticeId: string, pageSize = ACK_PAGE): AsyncGenerator<Acknowledgement[]> {
    let after: string | undefined;
    for (;;) {
      const page = await pageAfterKey<Acknowledgement>(this.store, ACKNOWLEDGEMENTS_COLLECTION, {
        prefix: `${noticeId}.`,
        ...(after !== undefined ? { after } : {}),
        limit: pageSize,
      });
      if (page.items.length > 0) yield page.items.map((item) => item.value);
      if (!page.more || page.items.length === 0) return;
      after = page.items[page.items.length - 1].key;
      await yieldToEventLoop();
    }
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

/**
 * The `keep` earliest of a notice's acknowledgements, and how many there are, read a page at a time:
 * memory for `keep` of them, however many people read the notice.
 */
export async function earliestAcknowledgements(
  pages: AsyncIterable<readonly Acknowledgement[]>,
  keep: number,
): Promise<{ earliest: Acknowledgement[]; count: number }> {
  let earliest: Acknowledgement[] = [];
  let count = 0;
  for await (const page of pages) {
    count += page.length;
    earliest = [...earliest, ...page].sort(byTime).slice(0, keep);
  }
  return { earliest, count };
}

function byTime(a: Acknowledgement, b: Acknowledgement): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.aadObjectId.localeCompare(b.aadObjectId);
}
