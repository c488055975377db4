/**
 * Messages the bot starts itself: a personal chat opened for a request asked in a channel, a notice
 * posted to a team's channel, a dead-letter alert to an admin. Conversation references are stored by
 * the services as plain data; only this file turns them into Bot Framework calls. Failures come back
 * as a status (and Retry-After) so callers can tell throttling from a removed bot.
 */
import {
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { errorCode } from '../errors';
import { parseRetryAfter } from '../http/retry-after';

export type PostOutcome =
  | { readonly ok: true; readonly activityId?: string }
  | { readonly ok: false; readonly status: number; readonly retryAfterMs?: number; readonly code: string };

/** The parts of a conversation reference worth storing: no user text, no names. */
export type StoredReference = Pick<ConversationReference, 'serviceUrl' | 'channelId' | 'conversation' | 'bot'> & {
  readonly activityId?: string;
};

export class Proactive {
  constructor(
    private readonly adapter: Pick<CloudAdapter, 'continueConversationAsync' | 'createConversationAsync'>,
    private readonly botAppId: string,
  ) {}

  /** Posts a new message into an existing conversation (a channel, a group chat or a personal chat). */
  async post(reference: StoredReference, activity: Partial<Activity>): Promise<PostOutcome> {
    return this.attempt((done) =>
      this.adapter.continueConversationAsync(this.botAppId, reference as Partial<ConversationReference>, (turn) => done(() => newMessage(turn, activity))),
    );
  }

  /** Replaces a message the bot sent earlier, e.g. a delivery summary filling in. */
  async update(reference: StoredReference, activityId: string, activity: Partial<Activity>): Promise<PostOutcome> {
    return this.attempt((done) =>
      this.adapter.continueConversationAsync(this.botAppId, reference as Partial<ConversationReference>, (turn) =>
        done(async () => {
          await turn.updateActivity({ ...activity, id: activityId });
          return activityId;
        }),
      ),
    );
  }

  /**
   * Opens (or reopens: Teams returns the same one) the personal chat between the bot and a user
   * and posts into it. Used to keep requests out of channels and to alert admins.
   */
  async postToUser(
    where: { readonly serviceUrl: string; readonly tenantId: string; readonly channelId?: string },
    userId: string,
    activity: Partial<Activity>,
  ): Promise<PostOutcome & { reference?: StoredReference }> {
    let reference: StoredReference | undefined;
    const parameters = {
      isGroup: false,
      bot: { id: this.botAppId, name: '' },
      members: [{ id: userId, name: '' }],
      tenantId: where.tenantId,
      channelData: { tenant: { id: where.tenantId } },
    } as unknown as ConversationParameters;
    const outcome = await this.attempt((done) =>
      this.adapter.createConversationAsync(this.botAppId, where.channelId ?? 'msteams', where.serviceUrl, '', parameters, (turn: TurnContext) =>
        done(() => {
          reference = referenceOf(turn.activity);
          return newMessage(turn, activity);
        }),
      ),
    );
    return { ...outcome, reference };
  }

  /**
   * Runs a proactive call and reports how it went. The work runs inside the adapter's turn, where a
   * throw would go to onTurnError (which apologises into the conversation!) and never reach us, so
   * `done` catches it in the turn and it is reported here instead.
   */
  private async attempt(run: (done: (work: () => Promise<string | undefined>) => Promise<void>) => Promise<void>): Promise<PostOutcome> {
    let outcome: PostOutcome = { ok: false, status: 0, code: 'CONNECTOR_FAILED' };
    try {
      await run(async (work) => {
        try {
          outcome = { ok: true, activityId: await work() };
        } catch (err) {
          outcome = failure(err);
        }
      });
    } catch (err) {
      outcome = failure(err);
    }
    return outcome;
  }
}

/**
 * Sends as a new message, not as a reply: the turn's activity is a synthetic continuation whose
 * random id would otherwise become a replyToId, and Teams would thread it under nothing.
 */
async function newMessage(turn: TurnContext, activity: Partial<Activity>): Promise<string | undefined> {
  const client = turn.turnState.get<ConnectorClient>((turn.adapter as CloudAdapter).ConnectorClientKey);
  const message = TurnContext.applyConversationReference({ type: 'message', ...activity }, TurnContext.getConversationReference(turn.activity));
  delete message.replyToId;
  const response = await client.conversations.sendToConversation(turn.activity.conversation.id, message as Activity);
  return response.id;
}

/** What to keep of an activity to reach its conversation later. */
export function referenceOf(activity: Partial<Activity>): StoredReference {
  return {
    serviceUrl: activity.serviceUrl ?? '',
    channelId: activity.channelId ?? 'msteams',
    conversation: {
      id: activity.conversation?.id ?? '',
      conversationType: activity.conversation?.conversationType,
      tenantId: activity.conversation?.tenantId,
      isGroup: activity.conversation?.isGroup,
    } as ConversationReference['conversation'],
    bot: activity.recipient ? { id: activity.recipient.id, name: activity.recipient.name ?? '' } : undefined,
  } as StoredReference;
}

/** Maps a connector error to a status and Retry-After without keeping its message. */
function failure(err: unknown): PostOutcome {
  const e = err as { statusCode?: unknown; response?: { status?: unknown; headers?: unknown } } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.response?.status === 'number' ? e.response.status : 0;
  return { ok: false, status, retryAfterMs: retryAfterMs(e?.response?.headers), code: errorCode(err) };
}

function retryAfterMs(headers: unknown): number | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: (name: string) => unknown; [key: string]: unknown };
  const raw = typeof h.get === 'function' ? h.get('retry-after') : (h['retry-after'] ?? h['Retry-After']);
  return parseRetryAfter(typeof raw === 'string' ? raw : undefined);
}
