/**
 * At most MAX_WAITING_QUESTIONS questions per person waiting for the privacy team, however many
 * forms arrive at once and on whichever instance. Each person has that many numbered slots; asking
 * takes a free one with a conditional write (create if absent, or replace the version read once the
 * question it names no longer waits). Listing the person's questions and then writing let twenty
 * simultaneous forms make twenty tickets; a conditional write has one winner per slot. The slot
 * holds ids and dates only: the question stays the one record of what was asked.
 */
import { unlessConflict, type Store } from '../storage/store';
import type { Question } from './types';

export const WAITING_SLOTS_COLLECTION = 'questionslots';

interface Slot {
  readonly questionId: string;
  readonly at: string;
}

/**
 * The slot is written just before its question. A slot younger than this whose question is not
 * there yet is an ask in flight; older, its writer died between the two writes and the slot is free.
 */
const IN_FLIGHT_MS = 60_000;
/** Reads of one slot after losing a write to another ask: each loss means that ask moved on. */
const ROUNDS_PER_SLOT = 3;

const waits = (question: Pick<Question, 'status' | 'erasedAt'>) => !question.erasedAt && (question.status === 'open' || question.status === 'assigned');

export class WaitingSlots {
  constructor(
    private readonly store: Pick<Store, 'get' | 'put'>,
    private readonly slots: number,
    private readonly now: () => number,
  ) {}

  /** True once one of the person's slots holds `questionId`; false when every slot holds a waiting question. */
  async take(owner: string, questionId: string, read: (id: string) => Promise<Question | undefined>): Promise<boolean> {
    const mine: Slot = { questionId, at: new Date(this.now()).toISOString() };
    for (let slot = 0; slot < this.slots; slot++) {
      const key = `${owner}.${slot}`;
      for (let round = 0; round < ROUNDS_PER_SLOT; round++) {
        const current = await this.store.get<Slot>(WAITING_SLOTS_COLLECTION, key);
        // The same form sent twice at once: both go on, and the question's own write picks one.
        if (current?.value.questionId === questionId) return true;
        if (current && (await this.held(current.value, read))) break;
        const condition = current ? { etag: current.etag } : ({ ifAbsent: true } as const);
        if (await unlessConflict(this.store.put(WAITING_SLOTS_COLLECTION, key, mine, condition))) return true;
      }
    }
    return false;
  }

  private async held(slot: Slot, read: (id: string) => Promise<Question | undefined>): Promise<boolean> {
    const question = await read(slot.questionId);
    if (question) return waits(question);
    return this.now() - Date.parse(slot.at) < IN_FLIGHT_MS;
  }
}
