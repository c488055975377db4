/**
 * The Teams activity handler: turns activities into intents, card actions and installation events,
 * and hands them to the features. It knows nothing of lunr, webhooks or storage.
 */
import { ActivityHandler, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { errorAnswer, errorCode } from '../errors';
import { classifyIntent } from '../intents/classify';
import { englishCommandOf } from '../intents/other-languages';
import type { Logger } from '../logger';
import { strings } from '../strings';
import { messageText } from './activity-text';
import { asCardData, type CardAction, type CardActionResult, type CardActionRouter } from './card-actions';
import { cardMessage, invokeMessage } from './card-message';
import type { Feature, InstallationEvent } from './feature';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const ERROR_CONTENT_TYPE = 'application/vnd.microsoft.error';

export class PrivacyBot extends ActivityHandler {
  constructor(
    private readonly features: readonly Feature[],
    private readonly router: CardActionRouter,
    private readonly logger: Logger,
  ) {
    super();
    for (const feature of features) feature.registerActions?.(router);

    this.onMessage(async (turn, next) => {
      await this.handleMessage(turn);
      await next();
    });
    this.onInstallationUpdate(async (turn, next) => {
      const action = String(turn.activity.action ?? '');
      // 'add-upgrade' / 'remove-upgrade' are version changes of an existing install, not new ones.
      if (action === 'add' || action === 'remove') await this.installation(turn, { action, source: 'installationUpdate' });
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      if (includesBot(turn.activity.membersAdded, turn)) {
        await this.installation(turn, { action: 'add', source: 'conversationUpdate' });
      }
      await next();
    });
    this.onMembersRemoved(async (turn, next) => {
      if (includesBot(turn.activity.membersRemoved, turn)) {
        await this.installation(turn, { action: 'remove', source: 'conversationUpdate' });
      }
      await next();
    });
  }

  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    if (turn.activity.name !== 'adaptiveCard/action') return { status: 501 };
    const value = asCardData(turn.activity.value);
    const action = asCardData(value?.action);
    const verb = typeof action?.verb === 'string' ? action.verb : '';
    const data = asCardData(action?.data) ?? {};
    // Teams shows "Something went wrong" unless the body is a whole AdaptiveCardInvokeResponse.
    const body = await this.runAction(turn, { verb, data, via: 'execute' })
      .then((result) => (result.card ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: result.card } : invokeMessage(strings.common.botName)))
      .catch((err: unknown) => this.invokeError(err, verb));
    return { status: 200, body };
  }

  private async handleMessage(turn: TurnContext): Promise<void> {
    const data = asCardData(turn.activity.value);
    if (data && typeof data.verb === 'string') {
      // Action.Submit: the card data arrives as the message value, inputs merged in.
      const { verb, ...rest } = data;
      try {
        const result = await this.runAction(turn, { verb, data: rest, via: 'submit' });
        if (result.card) await turn.sendActivity(cardMessage(result.card));
      } catch (err) {
        // A refused action (an unknown verb, forged data) is told as such; anything else is the turn's error.
        const answer = errorAnswer(err);
        if (answer.status >= 500) throw err;
        this.logger.warn({ code: errorCode(err), verb: verb.slice(0, 40) }, 'card action refused');
        await turn.sendActivity(answer.message);
      }
      return;
    }

    const typed = messageText(turn.activity);
    // A command typed by its name in another language reaches the features as its English name.
    const text = (typed && englishCommandOf(typed)) ?? typed;
    if (!text) {
      await turn.sendActivity(strings.common.emptyMessage);
      return;
    }
    const intent = classifyIntent(text);
    this.logger.debug({ intent: intent.type }, 'message classified');
    for (const feature of this.features) {
      if (!(await feature.onMessage?.(turn, intent, text))) continue;
      for (const other of this.features) if (other !== feature) await other.alongside?.(turn, intent, text);
      return;
    }
    await turn.sendActivity(strings.common.emptyMessage);
  }

  private async runAction(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    const result = await this.router.dispatch(turn, action);
    for (const message of result.send ?? []) await turn.sendActivity(message);
    return result;
  }

  private invokeError(err: unknown, verb: string) {
    const answer = errorAnswer(err);
    if (answer.status < 500) this.logger.warn({ code: errorCode(err), verb: verb.slice(0, 40) }, 'card action refused');
    else this.logger.error({ code: errorCode(err), verb: verb.slice(0, 40) }, 'card action failed');
    return { statusCode: answer.status, type: ERROR_CONTENT_TYPE, value: { code: answer.name, message: answer.message } };
  }

  private async installation(turn: TurnContext, event: InstallationEvent): Promise<void> {
    this.logger.info({ action: event.action, source: event.source, conversationType: turn.activity.conversation?.conversationType }, 'installation event');
    for (const feature of this.features) await feature.onInstallation?.(turn, event);
  }
}

function includesBot(members: Activity['membersAdded'] | undefined, turn: TurnContext): boolean {
  const botId = turn.activity.recipient?.id;
  return Boolean(botId && members?.some((member) => member.id === botId));
}
