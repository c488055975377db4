/**
 * The privacy team's console: the page, and the API it calls. A caller of the services, like the
 * HTTP routes: it signs people in, checks their role, and hands each change to the service that
 * Teams and the bearer-token APIs use, recording it in the audit trail.
 */
import type { Server } from 'restify';
import type { Config } from '../config';
import type { FaqService } from '../faq/types';
import type { Logger } from '../logger';
import type { NoticeService } from '../notices/notice-service';
import type { ContentGaps } from '../questions/content-gaps';
import type { InsightsService } from '../questions/insights';
import type { QuestionService } from '../questions/question-service';
import type { RequestProgress } from '../requests/progress';
import type { RequestService } from '../requests/request-service';
import { REQUEST_KINDS } from '../requests/kinds';
import { PROGRESS_STATUSES } from '../requests/types';
import type { Store } from '../storage/store';
import { strings } from '../strings';
import { AuditTrail } from './audit-trail';
import { consoleGuard, callerOf } from './guard';
import { handled } from './handle';
import { registerInsightsApi } from './insights-api';
import { registerLearnedApi, type ConsoleTeaching } from './learned-api';
import { registerNoticesApi } from './notices-api';
import { defaultAssetsDir, registerPageRoute } from './page-route';
import { registerQuestionsApi } from './questions-api';
import { registerRequestsApi } from './requests-api';
import { ListedRequests } from './request-list';
import { allows, ConsoleRoles, type PrivacyTeamRoster } from './roles';
import { SsoTokenValidator } from './sso-token';

/**
 * The requests list's copy (which the requests chart shares) is read again in the background once
 * it is this old, and read again before answering once it is older than the second: someone paging
 * sees changes made elsewhere within seconds, and nobody is shown a list from an idle hour ago.
 */
const LIST_FRESH_MS = 5000;
const LIST_USABLE_MS = 60_000;

export interface ConsoleDeps {
  readonly config: Config;
  readonly store: Pick<Store, 'put' | 'listRange'>;
  readonly logger: Logger;
  readonly requests: Pick<RequestService, 'listPage' | 'findById' | 'replayFailed'>;
  readonly progress: Pick<RequestProgress, 'report'>;
  readonly questions: Pick<QuestionService, 'enabled' | 'askedSince' | 'get' | 'act'>;
  readonly insights: Pick<InsightsService, 'compute'>;
  readonly gaps: Pick<ContentGaps, 'since'>;
  readonly notices: Pick<NoticeService, 'recent' | 'notice' | 'status' | 'create' | 'edit' | 'recall' | 'acknowledgements'>;
  /** Every entry the bot answers with (content and taught), searched for the Answer form's choices. */
  readonly faq: Pick<FaqService, 'entries' | 'getEntry' | 'answer'>;
  /** The Teams roster of the privacy team's team; absent while PRIVACY_TEAM_CHANNEL is empty. */
  readonly roster?: PrivacyTeamRoster;
  /** Teaching the bot: taught lines and entries, suggestions. */
  readonly teaching?: ConsoleTeaching;
  readonly now?: () => number;
  readonly assetsDir?: string;
}

export function registerConsole(server: Server, deps: ConsoleDeps): void {
  const { config, logger } = deps;
  const now = deps.now ?? Date.now;
  const localMode = config.bot.localMode;
  const guard = consoleGuard({
    devUser: localMode ? config.console.devUser : undefined,
    tokens: localMode
      ? undefined
      : new SsoTokenValidator({ appId: config.bot.id, allowedTenantIds: config.allowedTenantIds, openIdMetadataUrl: config.console.openIdMetadataUrl }),
    roles: new ConsoleRoles({ adminIds: config.privacyAdminIds, roster: deps.roster }),
    logger,
  });
  const audit = new AuditTrail(deps.store, now);
  // Freshness is real time, not the injected clock (which tests move by days).
  const listed = new ListedRequests((after, limit) => deps.requests.listPage(after, limit), { freshMs: LIST_FRESH_MS, usableMs: LIST_USABLE_MS }, Date.now);

  registerPageRoute(server, { assetsDir: deps.assetsDir ?? defaultAssetsDir(), localMode });

  server.get(
    '/console/api/me',
    guard('me', 'read'),
    handled('console.me', logger, async (req, res) => {
      const { person, role, local } = callerOf(req);
      res.send(200, {
        name: person.name,
        role,
        local,
        ...(local ? { devUser: person.aadObjectId } : {}),
        can: { changeRequests: allows(role, 'requests.change'), changeNotices: allows(role, 'notices.change'), forget: allows(role, 'learned.change') },
        questionsEnabled: deps.questions.enabled,
        kinds: REQUEST_KINDS.map((kind) => ({ id: kind, name: strings.kinds[kind].name })),
        statuses: PROGRESS_STATUSES,
      });
    }),
  );

  registerRequestsApi(server, { guard, requests: deps.requests, listed, progress: deps.progress, audit, logger, now });
  registerQuestionsApi(server, { guard, questions: deps.questions.enabled ? deps.questions : undefined, catalog: deps.faq, audit, logger });
  registerInsightsApi(server, { guard, insights: deps.insights, gaps: deps.gaps, questions: deps.questions, listed, teaching: deps.teaching, logger, now });
  registerNoticesApi(server, { guard, notices: deps.notices, audit, logger });
  registerLearnedApi(server, { guard, faq: deps.faq, teaching: deps.teaching, audit, logger });
}
