/** Wires the privacy team's console to the services the Teams features use, and the Teams roster for its roles. */
import type { Server } from 'restify';
import { registerConsole } from '../console';
import type { FaqService } from '../faq/types';
import { TeamsPrivacyTeamRoster } from '../teams/privacy-team-roster';
import type { LearningParts } from './learning';
import type { wireNotices } from './notices';
import type { wireQuestions } from './questions';
import type { RequestsParts } from './requests';
import type { SharedParts } from './shared-parts';

export function wireConsole(
  deps: SharedParts & {
    readonly requests: RequestsParts;
    readonly questions: Awaited<ReturnType<typeof wireQuestions>>;
    readonly notices: ReturnType<typeof wireNotices>;
    readonly faq: FaqService;
    readonly learning?: Pick<LearningParts, 'learned' | 'suggestions'>;
    readonly now?: () => number;
  },
) {
  const { config } = deps;
  const roster = config.privacyTeamChannel ? new TeamsPrivacyTeamRoster(deps.proactive, config.privacyTeamChannel, deps.notices.installations) : undefined;
  return {
    registerRoutes: (server: Server) =>
      registerConsole(server, {
        config,
        store: deps.store,
        logger: deps.logger,
        requests: deps.requests.service,
        progress: deps.requests.progress,
        questions: deps.questions.service,
        insights: deps.questions.insights,
        gaps: deps.questions.gaps,
        notices: deps.notices.service,
        faq: deps.faq,
        roster,
        ...(deps.learning
          ? { teaching: { learned: deps.learning.learned, suggestions: deps.learning.suggestions, entryOf: (id: string) => deps.faq.getEntry(id) } }
          : {}),
        now: deps.now,
      }),
  };
}
