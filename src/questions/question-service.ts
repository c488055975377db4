/**
 * Questions for the privacy team. `ask` stores the question and queues its ticket before the asker
 * sees the reference; the ticket's buttons change it through `act`, one conditional write at a
 * time; each change queues the channel card's update and, for an answer or a close, the message to
 * the asker. Every step is recorded on the question itself, so `recover` at start-up finishes what
 * a crash interrupted, and nothing already done is done again.
 */
import { AppError, errorCode } from '../errors';
import type { FormTokens } from '../ids/form-token';
import { userKey, type UserRef } from '../ids/person-key';
import type { Logger } from '../logger';
import type { NotificationOutbox } from '../notifications/notification-outbox';
import type { ConversationRef } from '../outbound/conversation-ref';
import { forEachPage, unlessConflict, type Store } from '../storage/store';
import type { WorkQueue } from '../storage/work-queue';
import type { LearnedContent, TeachResult } from './learned';
import { answeredNotice, closedNotice } from './asker-notices';
import { isUnansweredKey } from './content-gaps';
import { newQuestionId } from './question-id';
import { applyAction } from './ticket-rules';
import type { Person, Question, Refusal, TicketAction } from './types';
import type { Metrics } from '../telemetry/metrics';
import { WaitingSlots } from './waiting-slots';

export const QUESTIONS_COLLECTION = 'questions';
/** `<asker key>.<question id>` → nothing: "my questions" is a prefix listing of the asker's own. */
export const ASKER_INDEX_COLLECTION = 'askerquestions';
export const TICKET_WORK_COLLECTION = 'ticketwork';

/** A ticket to post, or a posted ticket whose card must show the question's current state. */
export interface TicketJob {
  readonly op: 'post' | 'update';
  readonly questionId: string;
}

export interface Asking {
  readonly questionId: string;
  readonly text: string;
  readonly asker: Person;
  /** The asker's own conversation: its service URL and bot reach their tenant's Teams later. */
  readonly from: ConversationRef;
  readonly entryId?: string;
  /** The asker's unanswered-log record it came from, checked by `unansweredKeyOf`. */
  readonly unansweredKey?: string;
}

/**
 * An unanswered-log record as a not-covered reply's button carries it: the record's key and a token
 * binding it to the person whose question made it (the log itself never says who asked).
 */
export interface UnansweredLink {
  readonly unansweredKey: string;
  readonly unansweredToken: string;
}

export type ActResult =
  | { readonly ok: true; readonly question: Question; readonly changed: boolean; readonly taught?: TeachResult['outcome'] }
  | { readonly ok: false; readonly refusal: Refusal; readonly question: Question };

export interface QuestionServiceOptions {
  readonly metrics?: Pick<Metrics, 'questionToTeam'>;
  readonly store: Pick<Store, 'get' | 'put' | 'list' | 'listRange'>;
  readonly queue: WorkQueue<TicketJob>;
  readonly outbox: Pick<NotificationOutbox, 'send'>;
  readonly tokens: FormTokens;
  /** PRIVACY_TEAM_CHANNEL; empty: asking is not offered. */
  readonly channelId: string;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Where an answer given with "Teach the bot this question" on is taught. */
  readonly learned?: Pick<LearnedContent, 'teachAnswer'>;
}

const FORM_KIND = 'question';
const UNANSWERED_KIND = 'unanswered';
const WRITE_TRIES = 5;
/** Questions one person may have waiting at once: enough for anyone, and a channel nobody can flood. */
export const MAX_WAITING_QUESTIONS = 5;

export class QuestionService {
  private readonly now: () => number;
  private readonly slots: WaitingSlots;

  constructor(private readonly options: QuestionServiceOptions) {
    this.now = options.now ?? Date.now;
    this.slots = new WaitingSlots(options.store, MAX_WAITING_QUESTIONS, this.now);
  }

  get enabled(): boolean {
    return this.options.channelId !== '';
  }

  /** True when `conversationId` (a channel, or a thread in it) is the privacy team's channel. */
  isPrivacyChannel(conversationId: string | undefined): boolean {
    // Actions on a channel post arrive with the thread's id: the channel's id and ";messageid=...".
    return this.enabled && typeof conversationId === 'string' && conversationId.split(';')[0] === this.options.channelId;
  }

  /** A reference fixed when the form is shown, bound to the person, so a double click asks once. */
  issueForm(user: UserRef): { questionId: string; formToken: string } {
    const questionId = newQuestionId();
    return { questionId, formToken: this.options.tokens.issue(questionId, userKey(user), FORM_KIND) };
  }

  /** True for a form the bot issued to this person, within FORM_TOKEN_TTL_DAYS. */
  isGenuineForm(user: UserRef, questionId: string, formToken: unknown): boolean {
    return this.options.tokens.check(formToken, questionId, userKey(user), FORM_KIND) === 'valid';
  }

