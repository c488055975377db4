/** The welcome / help card, also shown (with a notice on top) when the policy has no answer. */
import type { RequestKind } from '../requests/types';
import { strings } from '../strings';
import type { FollowUp } from './faq-answer-card';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import welcomeJson from './templates/welcome.json';

interface WelcomeCardData {
  speak: string;
  examples: readonly string[];
  requestsHeading?: string;
  requestActions: ReadonlyArray<{ kind: string; title: string }>;
  showChannelHint: boolean;
  notCovered?: { title: string; text: string; actions: readonly FollowUp[] };
}

const welcomeTemplate = cardTemplate<WelcomeCardData>(welcomeJson);

export interface WelcomeCardOptions {
  /** One button per kind, under "Make a privacy request"; none, no heading. */
  readonly requestKinds: readonly RequestKind[];
  /** Where the person is: in channels the card explains @mentions. */
  readonly inChannelOrGroup?: boolean;
  readonly notCovered?: boolean;
  /** Buttons under the not-covered note, e.g. "Ask the privacy team" with the question asked. */
  readonly notCoveredActions?: readonly FollowUp[];
}

export function welcomeCard(options: WelcomeCardOptions): AdaptiveCard {
  const s = strings;
  const kinds = options.requestKinds;
  return renderCard(welcomeTemplate, {
    speak: options.notCovered ? `${s.faq.notCoveredTitle}. ${s.faq.notCovered}` : s.welcome.speak,
    examples: s.welcome.examples,
    requestsHeading: kinds.length > 0 ? s.welcome.requestsHeading : undefined,
    requestActions: kinds.map((kind) => ({ kind, title: s.kinds[kind].button })),
    showChannelHint: options.inChannelOrGroup === true,
    notCovered: options.notCovered ? { title: s.faq.notCoveredTitle, text: s.faq.notCovered, actions: options.notCoveredActions ?? [] } : undefined,
  });
}
