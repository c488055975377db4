/** The one way a feature wraps an Adaptive Card into a Teams message, and text into an invoke's answer. */
import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';

export function cardMessage(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** An Action.Execute answer (AdaptiveCardInvokeResponse) that shows `text` where the card was clicked. */
export function invokeMessage(text: string) {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}
