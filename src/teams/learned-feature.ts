/**
 * Teaching the bot, in Teams, for privacy admins: `learned` lists what the privacy team taught (with
 * the Markdown to paste and Forget), and the suggestions in `insights` are accepted or dismissed.
 * A "Did you mean…" choice followed by "Yes, this helped" makes a suggestion (through the FAQ feature's
 * `onChosenHelpful`). Who acts is who Teams says sent the activity.
 */
import type { TurnContext } from 'botbuilder';
import { learnedCard } from '../cards/learned-card';
import { statusCard } from '../cards/status-card';
import { AppError } from '../errors';
import type { FaqService } from '../faq/types';
import type { Intent } from '../intents/classify';
import type { Logger } from '../logger';
import { isLearnedId, MAX_LEARNED, type LearnedContent } from '../questions/learned';
import { isSuggestionId, type Suggestions } from '../questions/suggestions';
import { format, strings } from '../strings';
import { conversationKind, commandWords } from './activity-text';
import type { CardAction, CardActionResult, CardActionRouter } from './card-actions';
import { cardMessage } from './card-message';
import type { Feature } from './feature';
import { isPrivacyAdmin } from './requester';

const s = strings.learned;
// Matched on the lower-cased words of the message, so case and punctuation do not matter.
const LEARNED = /^(show )?(what (the bot|you) )?(learned|learnt|taught)( questions)?$/;

export interface LearnedFeatureOptions {
  readonly learned: LearnedContent;
  readonly suggestions: Suggestions;
  readonly faq: Pick<FaqService, 'getEntry'>;
  readonly adminIds: readonly string[];
  readonly logger: Logger;
}

export class LearnedFeature implements Feature {
  readonly name = 'learned';

  constructor(private readonly options: LearnedFeatureOptions) {}

  async onMessage(turn: TurnContext, _intent: Intent, text: string): Promise<boolean> {
    const command = commandWords(text);
    if (!LEARNED.test(command)) return false;
    const refusal = this.refusal(turn);
    if (refusal) {
      await turn.sendActivity(refusal);
      return true;
    }
    await turn.sendActivity(cardMessage(await this.card()));
    return true;
  }

  registerActions(router: CardActionRouter): void {
    router.register('learned.forget', (turn, action) => this.forget(turn, action));
    router.register('suggestion.accept', (turn, action) => this.onSuggestion(turn, action, 'accept'));
    router.register('suggestion.dismiss', (turn, action) => this.onSuggestion(turn, action, 'dismiss'));
  }

  /** For the FAQ feature: a person chose an entry among "Did you mean…" and said it helped. */
  readonly onChosenHelpful = (question: string, entryId: string): Promise<void> => this.options.suggestions.record(question, entryId);

  private async forget(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    this.requireAdmin(turn, action);
    const id = action.data.learnedId;
    if (!isLearnedId(id)) throw new AppError('INVALID_CARD_DATA', 'not a learned id', { verb: action.verb });
    const item = await this.options.learned.get(id);
    const forgotten = item ? await this.options.learned.forget(id) : false;
    this.options.logger.info({ learnedId: id, forgotten }, 'forget pressed');
    return { card: await this.card(forgotten && item ? format(s.forgotten, { question: item.question }) : s.forgetGone) };
  }

  private async onSuggestion(turn: TurnContext, action: CardAction, what: 'accept' | 'dismiss'): Promise<CardActionResult> {
    this.requireAdmin(turn, action);
    const id = action.data.suggestionId;
    if (!isSuggestionId(id)) throw new AppError('INVALID_CARD_DATA', 'not a suggestion id', { verb: action.verb });
    const { suggestions, logger } = this.options;
    if (what === 'dismiss') {
      const dismissed = await suggestions.dismiss(id);
      logger.info({ dismissed }, 'suggestion dismissed');
      return { send: [dismissed ? s.dismissed : s.suggestionGone] };
    }
    const result = await suggestions.accept(id);
    logger.info({ outcome: result?.outcome ?? 'gone' }, 'suggestion accepted');
    if (!result) return { send: [s.suggestionGone] };
    if (result.outcome === 'full') return { send: [format(s.taughtFullNote, { max: MAX_LEARNED })] };
    if (!('item' in result)) return { send: [s.suggestionGone] };
    const title = (result.item.entryId && this.options.faq.getEntry(result.item.entryId)?.title) ?? '';
    return { send: [cardMessage(statusCard(s.learnedTitle, format(s.accepted, { question: result.item.question, title }), 'good'))] };
  }

  private async card(notice?: string) {
    const faq = this.options.faq;
    return learnedCard(await this.options.learned.list((id) => faq.getEntry(id)), notice);
  }

  /** Why this person may not see or change what was taught here, or undefined when they may. */
  private refusal(turn: TurnContext): string | undefined {
    if (!isPrivacyAdmin(turn, this.options.adminIds)) {
      this.options.logger.info({ code: 'FORBIDDEN' }, 'learned refused: not an admin');
      return s.adminOnly;
    }
    if (conversationKind(turn.activity) !== 'personal') return s.personalOnly;
    return undefined;
  }

  private requireAdmin(turn: TurnContext, action: CardAction): void {
    if (!isPrivacyAdmin(turn, this.options.adminIds)) throw new AppError('FORBIDDEN', s.adminOnly, { verb: action.verb });
  }
}
