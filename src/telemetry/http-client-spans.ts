/**
 * A CLIENT span for each outgoing HTTP call made inside one of the bot's own spans (a turn, a
 * delivery, a notice copy, a status call): the reply to Teams, the webhook POST, a Table Storage
 * read. Node publishes every http(s) client request on diagnostics channels, so this only listens:
 * unlike the general HTTP instrumentation, which wraps every request and response emitter, it costs
 * nothing outside a recorded span (bench:telemetry). No headers are read, and the path is recorded
 * by its shape only (`pathShape`): ids and queries stay out.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { errorCode } from '../errors';
import { pathShape } from './http-attributes';
import { TRACER_NAME } from './spans';

const CREATED = 'http.client.request.created';
const ANSWERED = 'http.client.response.finish';
const FAILED = 'http.client.request.error';

export function traceHttpClientCalls(): () => void {
  const tracer = trace.getTracer(TRACER_NAME);
  const open = new WeakMap<ClientRequest, Span>();

  // Published from the ClientRequest constructor, in the caller's context: the active span is the caller's.
  const created = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    if (!trace.getActiveSpan()?.isRecording()) return;
    const host = String(request.getHeader('host') ?? request.host);
    open.set(
      request,
      tracer.startSpan(`${request.method} ${request.host}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': request.method,
          'server.address': request.host,
          'url.full': `${request.protocol}//${host}${pathShape(request.path)}`,
        },
      }),
    );
  };
  const answered = (message: unknown) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    const span = open.get(request);
    if (!span) return;
    open.delete(request);
    const status = response.statusCode ?? 0;
    span.setAttribute('http.response.status_code', status);
    if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  const failed = (message: unknown) => {
    const { request, error } = message as { request: ClientRequest; error: unknown };
    const span = open.get(request);
    if (!span) return;
    open.delete(request);
    // The code (ECONNREFUSED, timeout), never the message: it can quote a URL.
    span.setAttribute('error.type', errorCode(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };

  subscribe(CREATED, created);
  subscribe(ANSWERED, answered);
  subscribe(FAILED, failed);
  return () => {
    unsubscribe(CREATED, created);
    unsubscribe(ANSWERED, answered);
    unsubscribe(FAILED, failed);
  };
}
