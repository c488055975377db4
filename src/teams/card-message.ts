/** The one way a feature wraps an Adaptive Card into a Teams message. */
import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';

export function cardMessage(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
