/**
 * What the bot counts, as services see it: a few named events with closed sets of outcomes. Services
 * record through this interface as they log through `Logger`; `otelMetrics()` turns each event into
 * an OpenTelemetry instrument (a no-op while no exporter is configured), and tests hand in a recorder
 * of their own. Every label is one of the values typed here, never text from a person or an id, so
 * nothing personal can reach a metric.
 */
import { metrics as otelApi, trace, type Meter } from '@opentelemetry/api';
import type { ProgressStatus } from '../requests/types';

export type TurnOutcome = 'answered' | 'did_you_mean' | 'not_covered' | 'request_form' | 'refused';
export type DeliveryResult = 'delivered' | 'retry' | 'dead_letter';
/** A call to Teams about one team's copy of a notice. */
export type NoticeCall = 'post' | 'update' | 'delete';

export interface Metrics {
  /** What a person's turn came to (a turn that is none of these, a welcome say, is not counted). */
  turn(outcome: TurnOutcome): void;
  /** One attempt to send a request's event to the privacy team's webhook. */
  delivery(result: DeliveryResult): void;
  /** A notice copy's call to Teams and the HTTP status Teams answered (0: no answer). */
  noticeCall(call: NoticeCall, status: number): void;
  /** A question someone sent to the privacy team. */
  questionToTeam(): void;
  /** A request's status changed (by the privacy team's status call, or the requester's withdrawal). */
  statusChange(status: ProgressStatus): void;
}

/** The names an operator finds in Azure Monitor or any OpenTelemetry backend (docs/telemetry.md). */
export const METRIC = {
  turns: 'privacy.turns',
  deliveries: 'privacy.request.deliveries',
  noticePosts: 'privacy.notice.posts',
  teamsThrottled: 'privacy.teams.throttled',
  questionsToTeam: 'privacy.questions.to_team',
  statusChanges: 'privacy.request.status_changes',
  queueDepth: 'privacy.queue.depth',
  queueOldestAge: 'privacy.queue.oldest_age',
} as const;

/** The attribute a span carries for the outcome its metric counted: the trace and the chart agree. */
export const OUTCOME_ATTRIBUTE = 'privacy.outcome';

export const METER_NAME = 'privacy-assistant';

export function otelMetrics(meter: Meter = otelApi.getMeter(METER_NAME)): Metrics {
  const turns = meter.createCounter(METRIC.turns, { description: 'Turns by what they came to' });
  const deliveries = meter.createCounter(METRIC.deliveries, { description: 'Webhook delivery attempts by result' });
  const noticePosts = meter.createCounter(METRIC.noticePosts, { description: 'Calls to Teams for notice copies (post, update, delete)' });
  const throttled = meter.createCounter(METRIC.teamsThrottled, { description: 'Calls to Teams answered 429' });
  const questions = meter.createCounter(METRIC.questionsToTeam, { description: 'Questions sent to the privacy team' });
  const statusChanges = meter.createCounter(METRIC.statusChanges, { description: 'Request status changes by new status' });
  const onSpan = (value: string) => trace.getActiveSpan()?.setAttribute(OUTCOME_ATTRIBUTE, value);
  return {
    turn(outcome) {
      turns.add(1, { outcome });
      onSpan(outcome);
    },
    delivery(result) {
      deliveries.add(1, { result });
      onSpan(result);
    },
    noticeCall(call, status) {
      const result = status >= 200 && status < 300 ? 'ok' : status === 429 ? 'throttled' : 'failed';
      noticePosts.add(1, { call, result });
      if (status === 429) throttled.add(1, { operation: `notice_${call}` });
      onSpan(result);
    },
    questionToTeam() {
      questions.add(1);
    },
    statusChange(status) {
      statusChanges.add(1, { status });
      trace.getActiveSpan()?.setAttribute('privacy.status', status);
    },
  };
}

/** For parts built without telemetry (unit tests, tools). */
export const noMetrics: Metrics = {
  turn: () => undefined,
  delivery: () => undefined,
  noticeCall: () => undefined,
  questionToTeam: () => undefined,
  statusChange: () => undefined,
};
