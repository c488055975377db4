/**
 * Privacy requests in Teams: opens the form of the kind asked for, takes it back (Action.Execute,
 * or Action.Submit in older clients), and answers with the stored request's receipt. Requests are
 * private: asked for in a channel or group chat, the form goes to a personal chat instead.
 */
import type { Activity, TurnContext } from 'botbuilder';
import {
  alreadyOpenCard,
  answersAsFacts,
  deadLetterCard,
  deliveryHeldCard,
  formExpiredCard,
  myRequestsCard,
  receiptCard,
  requestFormCard,
} from '../cards/request-cards';
import { statusCard } from '../cards/status-card';
import type { FollowUp } from '../cards/faq-answer-card';
import { digestCard, requestUpdateCard } from '../cards/request-progress-cards';
import type { AdaptiveCard } from '../cards/render';
import type { Intent } from '../intents/classify';
import type { Logger } from '../logger';
import { DEAD_LETTER_ALERT, type DeadLetterAlertData } from '../requests/admin-alerts';
import { DELIVERY_HELD_ALERT, type DeliveryHeldAlertData } from '../requests/delivery-hold';
import { DAILY_DIGEST, type DigestData } from '../requests/digest';
import { STATUS_CHANGED, type StatusChangedData } from '../requests/progress';
import { validateFields, type FieldProblem } from '../requests/forms';
import { fieldsOf, isRequestKind, REQUEST_KIND_DEFINITIONS } from '../requests/kinds';
import { isRequestId } from '../requests/request-id';
import type { RequestService } from '../requests/request-service';
import type { RequestDetails, RequestKind, Requester } from '../requests/types';
import { format, strings } from '../strings';
import { conversationKind } from './activity-text';
import type { CardAction, CardActionResult, CardActionRouter } from './card-actions';
import type { Feature } from './feature';
import type { TeamsPersonalMessenger } from './personal-messenger';
import type { Proactive } from './proactive';
import { cardMessage } from './card-message';
import { privateReply } from './private-reply';
import { isPrivacyAdmin, requesterOf } from './requester';
import type { Metrics } from '../telemetry/metrics';

const s = strings.requests;
const REPLAY_COMMAND = /^replay(?: failed)?(?: requests?)?(?: (PR-[0-9A-Z]{8}))?$/i;

export interface RequestsFeatureOptions {
  readonly requests: RequestService;
  readonly proactive: Pick<Proactive, 'postToUser'>;
  /** Entra object ids of privacy admins: they get dead-letter alerts and may replay. */
  readonly adminIds: readonly string[];
  readonly logger: Logger;
  readonly metrics?: Pick<Metrics, 'turn'>;
  /** True while nothing can reach the privacy team: the receipt then says the request is kept, not delivered. */
  readonly deliveryHeld?: () => boolean;
}

export class RequestsFeature implements Feature {
  readonly name = 'requests';

  constructor(private readonly options: RequestsFeatureOptions) {}

  async onMessage(turn: TurnContext, intent: Intent, text: string): Promise<boolean> {
    const replay = REPLAY_COMMAND.exec(text.trim());
    if (replay && this.isAdmin(turn)) {
      // The answer lists other people's request ids: never into a channel or group chat.
      await turn.sendActivity(conversationKind(turn.activity) === 'personal' ? await this.replay(replay[1]?.toUpperCase()) : s.adminPersonalOnly);
      return true;
    }
    if (intent.type === 'request') {
      await this.openForm(turn, intent.kind);
      return true;
    }
    if (intent.type === 'myRequests') {
      await this.inPersonalChat(turn, async (requester) => cardMessage(myRequestsCard(await this.options.requests.listFor(requester))));
      return true;
    }
    return false;
  }

