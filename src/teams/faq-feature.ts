/**
 * Answers questions from the policy content: the best entry as a card, or a plain "not covered"
 * with the help card. Never an unrelated section: abstention is the FAQ service's call.
 */
import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { faqAnswerCard, type FollowUp } from '../cards/faq-answer-card';
import { faqDidYouMeanCard } from '../cards/faq-did-you-mean-card';
import type { AdaptiveCard } from '../cards/render';
import { answerAbout } from '../faq/answer-about';
import type { FaqAnswer, FaqEntry, FaqService } from '../faq/types';
import { rightAskedIn, type Intent } from '../intents/classify';
import { errorCode } from '../errors';
import type { UserRef } from '../ids/person-key';
import type { Logger } from '../logger';
import type { UnansweredLink } from '../questions/question-service';
import type { Store } from '../storage/store';
import { strings } from '../strings';
import { MAX_MESSAGE_CHARS } from '../text/clean-text';
import { conversationKind } from './activity-text';
import { personKey } from './requester';
import { activityTenantId } from './tenant';
import type { CardAction, CardActionResult, CardActionRouter } from './card-actions';
import { cardMessage } from './card-message';
import type { Feature } from './feature';
import type { Metrics } from '../telemetry/metrics';

/**
 * Beside a request form the form is the answer; a section is added only when it answers clearly:
 * confidence 0.5 is the whole question covered with the best entry at least level with the runner-up.
 * An answer reached only because plain search agreed with us (a smaller lead) is not enough here.
 */
const CLEAR_BESIDE_A_FORM = 0.5;

export const FEEDBACK_COLLECTION = 'feedback';

/** What is kept of "Was this helpful?": the entry and the verdict, never the question asked. */
export interface FeedbackRecord {
  readonly entryId: string;
  readonly helpful: boolean;
  readonly at: string;
}

export interface FaqFeatureOptions {
  readonly faq: FaqService;
  readonly store: Pick<Store, 'put'>;
  readonly logger: Logger;
  readonly metrics?: Pick<Metrics, 'turn'>;
  /** The reply when the policy does not cover a question: the welcome card with a note (and `actions`) on top. */
  readonly notCoveredCard: (turn: TurnContext, actions: readonly FollowUp[]) => AdaptiveCard;
  /** Buttons to add under an answer, e.g. "Start a deletion request" for a question about that right. */
  readonly followUpsFor?: (intent: Intent) => FollowUp[];
  /** Buttons for every answer and the not-covered reply, given what was asked: "Ask the privacy team". */
  readonly askFor?: (asked: AskedQuestion) => FollowUp[];
  /**
   * Told of each question the content does not cover, and by whom (the privacy team's insights count
   * them); what it returns rides on the reply's "Ask the privacy team", so the question asked from it
   * can take the log's record with it when it is erased.
   */
  readonly onNotCovered?: (question: string, asker: UserRef | undefined) => Promise<UnansweredLink | undefined>;
  /** Told when a person chose an entry among "Did you mean…" and said it helped: a suggestion for the privacy team. */
  readonly onChosenHelpful?: (question: string, entryId: string) => Promise<void>;
  /** Told before an answer from content in another language than the asker's (there is none in theirs). */
  readonly onOtherLanguage?: (turn: TurnContext, contentLanguage: string) => Promise<void>;
}

/** What a person asked, and the entry they were shown for it, or the unanswered-log record it made, if any. */
export interface AskedQuestion {
  readonly question: string;
  readonly entryId?: string;
  readonly unanswered?: UnansweredLink;
}

export class FaqFeature implements Feature {
  readonly name = 'faq';

  constructor(private readonly options: FaqFeatureOptions) {}

  async onMessage(turn: TurnContext, intent: Intent, text: string): Promise<boolean> {
    // Last in line: an instruction no other feature took (say, requests are switched off) is still a question.
    if (intent.type !== 'question' && intent.type !== 'request') return false;
    await turn.sendActivity(cardMessage(await this.answerCard(turn, text, intent)));
    return true;
  }

  /**
   * An instruction ("erase me", "stop the newsletter") gets its request form from the requests
   * feature; when the policy also answers it clearly, its section follows the form, so the person
   * knows what the policy says before they send it (what is kept by law, how to change a setting
   * themselves). Nothing is added when the answer is unsure, nor in a channel or group chat, where
   * the form went to the person's own chat and the thread only says so.
   */
  async alongside(turn: TurnContext, intent: Intent, text: string): Promise<void> {
    if (intent.type !== 'request' || conversationKind(turn.activity) !== 'personal') return;
    const answer = this.answerTo(text, intent);
    if (!answer.entry || answer.confidence < CLEAR_BESIDE_A_FORM) return;
    this.options.logger.info({ outcome: 'beside-form', entryId: answer.entry.id }, 'faq answer');
    await turn.sendActivity(
      cardMessage(faqAnswerCard({ entry: answer.entry, related: answer.related, question: text, followUps: this.askFor(text, answer.entry) })),
    );
  }

  registerActions(router: CardActionRouter): void {
    router.register('faq.ask', (turn, action) => this.ask(turn, action));
    router.register('faq.open', (turn, action) => this.open(action));
    router.register('faq.feedback', (turn, action) => this.feedback(turn, action));
  }

  /** An example question from the welcome card: answered as if typed. */
  private async ask(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    return { send: [cardMessage(await this.answerCard(turn, askedIn(action), { type: 'question' }))] };
  }