  /** The link the not-covered reply's "Ask the privacy team" carries to the record `key` of this person's question. */
  linkUnanswered(user: UserRef, key: string): UnansweredLink {
    return { unansweredKey: key, unansweredToken: this.options.tokens.issue(key, userKey(user), UNANSWERED_KIND) };
  }

  /**
   * The record's key when the link was issued to this person; undefined for anyone else's (a button
   * pressed by another person in a shared chat), a forged one, or none. An old link still counts: it
   * only lets a person's question take their own log record with it when it is erased.
   */
  unansweredKeyOf(user: UserRef, link: { readonly unansweredKey?: unknown; readonly unansweredToken?: unknown }): string | undefined {
    const { unansweredKey: key, unansweredToken: token } = link;
    if (!isUnansweredKey(key)) return undefined;
    return this.options.tokens.check(token, key, userKey(user), UNANSWERED_KIND) === 'invalid' ? undefined : key;
  }

  /** 'tooMany': the asker already has MAX_WAITING_QUESTIONS waiting for the team, and nothing is stored. */
  async ask(asking: Asking): Promise<{ readonly outcome: 'created' | 'duplicate'; readonly question: Question } | { readonly outcome: 'tooMany' }> {
    const { store, queue } = this.options;
    const earlier = await this.get(asking.questionId);
    if (earlier) return { outcome: 'duplicate', question: earlier };
    // Questions asked before slots existed hold none: the listing still counts them.
    const waiting = (await this.listFor(asking.asker)).filter((question) => question.status === 'open' || question.status === 'assigned');
    if (waiting.length >= MAX_WAITING_QUESTIONS) return { outcome: 'tooMany' };
    if (!(await this.slots.take(userKey(asking.asker), asking.questionId, (id) => this.get(id)))) return { outcome: 'tooMany' };
    const at = new Date(this.now()).toISOString();
    const { from, asker } = asking;
    const question: Question = {
      id: asking.questionId,
      text: asking.text,
      askedAt: at,
      asker,
      replyTo: { userId: asker.teamsUserId, tenantId: asker.tenantId, serviceUrl: from.serviceUrl, channelId: from.channelId },
      // The asker's tenant and service URL reach the privacy team's channel too: it is the same organisation.
      channel: {
        serviceUrl: from.serviceUrl,
        channelId: from.channelId,
        conversation: { id: this.options.channelId, conversationType: 'channel', tenantId: asker.tenantId, isGroup: true },
        ...(from.bot ? { bot: from.bot } : {}),
      },
      ...(asking.entryId ? { entryId: asking.entryId } : {}),
      ...(asking.unansweredKey ? { unansweredKey: asking.unansweredKey } : {}),
      status: 'open',
      version: 1,
      ticket: {},
      watchers: [],
      updatedAt: at,
    };
    // The pointer first: a crash before the question leaves a pointer to nothing, which listings skip.
    await unlessConflict(store.put(ASKER_INDEX_COLLECTION, `${userKey(asker)}.${question.id}`, {}, { ifAbsent: true }));
    if (!(await unlessConflict(store.put(QUESTIONS_COLLECTION, question.id, question, { ifAbsent: true })))) {
      // The same form sent twice at once, perhaps to two instances: the first write won.
      return { outcome: 'duplicate', question: (await this.get(question.id))! };
    }
    await queue.enqueue(`post.${question.id}`, { op: 'post', questionId: question.id });
    this.options.metrics?.questionToTeam();
    this.options.logger.info({ questionId: question.id, entryId: question.entryId }, 'question asked');
    return { outcome: 'created', question };
  }

  async get(id: string): Promise<Question | undefined> {
    return (await this.options.store.get<Question>(QUESTIONS_COLLECTION, id))?.value;
  }

  /** The person's own questions, newest first. */
  async listFor(user: UserRef): Promise<Question[]> {
    const pointers = await this.options.store.list(ASKER_INDEX_COLLECTION, { prefix: `${userKey(user)}.` });
    const found = await Promise.all(pointers.map((pointer) => this.get(pointer.key.slice(pointer.key.indexOf('.') + 1))));
    return found.filter((question): question is Question => question !== undefined).sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  }

  /** Questions asked at or after `since` (epoch ms) and not erased, for insights. */
  async askedSince(since: number): Promise<Question[]> {
    const from = new Date(since).toISOString();
    const asked: Question[] = [];
    // A page at a time: every question ever asked is in this collection until retention erases it.
    await forEachPage<Question>(this.options.store, QUESTIONS_COLLECTION, {}, (items) => {
      for (const { value: question } of items) if (question.askedAt >= from && !question.erasedAt) asked.push(question);
    });
    return asked;
  }