  registerActions(router: CardActionRouter): void {
    router.register('request.open', async (turn, action) => {
      const kind = action.data.kind;
      if (!isRequestKind(kind)) return { send: [s.formExpired] };
      await this.openForm(turn, kind);
      return {};
    });
    router.register('request.review', (turn, action) => this.withForm(turn, action, (form) => this.review(form)));
    router.register('request.edit', (turn, action) => this.withForm(turn, action, (form) => ({ card: this.formCard(form, { values: carriedValues(form) }) })));
    router.register('request.submit', (turn, action) => this.withForm(turn, action, (form) => this.submit(turn, form)));
    router.register('request.cancel', async () => ({ card: statusCard(s.cancelledTitle, s.cancelledText) }));
    router.register('request.list', async (turn) => {
      await this.inPersonalChat(turn, async (requester) => cardMessage(myRequestsCard(await this.options.requests.listFor(requester))));
      return {};
    });
    router.register('request.replay', async (turn, action) => {
      if (!this.isAdmin(turn)) return { send: [s.adminOnly] };
      if (conversationKind(turn.activity) !== 'personal') return { send: [s.adminPersonalOnly] };
      const id = isRequestId(action.data.requestId) ? action.data.requestId : undefined;
      return { send: [await this.replay(id)] };
    });
  }

  /** The cards of the notifications this feature's service sends. */
  registerNotifications(messenger: Pick<TeamsPersonalMessenger, 'register'>): void {
    messenger.register(DEAD_LETTER_ALERT, (data) => deadLetterCard((data as unknown as DeadLetterAlertData).request));
    messenger.register(DELIVERY_HELD_ALERT, (data) => deliveryHeldCard(data as unknown as DeliveryHeldAlertData));
    messenger.register(STATUS_CHANGED, (data) => requestUpdateCard(data as unknown as StatusChangedData));
    messenger.register(DAILY_DIGEST, (data) => digestCard(data as unknown as DigestData));
  }

  private async openForm(turn: TurnContext, kind: RequestKind): Promise<void> {
    await this.inPersonalChat(turn, async (requester) => {
      const open = await this.options.requests.openRequestOfKind(requester, kind);
      if (open) return cardMessage(alreadyOpenCard(open));
      const hidden = this.options.requests.issueForm(requester, kind);
      this.options.metrics?.turn('request_form');
      return cardMessage(this.formCard({ kind, requester, ...hidden }));
    });
  }

  /**
   * Runs `reply` for the authenticated requester, answering in the personal chat: here when this is
   * one, otherwise in a new personal chat with a short note in the thread.
   */
  private async inPersonalChat(turn: TurnContext, reply: (requester: Requester) => Promise<Partial<Activity>>): Promise<void> {
    const who = await requesterOf(turn);
    if (!who.ok) {
      this.options.logger.info({ reason: who.reason }, 'request refused');
      await turn.sendActivity(s.notPermitted);
      return;
    }
    await turn.sendActivity(await privateReply(turn, this.options.proactive, await reply(who.requester), s));
  }

  /** Checks the card came from a form the bot issued to this person, then hands it on. */
  private async withForm(
    turn: TurnContext,
    action: CardAction,
    next: (form: SubmittedForm) => Promise<CardActionResult> | CardActionResult,
  ): Promise<CardActionResult> {
    const who = await requesterOf(turn);
    if (!who.ok) return { send: [s.notPermitted] };
    if (conversationKind(turn.activity) !== 'personal') return { send: [s.movedToPersonalFailed] };
    const { kind, requestId, formToken } = action.data;
    if (!isRequestKind(kind)) return { send: [s.formExpired] };
    const requester = who.requester;
    const check = isRequestId(requestId) ? this.options.requests.checkForm(requester, kind, requestId, formToken) : 'invalid';
    if (check === 'expired') {
      this.options.logger.info({ code: 'FORM_EXPIRED', kind }, 'request form expired');
      return { card: formExpiredCard(kind, this.options.requests.formTtlDays) };
    }
    if (check === 'invalid') {
      // Forged or foreign card data: nothing is stored; the person gets a form of their own.
      this.options.logger.warn({ code: 'INVALID_CARD_DATA', kind }, 'request form token refused');
      const hidden = this.options.requests.issueForm(requester, kind);
      return { card: this.formCard({ kind, requester, ...hidden }, { notice: s.formExpired }) };
    }
    return next({ kind, requester, requestId: String(requestId), formToken: String(formToken), data: action.data });
  }

