/**
 * Ask the privacy team, in Teams. The asker: "Ask the privacy team" under an answer (or the
 * not-covered reply) opens a form with their question, Send gives a receipt, the answer arrives in
 * their personal chat, `my questions` lists theirs. The team: a ticket card in its channel with
 * Assign to me, Answer and Close, which only work from that channel. Privacy admins: `insights`.
 * Who acts is always who Teams says sent the activity; card data only names the question.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { faqAnswerCard, type FollowUp } from '../cards/faq-answer-card';
import {
  insightsCard,
  myQuestionsCard,
  questionAnswerCard,
  questionClosedCard,
  questionFormCard,
  questionReceiptCard,
  ticketCard,
  type TicketView,
} from '../cards/question-cards';
import { statusCard } from '../cards/status-card';
import { AppError } from '../errors';
import type { FaqService } from '../faq/types';
import type { Intent } from '../intents/classify';
import type { Logger } from '../logger';
import { answeredData, answeredDataOf, closedData, QUESTION_ANSWERED, QUESTION_CLOSED } from '../questions/asker-notices';
import type { InsightsService } from '../questions/insights';
import { isQuestionId } from '../questions/question-id';
import { MAX_WAITING_QUESTIONS, type QuestionService, type UnansweredLink } from '../questions/question-service';
import type { Person, Question, TicketAction } from '../questions/types';
import { QUESTION_TICKET_FAILED, ticketFailedData } from '../questions/ticket-alerts';
import { MAX_LEARNED } from '../questions/learned';
import { answerFrom, knownEntryId } from '../questions/answer-form';
import { checkQuestion } from '../questions/validate';
import { format, strings } from '../strings';
import { MAX_MESSAGE_CHARS } from '../text/clean-text';
import { safeLinks } from '../text/markdown';
import { conversationKind, commandWords } from './activity-text';
import type { CardAction, CardActionResult, CardActionRouter } from './card-actions';
import { cardMessage } from './card-message';
import type { AskedQuestion } from './faq-feature';
import type { Feature } from './feature';
import type { TeamsPersonalMessenger } from './personal-messenger';
import { privateReply } from './private-reply';
import { referenceOf, type Proactive } from './proactive';
import { isPrivacyAdmin, requesterOf } from './requester';
import { ticketView } from './ticket-board';

const s = strings.questions;
// Matched on the lower-cased words of the message, so case and punctuation do not matter.
const MY_QUESTIONS = /^((show|list|view|see|check)( me)?( all)? )?my (privacy )?questions?( to the privacy team)?$/;
const INSIGHTS = /^(show )?(the )?(privacy |content )?insights$/;

export interface QuestionsFeatureOptions {
  readonly questions: QuestionService;
  readonly insights: InsightsService;
  readonly proactive: Pick<Proactive, 'postToUser'>;
  /** The content and taught entries: what a ticket can be answered with, and the card the asker then gets. */
  readonly faq: Pick<FaqService, 'getEntry' | 'entries' | 'relatedTo' | 'answer'>;
  /** Entra object ids of privacy admins: they see insights. */
  readonly adminIds: readonly string[];
  readonly logger: Logger;
}

type Messages = Array<Partial<Activity> | string>;

export class QuestionsFeature implements Feature {
  readonly name = 'questions';

  constructor(private readonly options: QuestionsFeatureOptions) {}

  async onMessage(turn: TurnContext, _intent: Intent, text: string): Promise<boolean> {
    const command = commandWords(text);
    if (MY_QUESTIONS.test(command)) {
      for (const message of await this.myQuestions(turn)) await turn.sendActivity(message);
      return true;
    }
    if (INSIGHTS.test(command)) {
      await turn.sendActivity(await this.insights(turn));
      return true;
    }
    return false;
  }

  /** "Ask the privacy team" for what was asked: under every answer and the not-covered reply. */
  readonly askFor = (asked: AskedQuestion): FollowUp[] => {
    if (!this.options.questions.enabled) return [];
    const question = asked.question.slice(0, MAX_MESSAGE_CHARS);
    return [{ title: s.askButton, verb: 'question.open', data: { question, ...(asked.entryId ? { entryId: asked.entryId } : {}), ...asked.unanswered } }];
  };

  registerActions(router: CardActionRouter): void {
    router.register('question.open', async (turn, action) => ({ send: await this.openForm(turn, action) }));
    router.register('question.send', (turn, action) => this.send(turn, action));
    router.register('question.cancel', async () => ({ card: statusCard(s.cancelledTitle, s.cancelledText) }));
    router.register('question.list', async (turn) => ({ send: await this.myQuestions(turn) }));
    router.register('question.rate', (turn, action) => this.rate(turn, action));
    router.register('question.assign', (turn, action) => this.onTicket(turn, action, () => ({ type: 'assign' })));
    router.register('question.close', (turn, action) => this.onTicket(turn, action, () => ({ type: 'close' })));
    router.register('question.answer', (turn, action) => this.onTicket(turn, action, () => answerFrom(action.data, this.options.faq)));
    // Teams asks for the card's current state (the card's refresh), for the person looking at it.
    router.register('question.refresh', (turn, action) => this.onTicket(turn, action, () => undefined));
  }

