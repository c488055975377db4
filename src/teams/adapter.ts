/**
 * The Bot Framework adapter with its turn error handler and the tenant allowlist. With a BOT_ID the
 * adapter checks every incoming token; with none (local mode) botbuilder skips the checks entirely,
 * which config.ts refuses in production.
 */
import {
  CallerIdConstants,
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
// botbuilder's own dependency (same pinned release), for the public cloud's endpoint names.
import { AuthenticationConstants } from 'botframework-connector';
import type { Config } from '../config';
import { AppError, errorCode, isAppError } from '../errors';
import type { Logger } from '../logger';
import { inLanguage, isLanguage, DEFAULT_LANGUAGE, strings } from '../strings';
import { TURN_LANGUAGE } from './language-feature';
import { ReusingBotFrameworkAuthentication } from './reused-clients';
import { activityTenantId, tenantAllowed } from './tenant';

/** What the HTTP route needs of the Teams layer: an activity in, the invoke response (if any) out. */
export interface ActivityProcessor {
  /** Throws AppError UNAUTHORIZED when the request is not authenticated. */
  process(authHeader: string, activity: unknown): Promise<{ readonly status?: number; readonly body?: unknown } | undefined>;
}

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
      // Fail closed: whatever stopped the token check, the request is not authenticated.
      throw new AppError('UNAUTHORIZED', strings.api.botTokenRequired, { cause: errorCode(err) });
    }
    return this.processActivity(authenticated, activity, logic);
  }
}

/** The route's view of the adapter: every activity runs as a turn of `runTurn`. */
export function activityProcessor(adapter: BotAdapter, runTurn: (turn: TurnContext) => Promise<void>): ActivityProcessor {
  return { process: (authHeader, activity) => adapter.processIncoming(authHeader, activity as Activity, runTurn) };
}

/**
 * Where the Bot Framework publishes the keys its tokens are signed with. Microsoft's, unless a test
 * runs its own issuer to send authenticated activities (every other check stays as in production).
 */
export interface BotFrameworkKeys {
  readonly openIdMetadataUrl: string;
}

export function createAdapter(config: Config, logger: Logger, keys?: BotFrameworkKeys): BotAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.id,
    MicrosoftAppPassword: config.bot.password,
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId,
    // Naming one endpoint makes botbuilder take every endpoint from here: the others are the public cloud's.
    ...(keys
      ? {
          ToBotFromChannelOpenIdMetadataUrl: keys.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  };
  const adapter = new BotAdapter(new ReusingBotFrameworkAuthentication(options));

  adapter.use(async (turn, next) => {
    if (!tenantAllowed(config, turn)) {
      // No answer at all: a reply would tell another organisation that the bot exists.
      logger.warn(
        { activityType: turn.activity.type, tenant: activityTenantId(turn.activity) ?? 'none' },
        'activity from a tenant outside ALLOWED_TENANT_IDS dropped',
      );
      // An invoke left unanswered is 501, where a message is 200: answered the same, the two tell nothing apart.
      if (turn.activity.type === 'invoke') await turn.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
      return;
    }
    await next();
  });

  adapter.onTurnError = async (turn, error) => {
    logger.error(
      {
        code: errorCode(error),
        activityType: turn.activity.type,
        activityId: turn.activity.id,
        conversationType: turn.activity.conversation?.conversationType,
      },
      'turn failed',
    );
    // Invokes get their error in the invoke response; a message here would be a second reply.
    if (turn.activity.type === 'invoke') return;
    try {
      const language: unknown = turn.turnState.get(TURN_LANGUAGE);
      await inLanguage(isLanguage(language) ? language : DEFAULT_LANGUAGE, () =>
        turn.sendActivity(isAppError(error, 'ROSTER_UNAVAILABLE') ? strings.common.rosterUnavailable : strings.common.turnError),
      );
    } catch (sendError) {
      logger.error({ code: errorCode(sendError) }, 'could not tell the user about a failed turn');
    }
  };
  return adapter;
}
