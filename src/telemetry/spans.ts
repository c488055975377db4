/**
 * Named spans around the bot's units of work (a turn, a webhook delivery, a notice copy, a status
 * call). The outbound HTTP calls made inside `work` become its children. With no exporter configured
 * the OpenTelemetry API hands out non-recording spans, so this costs next to nothing.
 */
import { SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { errorCode } from '../errors';

export const TRACER_NAME = 'privacy-assistant';

/** The spans this bot opens itself (the HTTP ones are named by their instrumentation). */
export const SPAN = {
  turn: 'privacy.turn',
  delivery: 'privacy.webhook_delivery',
  noticeCopy: 'privacy.notice_copy',
  /** A notice's release, edit, recall or erasure: the jobs that queue the copies. */
  noticeFanOut: 'privacy.notice_fanout',
  statusCall: 'privacy.status_call',
} as const;

/**
 * Runs `work` in a span named `name`: SERVER for work someone asked for (a turn, a status call),
 * CONSUMER for a work item taken from a queue, so Azure Monitor lists each as a request with its
 * calls to other systems as dependencies. A failure is marked by its error code only: an error's message
 * may quote what a person typed.
 */
export function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>, kind: SpanKind = SpanKind.SERVER): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { attributes, kind }, async (span) => {
    try {
      return await work();
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', errorCode(err));
      throw err;
    } finally {
      span.end();
    }
  });
}