  /** Deletion's first step: check the answers, then ask for the explicit confirmation. */
  private review(form: SubmittedForm): CardActionResult {
    const checked = validateFields(fieldsOf(form.kind), form.data);
    if (!checked.ok) return { card: this.formCard(form, { values: checked.values, problems: checked.problems }) };
    return { card: this.confirmationCard(form, checked.details) };
  }

  private async submit(turn: TurnContext, form: SubmittedForm): Promise<CardActionResult> {
    const checked = validateFields(fieldsOf(form.kind), form.data);
    if (!checked.ok) return { card: this.formCard(form, { values: checked.values, problems: checked.problems }) };
    const confirmation = REQUEST_KIND_DEFINITIONS[form.kind].confirmation;
    if (confirmation) {
      const confirmed = validateFields([confirmation.field], form.data);
      if (!confirmed.ok) return { card: this.confirmationCard(form, checked.details, confirmed.problems) };
    }
    const result = await this.options.requests.submit({
      requestId: form.requestId,
      kind: form.kind,
      details: checked.details,
      requester: form.requester,
      source: { channelId: turn.activity.channelId, conversationId: turn.activity.conversation.id, serviceUrl: turn.activity.serviceUrl },
    });
    this.options.logger.info({ requestId: result.request.id, kind: form.kind, outcome: result.outcome }, 'request submitted');
    if (result.outcome === 'alreadyOpen') return { card: alreadyOpenCard(result.request) };
    return { card: receiptCard(result.request, { duplicate: result.outcome === 'duplicate', held: this.options.deliveryHeld?.() ?? false }) };
  }

  /** The confirmation step (deletion's): the answers as facts, carried in the data, and the one toggle. */
  private confirmationCard(form: SubmittedForm, details: RequestDetails, problems?: readonly FieldProblem[]): AdaptiveCard {
    const confirmation = REQUEST_KIND_DEFINITIONS[form.kind].confirmation;
    return requestFormCard({
      kind: form.kind,
      fields: confirmation ? [confirmation.field] : [],
      hidden: form,
      requesterName: form.requester.name,
      problems,
      confirmation,
      review: { facts: answersAsFacts(fieldsOf(form.kind), details), carried: details },
    });
  }

  private formCard(form: FormIdentity, extra: { values?: Record<string, string>; problems?: readonly FieldProblem[]; notice?: string } = {}): AdaptiveCard {
    return requestFormCard({
      kind: form.kind,
      fields: fieldsOf(form.kind),
      hidden: form,
      requesterName: form.requester.name,
      confirmation: REQUEST_KIND_DEFINITIONS[form.kind].confirmation,
      ...extra,
    });
  }

  private async replay(requestId: string | undefined): Promise<string> {
    const replayed = await this.options.requests.replayFailed(requestId);
    this.options.logger.info({ count: replayed.length }, 'failed requests replayed');
    return replayed.length === 0 ? s.replayNone : format(s.replayDone, { count: replayed.length, ids: replayed.join(', ') });
  }

  private isAdmin(turn: TurnContext): boolean {
    return isPrivacyAdmin(turn, this.options.adminIds);
  }
}

interface FormIdentity {
  readonly kind: RequestKind;
  readonly requester: Requester;
  readonly requestId: string;
  readonly formToken: string;
}

interface SubmittedForm extends FormIdentity {
  readonly data: Readonly<Record<string, unknown>>;
}

/** The answers a confirmation card carried, for "Change my answers". */
function carriedValues(form: SubmittedForm): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fieldsOf(form.kind)) {
    const value = form.data[field.id];
    if (typeof value === 'string') values[field.id] = value;
  }
  return values;
}

/** Buttons under an FAQ answer about a right: "can I ask for deletion?" offers to start one. */
export function requestFollowUps(intent: Intent): FollowUp[] {
  if (intent.type !== 'question' || !intent.aboutRight) return [];
  return [{ title: strings.kinds[intent.aboutRight].start, verb: 'request.open', data: { kind: intent.aboutRight } }];
}
