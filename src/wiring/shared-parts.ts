import type { Config } from '../config';
import type { TeamsRateLimiter } from '../limits/teams-rate-limiter';
import type { Logger } from '../logger';
import type { Store } from '../storage/store';
import type { Metrics } from '../telemetry/metrics';
import type { Proactive } from '../teams/proactive';

/** What every feature's wiring is given by app.ts: one of each for the whole process. */
export interface SharedParts {
  readonly config: Config;
  readonly store: Store;
  readonly logger: Logger;
  /** This process's id, the owner of the work items it claims. */
  readonly instanceId: string;
  /** How the bot reaches a conversation on its own (notices, notifications, tickets). */
  readonly proactive: Proactive;
  /** The one pacing of everything the bot posts to Teams (NOTICE_MAX_RPS per tenant, Teams' per-conversation limits). */
  readonly pacing: TeamsRateLimiter;
  /** What services count for operators (src/telemetry/metrics.ts). */
  readonly metrics: Metrics;
}
