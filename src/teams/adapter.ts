/**
 * The Bot Framework adapter with its turn error handler and the tenant allowlist. With a BOT_ID the
 * adapter checks every incoming token; with none (local mode) botbuilder skips the checks entirely,
 * which config.ts refuses in production.
 */
import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config';
import { errorCode } from '../errors';
import type { Logger } from '../logger';
import { strings } from '../strings';
import { activityTenantId } from './activity-text';
import { ReusingBotFrameworkAuthentication } from './reused-clients';

/**
 * CloudAdapter with authentication split from the turn, so the HTTP route can answer 401 for every
 * request it could not authenticate (a forged token, or signing keys that could not be fetched to
 * check it) and keep 500 for turns that fail after authentication.
 */
export class BotAdapter extends CloudAdapter {
  async processIncoming(authHeader: string, activity: Activity, logic: (turn: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    let authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw new NotAuthenticated(errorCode(err));
    }
    return this.processActivity(authenticated, activity, logic);
  }
}

/** Fail closed: whatever stopped the token check, the request is not authenticated. */
export class NotAuthenticated extends Error {
  readonly statusCode = 401;
  constructor(readonly reason: string) {
    super('request not authenticated');
    this.name = 'NotAuthenticated';
  }
}

export function createAdapter(config: Config, logger: Logger): BotAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.id,
    MicrosoftAppPassword: config.bot.password,
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId,
  };
  const adapter = new BotAdapter(new ReusingBotFrameworkAuthentication(options));

  adapter.use(async (turn, next) => {
    if (!tenantAllowed(config, turn)) {
      // No answer at all: a reply would tell another organisation that the bot exists.
      logger.warn({ activityType: turn.activity.type, tenant: activityTenantId(turn.activity) ?? 'none' }, 'activity from a tenant outside ALLOWED_TENANT_IDS dropped');
      return;
    }
    await next();
  });

  adapter.onTurnError = async (turn, error) => {
    logger.error(
      { code: errorCode(error), activityType: turn.activity.type, activityId: turn.activity.id, conversationType: turn.activity.conversation?.conversationType },
      'turn failed',
    );
    // Invokes get their error in the invoke response; a message here would be a second reply.
    if (turn.activity.type === 'invoke') return;
    try {
      await turn.sendActivity(strings.common.turnError);
    } catch (sendError) {
      logger.error({ code: errorCode(sendError) }, 'could not tell the user about a failed turn');
    }
  };
  return adapter;
}

export function tenantAllowed(config: Config, turn: TurnContext): boolean {
  if (config.allowedTenantIds.length === 0) return true;
  const tenant = activityTenantId(turn.activity);
  return tenant !== undefined && config.allowedTenantIds.includes(tenant);
}