  /** The cards of the messages the question service sends the asker. */
  registerNotifications(messenger: Pick<TeamsPersonalMessenger, 'register'>): void {
    messenger.register(QUESTION_ANSWERED, (data) => {
      const answered = answeredData(data);
      if (!answered) return undefined;
      // The team chose an entry: the asker gets its answer card, saying so, with the team's words under that line.
      const entry = answered.entryId ? this.options.faq.getEntry(answered.entryId) : undefined;
      if (entry) {
        // The team's words render as Markdown: links to https: and mailto: only, as on every answer of theirs.
        const chosen = { line: format(strings.learned.chosenForYou, { id: answered.id }), ...(answered.answer ? { text: safeLinks(answered.answer) } : {}) };
        return faqAnswerCard({ entry, related: this.options.faq.relatedTo(entry), question: answered.question, chosen });
      }
      // An entry forgotten since, and no words of the team's: its title is all there is to tell.
      return questionAnswerCard(answered.answer || !answered.entryId ? answered : { ...answered, answer: strings.learned.chosenGone });
    });
    messenger.register(QUESTION_CLOSED, (data) => {
      const closed = closedData(data);
      return closed && questionClosedCard(closed);
    });
    messenger.register(QUESTION_TICKET_FAILED, (data) => {
      const failed = ticketFailedData(data);
      return failed && statusCard(s.ticketFailedTitle, format(s.ticketFailedText, { id: failed.id, reason: failed.reason }));
    });
  }

  private async openForm(turn: TurnContext, action: CardAction): Promise<Messages> {
    if (!this.options.questions.enabled) return [s.notOffered];
    const question = typeof action.data.question === 'string' ? action.data.question.slice(0, MAX_MESSAGE_CHARS) : '';
    const entryId = knownEntryId(action.data.entryId, this.options.faq);
    const unanswered = unansweredLinkIn(action);
    return this.privately(turn, async (asker) =>
      cardMessage(questionFormCard({ question, hidden: this.options.questions.issueForm(asker), entryId, unanswered })),
    );
  }

  private async send(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    const { questions, logger } = this.options;
    if (!questions.enabled) return { card: statusCard(s.formTitle, s.notOffered) };
    const asker = await this.person(turn);
    if (!asker) return { send: [s.notPermitted] };
    if (conversationKind(turn.activity) !== 'personal') return { send: [s.movedToPersonalFailed] };
    const entryId = knownEntryId(action.data.entryId, this.options.faq);
    // Carried on through every form shown again; only the asker's own record is ever linked (checked below).
    const unanswered = unansweredLinkIn(action);
    const checked = checkQuestion(action.data.question);
    const { questionId, formToken } = action.data;
    if (!isQuestionId(questionId) || !questions.isGenuineForm(asker, questionId, formToken)) {
      // Forged or someone else's form: nothing is sent; the person gets a form of their own, their words kept.
      logger.warn({ code: 'INVALID_CARD_DATA' }, 'question form token refused');
      return { card: questionFormCard({ question: checked.text, hidden: questions.issueForm(asker), entryId, unanswered, problem: s.formExpired }) };
    }
    if (!checked.ok)
      return {
        card: questionFormCard({ question: checked.text, hidden: { questionId, formToken: String(formToken) }, entryId, unanswered, problem: checked.problem }),
      };
    const unansweredKey = unanswered && questions.unansweredKeyOf(asker, unanswered);
    const result = await questions.ask({
      questionId,
      text: checked.text,
      asker,
      from: referenceOf(turn.activity),
      entryId,
      ...(unansweredKey ? { unansweredKey } : {}),
    });
    logger.info({ questionId, outcome: result.outcome }, 'question sent to the privacy team');
    if (result.outcome === 'tooMany') {
      const problem = format(s.tooManyWaiting, { count: MAX_WAITING_QUESTIONS });
      return { card: questionFormCard({ question: checked.text, hidden: { questionId, formToken: String(formToken) }, entryId, unanswered, problem }) };
    }
    return { card: questionReceiptCard(result.question, { duplicate: result.outcome === 'duplicate' }) };
  }

  private async rate(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    const who = await this.person(turn);
    if (!who) return { send: [s.notPermitted] };
    const id = action.data.questionId;
    if (!isQuestionId(id)) throw new AppError('INVALID_CARD_DATA', 'not a question id', { verb: 'question.rate' });
    const helpful = action.data.helpful === true || action.data.helpful === 'true';
    const rated = await this.options.questions.rate(id, who, helpful);
    if (rated === 'notYours') return { send: [s.notYours] };
    if (rated === 'erased') return { card: statusCard(s.answerTitle, s.erasedRefused) };
    if (!rated?.answer) throw new AppError('INVALID_CARD_DATA', 'no answered question with that id', { questionId: id });
    this.options.logger.info({ questionId: id, helpful }, 'team answer rated');
    return { card: questionAnswerCard(answeredDataOf({ ...rated, answer: rated.answer }), helpful ? s.helpfulThanks : s.helpfulSorry) };
  }

