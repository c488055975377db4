/**
 * Per-person limits on turns: one person must not be able to keep the bot busy for everyone or fill
 * its storage with messages and clicks (1,500 "Was this helpful?" clicks once took 11 seconds). Each
 * person, by Entra object id, has a bucket for messages and one for card clicks; a person over the
 * limit is told once, politely, to slow down, and the rest is dropped until the bucket refills.
 * Limits are per instance: with several, a person gets each instance's allowance at most.
 */
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { TokenBuckets, type BucketRule } from '../limits/token-buckets';
import { strings } from '../strings';
import { invokeMessage } from './card-message';
import { personKey } from './requester';
import type { Metrics } from '../telemetry/metrics';

/** A burst of 30 messages, then one every 2 seconds: more than anyone types, less than a script sends. */
const MESSAGE_LIMIT: BucketRule = { capacity: 30, refillPerSecond: 0.5 };
/** A burst of 40 clicks (a form has several steps), then one a second. */
const CLICK_LIMIT: BucketRule = { capacity: 40, refillPerSecond: 1 };

export function personLimits(logger: Logger, metrics?: Pick<Metrics, 'turn'>): Middleware {
  const messages = new TokenBuckets(MESSAGE_LIMIT);
  const clicks = new TokenBuckets(CLICK_LIMIT);
  return {
    async onTurn(turn: TurnContext, next: () => Promise<void>): Promise<void> {
      const kind = limitedKind(turn.activity);
      if (!kind) return next();
      const spend = (kind === 'click' ? clicks : messages).take(personKey(turn.activity.from, turn.activity.conversation?.id));
      if (spend.allowed) return next();
      metrics?.turn('refused');
      if (spend.firstRefusal)
        logger.warn(
          { code: 'RATE_LIMITED', activityType: turn.activity.type, kind },
          'a person is over their limit; their activities are dropped until it refills',
        );
      if (turn.activity.type === 'invoke') {
        // An invoke must be answered: Teams shows the text where the card was clicked.
        await turn.sendActivity({ type: 'invokeResponse', value: { status: 200, body: invokeMessage(strings.common.slowDown) } });
      } else if (spend.firstRefusal) {
        await turn.sendActivity(strings.common.slowDown);
      }
    },
  };
}

/** Messages a person types, and clicks (invokes, or Action.Submit messages carrying card data); nothing else is limited. */
function limitedKind(activity: Partial<Activity>): 'message' | 'click' | undefined {
  if (activity.type === 'invoke') return 'click';
  if (activity.type !== 'message') return undefined;
  return activity.value && typeof activity.value === 'object' ? 'click' : 'message';
}
