/** Welcome card on install and on "hi" / "help"; short friendly replies to greetings and thanks. */
import type { TurnContext } from 'botbuilder';
import type { FollowUp } from '../cards/faq-answer-card';
import type { AdaptiveCard } from '../cards/render';
import { welcomeCard } from '../cards/welcome-card';
import type { Intent } from '../intents/classify';
import type { RequestKind } from '../requests/kinds';
import { strings } from '../strings';
import { conversationKind } from './activity-text';
import { cardMessage } from './card-message';
import type { Feature, InstallationEvent } from './feature';

export class WelcomeFeature implements Feature {
  readonly name = 'welcome';

  /** `requestKinds`: the requests the card offers buttons for (none where requests are not wired). */
  constructor(private readonly options: { readonly requestKinds: readonly RequestKind[] }) {}

  async onMessage(turn: TurnContext, intent: Intent): Promise<boolean> {
    switch (intent.type) {
      case 'greeting':
        // "hi" is how people find out what a bot does: the card answers that better than a line.
        await this.sendWelcome(turn);
        return true;
      case 'help':
        await this.sendWelcome(turn);
        return true;
      case 'thanks':
        await turn.sendActivity(strings.common.thanksReply);
        return true;
      default:
        return false;
    }
  }

  async onInstallation(turn: TurnContext, event: InstallationEvent): Promise<void> {
    // Teams announces one install twice (installationUpdate and conversationUpdate): welcome once.
    if (event.action === 'add' && event.source === 'installationUpdate') await this.sendWelcome(turn);
  }

  /**
   * The welcome card for this conversation; with `notCovered`, the FAQ's "the policy does not cover
   * that" reply, with `actions` (such as "Ask the privacy team") under the note.
   */
  card(turn: TurnContext, notCovered = false, actions: readonly FollowUp[] = []): AdaptiveCard {
    return welcomeCard({
      requestKinds: this.options.requestKinds,
      inChannelOrGroup: conversationKind(turn.activity) !== 'personal',
      notCovered,
      notCoveredActions: actions,
    });
  }

  private async sendWelcome(turn: TurnContext): Promise<void> {
    await turn.sendActivity(cardMessage(this.card(turn)));
  }
}
