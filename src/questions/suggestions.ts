/**
 * Suggestions for the privacy team: a person asked a question, the bot was unsure and offered
 * "Did you mean…", the person chose an entry and said it helped. The question and the entry are kept
 * (never who asked), counted when asked alike again, and listed in insights, where the team accepts
 * one (the same as teaching it) or dismisses it. Anyone can cause one, so they are bounded in number,
 * and emails and phone numbers are taken out before anything is stored.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../logger';
import { unlessConflict, type Store } from '../storage/store';
import { cleanText, MAX_MESSAGE_CHARS } from '../text/clean-text';
import type { LearnedContent, TeachResult } from './learned';
import { oneLine } from './content-paste';
import { withoutContactDetails } from './contact-details';

export const SUGGESTIONS_COLLECTION = 'suggestions';
/** Kept at most; new ones are dropped beyond it until the team accepts or dismisses some. */
export const MAX_SUGGESTIONS = 500;
const WRITE_TRIES = 5;
const SUGGESTION_ID = /^[0-9a-f]{24}$/;

export interface Suggestion {
  readonly id: string;
  readonly question: string;
  readonly entryId: string;
  /** How many times it was chosen and found helpful. */
  readonly count: number;
  readonly firstAt: string;
  readonly lastAt: string;
}

export function isSuggestionId(value: unknown): value is string {
  return typeof value === 'string' && SUGGESTION_ID.test(value);
}

export class Suggestions {
  private readonly now: () => number;

  constructor(
    private readonly options: {
      readonly store: Pick<Store, 'get' | 'put' | 'list' | 'delete'>;
      readonly learned: Pick<LearnedContent, 'teach'>;
      readonly logger: Logger;
      readonly now?: () => number;
    },
  ) {
    this.now = options.now ?? Date.now;
  }

  async record(question: string, entryId: string): Promise<void> {
    const text = oneLine(withoutContactDetails(cleanText(question.slice(0, MAX_MESSAGE_CHARS), false)));
    if (!text || entryId.length > 200) return;
    // Asked alike (case and spacing aside) for the same entry: one suggestion, counted.
    const id = createHash('sha256').update(`${entryId}\n${text.toLowerCase()}`).digest('hex').slice(0, 24);
    const at = new Date(this.now()).toISOString();
    const { store, logger } = this.options;
    for (let tries = 0; tries < WRITE_TRIES; tries++) {
      const stored = await store.get<Suggestion>(SUGGESTIONS_COLLECTION, id);
      if (stored) {
        const next = { ...stored.value, count: stored.value.count + 1, lastAt: at };
        if (await unlessConflict(store.put(SUGGESTIONS_COLLECTION, id, next, { etag: stored.etag }))) return;
        continue;
      }
      if ((await store.list(SUGGESTIONS_COLLECTION)).length >= MAX_SUGGESTIONS) {
        logger.info({ code: 'LIMIT_REACHED', limit: MAX_SUGGESTIONS }, 'suggestion dropped: the list is full');
        return;
      }
      const suggestion: Suggestion = { id, question: text, entryId, count: 1, firstAt: at, lastAt: at };
      if (await unlessConflict(store.put(SUGGESTIONS_COLLECTION, id, suggestion, { ifAbsent: true }))) {
        logger.info({ entryId }, 'suggestion recorded');
        return;
      }
    }
  }

  /** Most often chosen first, then the latest. */
  async list(): Promise<Suggestion[]> {
    return (await this.options.store.list<Suggestion>(SUGGESTIONS_COLLECTION))
      .map((item) => item.value)
      .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
  }

  /** Teaches the question as a way of asking for the entry, then drops the suggestion; undefined when there is no such suggestion. */
  async accept(id: string): Promise<TeachResult | undefined> {
    if (!isSuggestionId(id)) return undefined;
    const stored = await this.options.store.get<Suggestion>(SUGGESTIONS_COLLECTION, id);
    if (!stored) return undefined;
    const result = await this.options.learned.teach({ origin: `suggestion.${id}`, question: stored.value.question, entryId: stored.value.entryId });
    if (result.outcome !== 'full') await this.options.store.delete(SUGGESTIONS_COLLECTION, id);
    return result;
  }

  /** False when there was nothing to dismiss. */
  async dismiss(id: string): Promise<boolean> {
    return isSuggestionId(id) && (await this.options.store.delete(SUGGESTIONS_COLLECTION, id));
  }
}