  /** A ticket button pressed by `actor`; undefined for an unknown question. */
  async act(id: string, action: TicketAction, actor: Person): Promise<ActResult | undefined> {
    let result: ActResult | undefined;
    // Lost to another writer (a second answer at the same moment, on any instance): `change` reads and decides again.
    const written = await this.change(id, (current) => {
      const outcome = applyAction(current, action, actor, new Date(this.now()).toISOString());
      result = outcome.ok ? outcome : { ...outcome, question: current };
      return outcome.ok && outcome.changed ? outcome.question : undefined;
    });
    if (!written) return result;
    this.options.logger.info({ questionId: id, action: action.type, status: written.status, version: written.version }, 'question changed');
    await this.options.queue.enqueue(`update.${id}`, { op: 'update', questionId: id });
    const { question, taught } = await this.teach(await this.tellAsker(written));
    return { ok: true, changed: true, question, ...(taught ? { taught } : {}) };
  }

  /** The asker's "Was this helpful?" on the answer; 'notYours' for anyone else; 'erased' once retention took it. */
  async rate(id: string, user: UserRef, helpful: boolean): Promise<Question | 'notYours' | 'erased' | undefined> {
    const question = await this.get(id);
    if (question?.erasedAt) return 'erased';
    if (!question?.answer) return undefined;
    if (userKey(question.asker) !== userKey(user)) return 'notYours';
    const at = new Date(this.now()).toISOString();
    return this.change(id, (current) => (current.erasedAt ? undefined : { ...current, rating: { helpful, at } }));
  }

  /**
   * Writes `change` over the stored question until the write wins (another instance may write in
   * between); undefined when there is no question or `change` has nothing to do.
   */
  async change(id: string, change: (current: Question) => Question | undefined): Promise<Question | undefined> {
    for (let tries = 0; tries < WRITE_TRIES; tries++) {
      const stored = await this.options.store.get<Question>(QUESTIONS_COLLECTION, id);
      const next = stored && change(stored.value);
      if (!stored || !next) return undefined;
      if (await unlessConflict(this.options.store.put(QUESTIONS_COLLECTION, id, next, { etag: stored.etag }))) return next;
    }
    throw new AppError('STORAGE_CONFLICT', 'question kept changing underneath', { questionId: id });
  }

  /**
   * Finishes what a crash or an outage left undone: tickets never posted (or refused before the
   * channel was fixed), cards showing an older state, askers not yet told. Run at start-up.
   */
  async recover(): Promise<void> {
    const { queue } = this.options;
    const counts = { questions: 0, posts: 0, updates: 0 };
    for (const { value: question } of await this.options.store.list<Question>(QUESTIONS_COLLECTION)) {
      counts.questions++;
      if (!question.ticket.postedAt) {
        if (await queue.enqueue(`post.${question.id}`, { op: 'post', questionId: question.id })) counts.posts++;
      } else if (question.ticket.activityId && (question.ticket.shownVersion ?? 0) < question.version) {
        if (await queue.enqueue(`update.${question.id}`, { op: 'update', questionId: question.id })) counts.updates++;
      }
      await this.teach(await this.tellAsker(question));
    }
    this.options.logger.info(counts, 'questions recovered');
  }

  /**
   * Teaches the bot an answer given with "Teach the bot this question" on, then records that it was
   * taught: a crash in between is finished by `recover`, and teaching the same question twice
   * changes nothing (the taught record is keyed by the question).
   */
  private async teach(question: Question): Promise<{ question: Question; taught?: TeachResult['outcome'] }> {
    const { learned } = this.options;
    if (question.taught !== 'pending' || !question.answer || question.erasedAt || !learned) return { question };
    try {
      const result = await learned.teachAnswer(question);
      const current = (await this.change(question.id, (q) => (q.taught === 'pending' ? { ...q, taught: 'done' } : undefined))) ?? question;
      return { question: current, taught: result.outcome };
    } catch (err) {
      // The answer stands whatever happens to teaching: it stays pending, and `recover` teaches it at the next start.
      this.options.logger.warn({ questionId: question.id, code: errorCode(err) }, 'question not taught yet: taught at the next start');
      return { question };
    }
  }

  /**
   * Queues the answer (or the close) for the asker, then records that it is queued: the outbox
   * delivers it from there, through throttling and restarts, and the record keeps it from being
   * queued again once it is sent.
   */
  private async tellAsker(question: Question): Promise<Question> {
    // Erased: there is nobody to tell and nothing to tell them.
    if (question.erasedAt) return question;
    let current = question;
    if (current.answerTold === 'pending' && current.answer) {
      await this.options.outbox.send(answeredNotice({ ...current, answer: current.answer }));
      current = (await this.change(current.id, (q) => (q.answerTold === 'pending' ? { ...q, answerTold: 'queued' } : undefined))) ?? current;
      this.options.logger.info({ questionId: current.id }, 'answer queued for the asker');
    }
    if (current.closeTold === 'pending') {
      await this.options.outbox.send(closedNotice(current));
      current = (await this.change(current.id, (q) => (q.closeTold === 'pending' ? { ...q, closeTold: 'queued' } : undefined))) ?? current;
    }
    return current;
  }
}