  private async open(action: CardAction): Promise<CardActionResult> {
    const entry = this.entryFrom(action.data.entryId);
    if (!entry) return { send: [strings.faq.entryGone] };
    const question = askedIn(action);
    const via = chosenVia(action);
    return {
      send: [cardMessage(faqAnswerCard({ entry, related: this.relatedTo(entry), question, followUps: this.askFor(question, entry), ...(via ? { via } : {}) }))],
    };
  }

  private async feedback(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    const entry = this.entryFrom(action.data.entryId);
    if (!entry) return { send: [strings.faq.entryGone] };
    const helpful = action.data.helpful === true || action.data.helpful === 'true';
    const record: FeedbackRecord = { entryId: entry.id, helpful, at: new Date().toISOString() };
    // One record per person and entry: clicking again changes the verdict, it does not add a record.
    await this.options.store.put(FEEDBACK_COLLECTION, feedbackKey(turn, entry.id), record);
    this.options.logger.info({ entryId: entry.id, helpful }, 'faq feedback');
    if (helpful && chosenVia(action) === 'didYouMean' && askedIn(action)) {
      // A suggestion must never cost the person their thank-you.
      await this.options
        .onChosenHelpful?.(askedIn(action), entry.id)
        .catch((err: unknown) => this.options.logger.warn({ code: errorCode(err) }, 'suggestion not recorded'));
    }
    const related = this.relatedFrom(action.data.relatedIds, entry);
    const feedbackGiven = helpful ? strings.faq.feedbackThanks : strings.faq.feedbackSorry;
    const question = askedIn(action);
    return { card: faqAnswerCard({ entry, related, feedbackGiven, question, followUps: this.askFor(question, entry) }) };
  }

  /** The answer as the bot gives it: towards the right the message asks for or about, if any. */
  private answerTo(question: string, intent: Intent): FaqAnswer {
    return answerAbout(this.options.faq, question, rightAskedIn(intent));
  }

  private async answerCard(turn: TurnContext, question: string, intent: Intent): Promise<AdaptiveCard> {
    const answer = this.answerTo(question, intent);
    if (answer.contentLanguage && (answer.entry || answer.candidates.length > 0)) await this.options.onOtherLanguage?.(turn, answer.contentLanguage);
    if (!answer.entry && answer.candidates.length > 0) {
      this.options.metrics?.turn('did_you_mean');
      this.options.logger.info({ outcome: 'did-you-mean', entryIds: answer.candidates.map((entry) => entry.id) }, 'faq answer');
      return faqDidYouMeanCard(answer.candidates, { question, actions: this.askFor(question) });
    }
    if (!answer.entry) {
      this.options.metrics?.turn('not_covered');
      this.options.logger.info({ outcome: 'not-covered' }, 'faq answer');
      // Counting a gap must never cost the person their reply.
      const unanswered = await this.options.onNotCovered?.(question, askerOf(turn)).catch((err: unknown) => {
        this.options.logger.warn({ code: errorCode(err) }, 'not-covered question not recorded');
        return undefined;
      });
      return this.options.notCoveredCard(turn, this.askFor(question, undefined, unanswered));
    }
    this.options.metrics?.turn('answered');
    this.options.logger.info({ outcome: 'answered', entryId: answer.entry.id }, 'faq answer');
    const followUps = [...(this.options.followUpsFor?.(intent) ?? []), ...this.askFor(question, answer.entry)];
    return faqAnswerCard({ entry: answer.entry, related: answer.related, followUps, question });
  }

  private askFor(question: string, entry?: FaqEntry, unanswered?: UnansweredLink): FollowUp[] {
    return this.options.askFor?.({ question, ...(entry ? { entryId: entry.id } : {}), ...(unanswered ? { unanswered } : {}) }) ?? [];
  }

  private entryFrom(value: unknown): FaqEntry | undefined {
    return typeof value === 'string' && value.length <= 200 ? this.options.faq.getEntry(value) : undefined;
  }

  /** Related entries come back from the card; forged or stale ids are simply dropped. */
  private relatedFrom(value: unknown, entry: FaqEntry): FaqEntry[] {
    if (typeof value !== 'string') return this.relatedTo(entry);
    return value
      .split(' ')
      .slice(0, 3)
      .map((id) => this.entryFrom(id))
      .filter((item): item is FaqEntry => item !== undefined && item.id !== entry.id);
  }

  private relatedTo(entry: FaqEntry): FaqEntry[] {
    return this.options.faq.relatedTo(entry);
  }
}

/** The question a card carried in its button's data (empty on cards from before it did). */
function askedIn(action: CardAction): string {
  return typeof action.data.question === 'string' ? action.data.question.slice(0, MAX_MESSAGE_CHARS) : '';
}

/** 'didYouMean' when the person opened the entry from "Did you mean…" (carried on to its "Was this helpful?"). */
function chosenVia(action: CardAction): 'didYouMean' | undefined {
  return action.data.via === 'didYouMean' ? 'didYouMean' : undefined;
}

/** Who Teams says sent the activity, when it names a work account. */
function askerOf(turn: TurnContext): UserRef | undefined {
  const aadObjectId = turn.activity.from?.aadObjectId;
  const tenantId = activityTenantId(turn.activity);
  return aadObjectId && tenantId ? { aadObjectId, tenantId } : undefined;
}

/** Who gave feedback on which entry, as a hash: the record can be replaced, but not read back as a list of people. */
function feedbackKey(turn: TurnContext, entryId: string): string {
  return createHash('sha256')
    .update(`${activityTenantId(turn.activity) ?? ''}\n${personKey(turn.activity.from)}\n${entryId}`)
    .digest('hex')
    .slice(0, 32);
}
