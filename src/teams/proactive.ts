/**
 * Messages the bot starts itself: a personal chat opened for a request asked in a channel, a notice
 * posted to a team's channel, a dead-letter alert to an admin. Conversation references are stored by
 * the services as plain data; only this file turns them into Bot Framework calls. Failures come back
 * as a status (and Retry-After) so callers can tell throttling from a removed bot.
 */
import { TurnContext, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { errorCode } from '../errors';
import type { ConversationRef } from '../outbound/conversation-ref';
import { judgeStatus, noResponse, type OutboundResult } from '../outbound/outcome';

export class Proactive {
  constructor(
    private readonly adapter: Pick<CloudAdapter, 'continueConversationAsync' | 'createConversationAsync'>,
    private readonly botAppId: string,
  ) {}

  /** Posts a new message into an existing conversation (a channel, a group chat or a personal chat). */
  async post(reference: ConversationRef, activity: Partial<Activity>): Promise<OutboundResult> {
    return this.attempt((done) =>
      this.adapter.continueConversationAsync(this.botAppId, toBotReference(reference), (turn) => done(() => newMessage(turn, activity))),
    );
  }

  /** Replaces a message the bot sent earlier, e.g. a delivery summary filling in. */
  async update(reference: ConversationRef, activityId: string, activity: Partial<Activity>): Promise<OutboundResult> {
    return this.attempt((done) =>
      this.adapter.continueConversationAsync(this.botAppId, toBotReference(reference), (turn) =>
        done(async () => {
          await turn.updateActivity({ ...activity, id: activityId });
          return activityId;
        }),
      ),
    );
  }

  /** Deletes a message the bot sent earlier, e.g. a recalled notice. */
  async delete(reference: ConversationRef, activityId: string): Promise<OutboundResult> {
    return this.attempt((done) =>
      this.adapter.continueConversationAsync(this.botAppId, toBotReference(reference), (turn) =>
        done(async () => {
          await turn.deleteActivity(activityId);
          return activityId;
        }),
      ),
    );
  }

  /** Runs `work` in a turn of an existing conversation, for calls other than messages (a roster read). */
  async inConversation(reference: ConversationRef, work: (turn: TurnContext) => Promise<void>): Promise<OutboundResult> {
    return this.attempt((done) =>
      this.adapter.continueConversationAsync(this.botAppId, toBotReference(reference), (turn) =>
        done(async () => {
          await work(turn);
          return undefined;
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
  ): Promise<OutboundResult & { reference?: ConversationRef }> {
    let reference: ConversationRef | undefined;
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
  private async attempt(run: (done: (work: () => Promise<string | undefined>) => Promise<void>) => Promise<void>): Promise<OutboundResult> {
    let outcome: OutboundResult = noResponse('CONNECTOR_FAILED');
    try {
      await run(async (work) => {
        try {
          outcome = { ok: true, status: 200, activityId: await work() };
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

/** What to keep of an activity to reach its conversation later: ids only, no user text, no names. */
export function referenceOf(activity: Partial<Activity>): ConversationRef {
  return {
    serviceUrl: activity.serviceUrl ?? '',
    channelId: activity.channelId ?? 'msteams',
    conversation: {
      id: activity.conversation?.id ?? '',
      conversationType: activity.conversation?.conversationType,
      tenantId: activity.conversation?.tenantId,
      isGroup: activity.conversation?.isGroup,
    },
    bot: activity.recipient ? { id: activity.recipient.id, name: activity.recipient.name ?? '' } : undefined,
  };
}

/** The stored reference as botbuilder wants it: the stored shape is botbuilder's, field for field. */
function toBotReference(reference: ConversationRef): Partial<ConversationReference> {
  return reference as Partial<ConversationReference>;
}

/** Judges a connector error by its status and Retry-After, without keeping its message. */
function failure(err: unknown): OutboundResult {
  const e = err as { statusCode?: unknown; response?: { status?: unknown; headers?: unknown } } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.response?.status === 'number' ? e.response.status : 0;
  if (status === 0) return noResponse(errorCode(err));
  return judgeStatus(status, retryAfterHeader(e?.response?.headers));
}

function retryAfterHeader(headers: unknown): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: (name: string) => unknown; [key: string]: unknown };
  const raw = typeof h.get === 'function' ? h.get('retry-after') : (h['retry-after'] ?? h['Retry-After']);
  return typeof raw === 'string' ? raw : undefined;
}