  /**
   * A ticket button. Refused (and nothing changes) unless it comes from the privacy channel, names
   * a question that exists, and is pressed by someone Teams identifies. `make` turns the card data
   * into the action; undefined only looks (refresh); a problem is shown on the card.
   */
  private async onTicket(turn: TurnContext, action: CardAction, make: () => TicketAction | { problem: string } | undefined): Promise<CardActionResult> {
    const { questions } = this.options;
    if (!questions.isPrivacyChannel(turn.activity.conversation?.id)) throw new AppError('FORBIDDEN', s.teamOnly, { verb: action.verb });
    const id = action.data.questionId;
    if (!isQuestionId(id)) throw new AppError('INVALID_CARD_DATA', 'not a question id', { verb: action.verb });
    const actor = await this.person(turn);
    if (!actor) throw new AppError('FORBIDDEN', s.teamOnly, { verb: action.verb });
    const ticketAction = make();
    if (!ticketAction || 'problem' in ticketAction) {
      const question = await questions.get(id);
      if (!question) throw new AppError('INVALID_CARD_DATA', 'no question with that id', { questionId: id });
      return { card: this.ticket(question, actor, ticketAction && { text: ticketAction.problem, style: 'attention' }) };
    }
    const result = await questions.act(id, ticketAction, actor);
    if (!result) throw new AppError('INVALID_CARD_DATA', 'no question with that id', { questionId: id });
    if (!result.ok) {
      this.options.logger.info({ questionId: id, action: ticketAction.type, refused: result.refusal.reason }, 'ticket action refused');
      const { refusal } = result;
      const notice =
        refusal.reason === 'answered' ? format(s.alreadyAnswered, { name: refusal.by.name }) : refusal.reason === 'closed' ? s.alreadyClosed : s.erasedRefused;
      return { card: this.ticket(result.question, actor, { text: notice, style: 'warning' }) };
    }
    const sent = ticketAction.type === 'answer' ? { text: answerNotice(result.question.asker.name, result.taught), style: 'good' as const } : undefined;
    return { card: this.ticket(result.question, actor, sent) };
  }

  private ticket(question: Question, viewer: Person, notice?: TicketView['notice']) {
    return ticketCard(question, ticketView(question, this.options.faq, { viewer: viewer.aadObjectId, ...(notice ? { notice } : {}) }));
  }

  private async myQuestions(turn: TurnContext): Promise<Messages> {
    return this.privately(turn, async (asker) =>
      cardMessage(myQuestionsCard(await this.options.questions.listFor(asker), (id) => this.options.faq.getEntry(id)?.title)),
    );
  }

  private async insights(turn: TurnContext): Promise<Partial<Activity> | string> {
    if (!isPrivacyAdmin(turn, this.options.adminIds)) {
      this.options.logger.info({ code: 'FORBIDDEN' }, 'insights refused: not an admin');
      return s.adminOnly;
    }
    if (conversationKind(turn.activity) !== 'personal') return s.personalOnly;
    const insights = await this.options.insights.compute();
    this.options.logger.info(
      { unanswered: insights.unanswered.length, notHelpful: insights.notHelpful.length, sent: insights.sentToTeam.length },
      'insights shown',
    );
    return cardMessage(insightsCard(insights));
  }

  /** What to say here so that `build`'s message reaches the asker privately. */
  private async privately(turn: TurnContext, build: (asker: Person) => Promise<Partial<Activity>>): Promise<Messages> {
    const asker = await this.person(turn);
    if (!asker) return [s.notPermitted];
    return [await privateReply(turn, this.options.proactive, await build(asker), s)];
  }

  /** Who sent the activity, as Teams authenticated them; undefined without a work account. */
  private async person(turn: TurnContext): Promise<Person | undefined> {
    const who = await requesterOf(turn);
    if (!who.ok) {
      this.options.logger.info({ reason: who.reason }, 'question refused: no work account');
      return undefined;
    }
    const { aadObjectId, tenantId, name, teamsUserId } = who.requester;
    return { aadObjectId, tenantId, name, teamsUserId };
  }
}

/** The unanswered-log link a card carried, as strings of a sane length; whose it is, `send` checks. */
function unansweredLinkIn(action: CardAction): UnansweredLink | undefined {
  const { unansweredKey, unansweredToken } = action.data;
  const fits = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 100;
  return fits(unansweredKey) && fits(unansweredToken) ? { unansweredKey, unansweredToken } : undefined;
}

/** "Your answer is on its way", and what became of teaching the bot. */
function answerNotice(askerName: string, taught: string | undefined): string {
  const sent = format(s.answerSent, { name: askerName || s.unknownAsker });
  if (taught === 'taught' || taught === 'already') return `${sent} ${strings.learned.taughtNote}`;
  if (taught === 'full') return `${sent} ${format(strings.learned.taughtFullNote, { max: MAX_LEARNED })}`;
  return sent;
}
