/**
 * A conversation capability (welcome, FAQ, requests, notices). The bot offers each classified
 * message to its features in order; the first that handles it wins. Features own their verbs.
 */
import type { TurnContext } from 'botbuilder';
import type { Intent } from '../intents/classify';
import type { CardActionRouter } from './card-actions';

export interface InstallationEvent {
  readonly action: 'add' | 'remove';
  /** Which Teams activity told us: Teams sends both for one install, so consumers deduplicate. */
  readonly source: 'installationUpdate' | 'conversationUpdate';
}

export interface Feature {
  readonly name: string;
  /** True when this feature answered the message. `text` has mentions and markup stripped. */
  onMessage?(turn: TurnContext, intent: Intent, text: string): Promise<boolean>;
  /** Offered a message another feature answered, to add to that answer (the FAQ adds the policy's section to a request form). */
  alongside?(turn: TurnContext, intent: Intent, text: string): Promise<void>;
  registerActions?(router: CardActionRouter): void;
  onInstallation?(turn: TurnContext, event: InstallationEvent): Promise<void>;
}
