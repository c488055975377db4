/**
 * Exact counts of what happened to a notice (copies posted, failed, updated, deleted; people who
 * acknowledged), read in a few rows however many teams it went to. Counting by listing every target
 * would read N rows per status, and the summary card asks once a second.
 *
 * Each instance keeps its own tally record per notice (`<notice>.<instance>`), so instances never
 * contend on one. A change is counted in two steps: the changed record (a target, an
 * acknowledgement) is written carrying a stamp, the instance and a sequence number, then the
 * instance's tally is written with every change up to that number. The work item is completed (or
 * the person answered) only after both, so a process that dies between them leaves a stamp its tally
 * never reached; whoever retakes the item sees that, and counts the change again under its own stamp.
 */
import type { Store } from '../storage/store';
import type { Stamp } from './types';

export const TALLIES_COLLECTION = 'noticetallies';

export type Counts = Readonly<Record<string, number>>;

interface TallyRecord {
  readonly noticeId: string;
  readonly by: string;
  /** Every change numbered up to this one is in `counts`. */
  readonly through: number;
  readonly counts: Counts;
  readonly at: number;
}

interface Tally {
  nextSeq: number;
  through: number;
  counts: Record<string, number>;
  /** Changes numbered above `through`, settled but waiting for a lower number to settle. */
  readonly settled: Map<number, readonly string[]>;
  persistedThrough: number;
  writing: Promise<void> | undefined;
  /** Told when `through` moves on. */
  readonly waiting: Array<() => void>;
  lastUsed: number;
}

/** A stamp this young from another instance may still be on its way into that instance's tally. */
const IN_FLIGHT_MS = 30_000;
const IDLE_MS = 10 * 60_000;

export class NoticeTallies {
  private readonly tallies = new Map<string, Promise<Tally>>();

  constructor(
    private readonly store: Pick<Store, 'get' | 'put' | 'list' | 'delete' | 'sharedByInstances'>,
    private readonly instanceId: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts `events` for one change. `write` stores the changed record with the stamp it is given and
   * says whether it was written (false: a conditional write lost, nothing to count). Resolves once
   * the tally holding the change is stored.
   */
  async count(noticeId: string, events: readonly string[], write: (stamp: Stamp) => Promise<boolean>): Promise<boolean> {
    const tally = await this.tally(noticeId);
    const seq = tally.nextSeq++;
    let written = false;
    try {
      written = await write({ by: this.instanceId, seq, at: this.now(), events });
    } finally {
      this.settle(tally, seq, written ? events : []);
    }
    await this.stored(noticeId, tally, seq);
    return written;
  }

  /** Whether the change a record's stamp names is in a tally (or on its way into one). */
  async counted(noticeId: string, stamp: Stamp | undefined): Promise<boolean> {
    if (!stamp) return false;
    if (stamp.by === this.instanceId) return true;
    // Another instance may still be storing it; with a store one process owns, the other was this one's predecessor, and has gone.
    if (this.store.sharedByInstances && this.now() - stamp.at < IN_FLIGHT_MS) return true;
    const record = await this.store.get<TallyRecord>(TALLIES_COLLECTION, tallyKey(noticeId, stamp.by));
    return (record?.value.through ?? 0) >= stamp.seq;
  }

  /** Every instance's counts for the notice, added up. */
  async totals(noticeId: string): Promise<Counts> {
    const totals: Record<string, number> = {};
    for (const { value } of await this.store.list<TallyRecord>(TALLIES_COLLECTION, { prefix: `${noticeId}.` })) {
      for (const [event, count] of Object.entries(value.counts)) totals[event] = (totals[event] ?? 0) + count;
    }
    return totals;
  }

  /** Forgets the notice's tallies (its records are being erased). */
  async erase(noticeId: string): Promise<void> {
    this.tallies.delete(noticeId);
    for (const { key } of await this.store.list(TALLIES_COLLECTION, { prefix: `${noticeId}.` })) await this.store.delete(TALLIES_COLLECTION, key);
  }

  private tally(noticeId: string): Promise<Tally> {
    let tally = this.tallies.get(noticeId);
    if (!tally) {
      tally = this.load(noticeId);
      this.tallies.set(noticeId, tally);
      tally.catch(() => this.tallies.delete(noticeId));
      this.forgetIdle();
    }
    return tally.then((loaded) => {
      loaded.lastUsed = this.now();
      return loaded;
    });
  }

  /** This instance's record for the notice, if it counted for it before (then forgot it, being idle). */
  private async load(noticeId: string): Promise<Tally> {
    const stored = (await this.store.get<TallyRecord>(TALLIES_COLLECTION, tallyKey(noticeId, this.instanceId)))?.value;
    const through = stored?.through ?? 0;
    return {
      nextSeq: through + 1,
      through,
      counts: { ...(stored?.counts ?? {}) },
      settled: new Map(),
      persistedThrough: through,
      writing: undefined,
      waiting: [],
      lastUsed: this.now(),
    };
  }

  private settle(tally: Tally, seq: number, events: readonly string[]): void {
    tally.settled.set(seq, events);
    while (tally.settled.has(tally.through + 1)) {
      const next = tally.through + 1;
      for (const event of tally.settled.get(next)!) tally.counts[event] = (tally.counts[event] ?? 0) + 1;
      tally.settled.delete(next);
      tally.through = next;
    }
    for (const wake of tally.waiting.splice(0)) wake();
  }

  /** Resolves once the stored tally covers `seq`. One write at a time; each writes everything settled so far. */
  private async stored(noticeId: string, tally: Tally, seq: number): Promise<void> {
    while (tally.persistedThrough < seq) {
      if (tally.writing) {
        await tally.writing.catch(() => undefined);
        continue;
      }
      if (tally.through < seq) {
        // A change with a lower number is still being written: its settling moves `through` on.
        await new Promise<void>((resolve) => tally.waiting.push(resolve));
        continue;
      }
      const record: TallyRecord = { noticeId, by: this.instanceId, through: tally.through, counts: { ...tally.counts }, at: this.now() };
      tally.writing = this.store.put(TALLIES_COLLECTION, tallyKey(noticeId, this.instanceId), record).then(() => {
        tally.persistedThrough = Math.max(tally.persistedThrough, record.through);
      });
      try {
        await tally.writing;
      } finally {
        tally.writing = undefined;
      }
    }
  }

  /** Tallies not used for a while are dropped from memory; their records stay and are read back if needed. */
  private forgetIdle(): void {
    const cutoff = this.now() - IDLE_MS;
    for (const [noticeId, tally] of this.tallies) {
      void tally.then(
        (loaded) => {
          if (loaded.lastUsed < cutoff && loaded.persistedThrough === loaded.through && loaded.settled.size === 0 && this.tallies.get(noticeId) === tally)
            this.tallies.delete(noticeId);
        },
        () => undefined,
      );
    }
  }
}

function tallyKey(noticeId: string, instanceId: string): string {
  return `${noticeId}.${instanceId}`;
}
