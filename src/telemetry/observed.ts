/**
 * Spans and counts put around the parts that call other systems, by the wiring, so those parts stay
 * as they are: the notice publisher (each copy's call to Teams), the outbox's delivery handler (each
 * webhook delivery), the notice queue's handler (each copy) and the status API's `report`.
 */
import { SpanKind, trace } from '@opentelemetry/api';
import type { NoticePublisher } from '../notices/publisher';
import type { RequestProgress } from '../requests/progress';
import type { Claim } from '../storage/work-queue';
import { OUTCOME_ATTRIBUTE, type Metrics } from './metrics';
import { inSpan, SPAN } from './spans';

/** Counts every call Teams answers for a notice copy, and the 429s among them. */
export function countedPublisher(publisher: NoticePublisher, metrics: Pick<Metrics, 'noticeCall'>): NoticePublisher {
  return {
    post: async (channel, notice) => counted('post', await publisher.post(channel, notice)),
    update: async (channel, activityId, notice) => counted('update', await publisher.update(channel, activityId, notice)),
    delete: async (channel, activityId) => counted('delete', await publisher.delete(channel, activityId)),
    showProgress: (origin, notice, status) => publisher.showProgress(origin, notice, status),
  };
  function counted<R extends { readonly status: number }>(call: 'post' | 'update' | 'delete', result: R): R {
    metrics.noticeCall(call, result.status);
    return result;
  }
}

/** A work item's handler in a span of its own: each claim is one trace, with its HTTP calls inside. */
export function tracedHandler<T>(
  name: string | ((claim: Claim<T>) => string),
  handle: (claim: Claim<T>) => Promise<void>,
  attributes: (claim: Claim<T>) => Record<string, string | number> = () => ({}),
): (claim: Claim<T>) => Promise<void> {
  return (claim) =>
    inSpan(
      typeof name === 'string' ? name : name(claim),
      { 'privacy.attempt': claim.item.attempts, ...attributes(claim) },
      () => handle(claim),
      SpanKind.CONSUMER,
    );
}

/** The status API's call into the service, in a span with its outcome; a change is counted by its new status. */
export function observedProgress<P extends Pick<RequestProgress, 'report' | 'withdraw'>>(
  progress: P,
  metrics: Pick<Metrics, 'statusChange'>,
): Pick<RequestProgress, 'report' | 'withdraw'> {
  return {
    report: (id, body) =>
      inSpan(SPAN.statusCall, {}, async () => {
        const result = await progress.report(id, body);
        trace.getActiveSpan()?.setAttribute(OUTCOME_ATTRIBUTE, result.outcome);
        if (result.outcome === 'changed' && result.request.progress) metrics.statusChange(result.request.progress.status);
        return result;
      }),
    withdraw: async (user, id) => {
      const result = await progress.withdraw(user, id);
      if (result.outcome === 'withdrawn') metrics.statusChange('withdrawn');
      return result;
    },
  };
}
