/**
 * What the privacy team taught the bot: questions as people asked them, each either a new way of
 * asking for an entry (an `Also asked:` line) or a new entry of its own (the question as its title,
 * the team's answer as its body). Kept in the store, one record each, with when it was taught and
 * never who asked; a version record changes with every teaching and forgetting, which is what every
 * instance's live FAQ looks at to know it must rebuild. The Markdown to paste into the content is
 * made here too, so the team can make a taught answer part of the policy for good.
 */
import { createHash } from 'node:crypto';
import type { TaughtContent, TaughtSource } from '../faq/live-faq';
import type { FaqEntry } from '../faq/types';
import type { Logger } from '../logger';
import { strings } from '../strings';
import { unlessConflict, type Store } from '../storage/store';
import { cleanText, MAX_MESSAGE_CHARS } from '../text/clean-text';
import { plainText, safeLinks } from '../text/markdown';
import { withoutContactDetails } from './contact-details';
import { alsoAskedLine, newEntryMarkdown, oneLine } from './content-paste';
import type { Question } from './types';
import { MAX_ANSWER_CHARS } from './validate';

export const LEARNED_COLLECTION = 'learned';
export const LEARNED_VERSION_COLLECTION = 'learnedversion';
const VERSION_KEY = 'current';
/** Every taught line and entry is searched and rebuilt into the index on each change: enough for years of teaching, and a bounded rebuild. */
export const MAX_LEARNED = 2000;
/** Taught entries' ids start with this: no content file can make it (content ids start with a file name). */
export const TAUGHT_ENTRY_PREFIX = 'taught#';

const LEARNED_ID = /^L-[0-9A-HJKMNP-TV-Z]{8}$/;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface LearnedItem {
  readonly id: string;
  readonly kind: 'alsoAsked' | 'entry';
  /** The question as the asker wrote it, on one line; nobody's name. */
  readonly question: string;
  /** For a line: the entry it is a way of asking for. */
  readonly entryId?: string;
  /** For an entry: its body, the team's answer. */
  readonly answer?: string;
  readonly taughtAt: string;
}

/** A learned item as listed: with the Markdown to paste and where it goes. */
export interface LearnedListing extends LearnedItem {
  /** The entry's title (a line's entry, or the taught entry's own question); absent for a line whose entry is gone. */
  readonly title?: string;
  /** Where a line goes: the entry's file and heading. */
  readonly target?: { readonly file: string; readonly heading: string };
  readonly markdown: string;
}

export interface Teaching {
  /** What the teaching comes from (a question's reference, a suggestion's id): teaching it again changes nothing. */
  readonly origin: string;
  readonly question: string;
  readonly entryId?: string;
  readonly answer?: string;
}

export type TeachResult = { readonly outcome: 'taught' | 'already'; readonly item: LearnedItem } | { readonly outcome: 'full' | 'empty' };

export function isLearnedId(value: unknown): value is string {
  return typeof value === 'string' && LEARNED_ID.test(value);
}

/** A stable id from the origin: a retried teaching lands on the same record. */
function learnedIdOf(origin: string): string {
  const digest = createHash('sha256').update(origin).digest();
  let id = 'L-';
  for (let i = 0; i < 8; i++) id += CROCKFORD[digest[i] % 32];
  return id;
}

export function taughtEntryId(learnedId: string): string {
  return `${TAUGHT_ENTRY_PREFIX}${learnedId.toLowerCase()}`;
}

export interface LearnedOptions {
  readonly store: Pick<Store, 'get' | 'put' | 'list' | 'delete'>;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Called after each change is stored (this instance's live FAQ refreshes at once; others poll). */
  readonly onChange?: () => Promise<unknown>;
}

export class LearnedContent implements TaughtSource {
  private readonly now: () => number;

  constructor(private readonly options: LearnedOptions) {
    this.now = options.now ?? Date.now;
  }

  async teach(teaching: Teaching): Promise<TeachResult> {
    const question = oneLine(withoutContactDetails(cleanText(teaching.question.slice(0, MAX_MESSAGE_CHARS), false)));
    const answer = teaching.answer ? cleanText(teaching.answer.slice(0, MAX_ANSWER_CHARS), true) : '';
    if (!question || (!teaching.entryId && !answer)) return { outcome: 'empty' };
    const id = learnedIdOf(teaching.origin);
    const earlier = await this.get(id);
    if (earlier) return { outcome: 'already', item: earlier };
    if ((await this.items()).length >= MAX_LEARNED) {
      this.options.logger.warn({ code: 'LIMIT_REACHED', limit: MAX_LEARNED }, 'nothing taught: the taught content is full');
      return { outcome: 'full' };
    }
    const item: LearnedItem = {
      id,
      question,
      taughtAt: new Date(this.now()).toISOString(),
      ...(teaching.entryId ? { kind: 'alsoAsked' as const, entryId: teaching.entryId } : { kind: 'entry' as const, answer }),
    };
    if (!(await unlessConflict(this.options.store.put(LEARNED_COLLECTION, id, item, { ifAbsent: true })))) {
      return { outcome: 'already', item: (await this.get(id)) ?? item };
    }
    await this.changed();
    this.options.logger.info({ learnedId: id, kind: item.kind, entryId: item.entryId }, 'taught');
    return { outcome: 'taught', item };
  }

