/** The welcome / help card, also shown (with a notice on top) when the policy has no answer. */
import { strings } from '../strings';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import welcomeJson from './templates/welcome.json';

interface WelcomeCardData {
  speak: string;
  examples: readonly string[];
  requestsHeading?: string;
  requestActions: ReadonlyArray<{ kind: string; title: string }>;
  showChannelHint: boolean;
  notCovered?: { title: string; text: string };
}

const welcomeTemplate = cardTemplate<WelcomeCardData>(welcomeJson);

export interface WelcomeCardOptions {
  /** Request buttons appear once the requests feature is wired in. */
  readonly withRequests: boolean;
  /** Where the person is: in channels the card explains @mentions. */
  readonly inChannelOrGroup?: boolean;
  readonly notCovered?: boolean;
}

export function welcomeCard(options: WelcomeCardOptions): AdaptiveCard {
  const s = strings;
  const kinds = ['export', 'deletion', 'optout'] as const;
  return renderCard(welcomeTemplate, {
    speak: options.notCovered ? `${s.faq.notCoveredTitle}. ${s.faq.notCovered}` : s.welcome.speak,
    examples: s.welcome.examples,
    requestsHeading: options.withRequests ? s.requestButtons.heading : undefined,
    requestActions: options.withRequests ? kinds.map((kind) => ({ kind, title: s.requestButtons[kind] })) : [],
    showChannelHint: options.inChannelOrGroup === true,
    notCovered: options.notCovered ? { title: s.faq.notCoveredTitle, text: s.faq.notCovered } : undefined,
  });
}
