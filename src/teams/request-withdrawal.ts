/**
 * Withdrawing one's own request from `my requests`: Withdraw asks first, then closes the request
 * and queues the privacy team's signed event. Whose request it is comes from the authenticated
 * activity, never the card: the id from the card is only looked up among the person's own requests.
 */
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';
import { statusCard } from '../cards/status-card';
import { withdrawConfirmCard, withdrawnCard } from '../cards/request-progress-cards';
import type { Logger } from '../logger';
import type { RequestProgress } from '../requests/progress';
import { isRequestId } from '../requests/request-id';
import type { RequestService } from '../requests/request-service';
import { currentStatus, isClosed, type PrivacyRequest, type Requester } from '../requests/types';
import { format, strings } from '../strings';
import { conversationKind } from './activity-text';
import type { CardAction, CardActionResult, CardActionRouter } from './card-actions';
import type { Feature } from './feature';
import { requesterOf } from './requester';

const s = strings.requests;
const w = s.withdraw;

export interface RequestWithdrawalOptions {
  readonly requests: Pick<RequestService, 'getFor'>;
  readonly progress: Pick<RequestProgress, 'withdraw'>;
  readonly logger: Logger;
}

export class RequestWithdrawalFeature implements Feature {
  readonly name = 'request-withdrawal';

  constructor(private readonly options: RequestWithdrawalOptions) {}

  registerActions(router: CardActionRouter): void {
    router.register('request.withdraw', (turn, action) =>
      this.withOwnRequest(turn, action, async (requester, requestId) => {
        const request = await this.options.requests.getFor(requester, requestId);
        if (!request) return { card: notYours() };
        return { card: isClosed(request) ? closed(request) : withdrawConfirmCard(request) };
      }),
    );
    router.register('request.withdraw.confirm', (turn, action) =>
      this.withOwnRequest(turn, action, async (requester, requestId) => {
        const result = await this.options.progress.withdraw(requester, requestId);
        this.options.logger.info({ requestId, outcome: result.outcome }, 'request withdrawal');
        if (result.outcome === 'notFound') return { card: notYours() };
        return { card: result.outcome === 'closed' ? closed(result.request) : withdrawnCard(result.request) };
      }),
    );
    router.register('request.withdraw.keep', async (_turn, action) => {
      const id = isRequestId(action.data.requestId) ? action.data.requestId : '';
      return { card: statusCard(w.keptTitle, format(w.keptText, { id })) };
    });
  }

  private async withOwnRequest(
    turn: TurnContext,
    action: CardAction,
    next: (requester: Requester, requestId: string) => Promise<CardActionResult>,
  ): Promise<CardActionResult> {
    const who = await requesterOf(turn);
    if (!who.ok) return { send: [s.notPermitted] };
    if (conversationKind(turn.activity) !== 'personal') return { send: [s.movedToPersonalFailed] };
    const requestId = action.data.requestId;
    return isRequestId(requestId) ? next(who.requester, requestId) : { card: notYours() };
  }
}

/** The same answer for someone else's request and for none at all, so ids cannot be probed. */
function notYours(): AdaptiveCard {
  return statusCard(w.notYoursTitle, w.notYoursText, 'attention');
}

function closed(request: PrivacyRequest): AdaptiveCard {
  return statusCard(w.closedTitle, format(w.closedText, { id: request.id, status: s.statusNames[currentStatus(request)].toLowerCase() }), 'attention');
}
