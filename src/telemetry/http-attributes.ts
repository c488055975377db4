/**
 * What the HTTP instrumentation may record about a call. Paths carry ids (a personal chat's
 * conversation id, an activity id, a request id, a storage row key) and queries can carry anything,
 * so spans get the path's shape instead: every segment that is not a plain lower-case word or a
 * version becomes `{id}`, and the query is dropped. Addresses of callers are dropped too.
 */
import type { IncomingMessage, RequestOptions } from 'node:http';
import type { Attributes } from '@opentelemetry/api';
import type { HttpInstrumentationConfig } from '@opentelemetry/instrumentation-http';

const WORD = /^(?:[a-z]+(?:[-_][a-z]+)*|v\d+(?:\.\d+)?)$/;

/** `/v3/conversations/a:1xyz/activities/123` becomes `/v3/conversations/{id}/activities/{id}`. */
export function pathShape(path: string): string {
  const pathname = path.split(/[?#]/, 1)[0];
  return pathname
    .split('/')
    .map((segment) => (segment === '' || WORD.test(segment) ? segment : '{id}'))
    .join('/');
}

/** Routes whose calls are not worth a trace: probes every few seconds. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz']);

function outgoingAttributes(options: RequestOptions): Attributes {
  const protocol = options.protocol ?? 'http:';
  const host = options.hostname ?? options.host ?? 'localhost';
  const port = options.port ? `:${options.port}` : '';
  return { 'url.full': `${protocol}//${host}${port}${pathShape(options.path ?? '/')}` };
}

function incomingAttributes(request: IncomingMessage): Attributes {
  const shape = pathShape(request.url ?? '/');
  // Undefined values are dropped by the SDK: this removes what the instrumentation had set.
  return { 'url.path': shape, 'http.route': shape, 'url.query': undefined, 'client.address': undefined, 'network.peer.address': undefined };
}

export const httpInstrumentationConfig: HttpInstrumentationConfig = {
  // Incoming requests are not wrapped: the bot's own spans (a turn, a status call) start each trace,
  // and wrapping every request's emitters cost about a tenth of a turn's time (bench:telemetry).
  disableIncomingRequestInstrumentation: true,
  // Outgoing calls are traced inside the bot's spans only: a work queue's polling of Table Storage
  // every few seconds, on its own, is not worth a trace.
  requireParentforOutgoingSpans: true,
  startOutgoingSpanHook: (request) => outgoingAttributes(request as RequestOptions),
  startIncomingSpanHook: (request) => incomingAttributes(request as IncomingMessage),
  ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?', 1)[0]),
  // Headers are never captured: they hold bearer tokens and signatures.
  headersToSpanAttributes: undefined,
};
