/**
 * pino JSON logs. Logs carry ids and codes, never message text, names, emails or form contents;
 * the redact list is a second line of defence for fields that should never have been passed.
 */
import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino from 'pino';

export type Logger = pino.Logger;

const REDACTED_PATHS = [
  'text',
  '*.text',
  'email',
  '*.email',
  'name',
  '*.name',
  'details',
  '*.details',
  'body',
  '*.body',
  'value',
  '*.value',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'privacy-assistant' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: traceIds,
    },
    destination,
  );
}

/**
 * The trace a line was written in, so an operator goes from a log line to its trace (in Azure
 * Monitor, `trace_id` is the operation id). Nothing is added outside a recording span.
 */
function traceIds(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}