  /** What a ticket's answer teaches: its question as a line of the chosen entry, or a new entry with the answer. */
  teachAnswer(question: Question): Promise<TeachResult> {
    return this.teach({ origin: question.id, question: question.text, entryId: question.answer?.entryId, answer: question.answer?.text });
  }

  /** False when there was nothing with that id. */
  async forget(id: string): Promise<boolean> {
    if (!isLearnedId(id)) return false;
    const deleted = await this.options.store.delete(LEARNED_COLLECTION, id);
    if (deleted) {
      await this.changed();
      this.options.logger.info({ learnedId: id }, 'forgotten');
    }
    return deleted;
  }

  async get(id: string): Promise<LearnedItem | undefined> {
    return isLearnedId(id) ? (await this.options.store.get<LearnedItem>(LEARNED_COLLECTION, id))?.value : undefined;
  }

  /** Everything taught, newest first, with the Markdown to paste; `entryOf` finds the entries lines belong to. */
  async list(entryOf: (id: string) => FaqEntry | undefined): Promise<LearnedListing[]> {
    return (await this.items()).sort((a, b) => b.taughtAt.localeCompare(a.taughtAt) || a.id.localeCompare(b.id)).map((item) => listing(item, entryOf));
  }

  async version(): Promise<string | undefined> {
    return (await this.options.store.get(LEARNED_VERSION_COLLECTION, VERSION_KEY))?.etag;
  }

  async load(): Promise<TaughtContent> {
    const items = (await this.items()).sort((a, b) => a.taughtAt.localeCompare(b.taughtAt) || a.id.localeCompare(b.id));
    return {
      entries: items.filter((item) => item.kind === 'entry').map(taughtEntry),
      alsoAsked: items.filter((item) => item.kind === 'alsoAsked' && item.entryId).map((item) => ({ entryId: item.entryId!, text: item.question })),
    };
  }

  /** Every stored record that has the shape of one: a record edited by hand into something else is skipped, not searched. */
  private async items(): Promise<LearnedItem[]> {
    return (await this.options.store.list<LearnedItem>(LEARNED_COLLECTION)).map((stored) => stored.value).filter(isLearnedItem);
  }

  /** Every instance compares this record's ETag on its poll: any write gives a new one. */
  private async changed(): Promise<void> {
    await this.options.store.put(LEARNED_VERSION_COLLECTION, VERSION_KEY, { at: new Date(this.now()).toISOString() });
    await this.options.onChange?.().catch((err: unknown) => this.options.logger.warn({ err: String((err as Error)?.name) }, 'taught content not refreshed'));
  }
}

function isLearnedItem(value: unknown): value is LearnedItem {
  const item = value as Partial<LearnedItem> | undefined;
  if (!item || !isLearnedId(item.id) || typeof item.question !== 'string' || item.question === '' || typeof item.taughtAt !== 'string') return false;
  return item.kind === 'alsoAsked' ? typeof item.entryId === 'string' : item.kind === 'entry' && typeof item.answer === 'string' && item.answer !== '';
}

/** A taught entry as the search sees it and the answer card shows it. */
export function taughtEntry(item: LearnedItem): FaqEntry {
  // The answer card renders an entry's title and body as Markdown. The title is what an asker typed:
  // shown as written, so a link typed into a question is never one for the people it answers next
  // (the search reads the same words). The body is the team's answer: links to https: and mailto: only.
  const title = plainText(item.question);
  return {
    id: taughtEntryId(item.id),
    title,
    body: safeLinks(item.answer ?? ''),
    alsoAsked: [],
    kind: 'faq',
    part: strings.learned.part,
    source: { file: strings.learned.source, heading: title, line: 0 },
  };
}

function listing(item: LearnedItem, entryOf: (id: string) => FaqEntry | undefined): LearnedListing {
  if (item.kind === 'entry') return { ...item, title: item.question, markdown: newEntryMarkdown(item.question, item.answer ?? '') };
  const entry = item.entryId ? entryOf(item.entryId) : undefined;
  return {
    ...item,
    ...(entry ? { title: entry.title, target: { file: entry.source.file, heading: entry.source.heading } } : {}),
    markdown: alsoAskedLine(item.question),
  };
}
