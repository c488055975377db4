/**
 * An OpenTelemetry collector for tests: a local HTTP server taking OTLP/HTTP exports (`/v1/traces`,
 * `/v1/metrics`, `/v1/logs`) in JSON or protobuf, keeping every body as it arrived so a test can
 * both read the spans and metrics and search everything exported for what must never be there.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { until } from './until';

export interface OtlpExport {
  readonly path: string;
  readonly contentType: string;
  readonly body: Buffer;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean; arrayValue?: { values?: OtlpValue[] } };
type OtlpAttribute = { key: string; value: OtlpValue };

export interface ReceivedSpan {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
}

export interface ReceivedPoint {
  readonly metric: string;
  readonly attributes: Record<string, unknown>;
  readonly value: number;
}

export interface OtlpReceiver {
  /** The endpoint for OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly url: string;
  readonly exports: OtlpExport[];
  /** Every span received as JSON, flattened. */
  spans(): ReceivedSpan[];
  /** Every data point of every JSON metrics export (sums and gauges), in arrival order. */
  points(): ReceivedPoint[];
  /** The latest value of a metric for the attributes given (counters are cumulative: the latest is the total). */
  latest(metric: string, attributes?: Record<string, unknown>): number | undefined;
  /** Everything received, as text, for searching. */
  everything(): string;
  waitFor(what: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A certificate for 127.0.0.1 made for these tests only (test/fakes/tls, twenty years): Azure
 * Monitor's exporter sends to https endpoints only. A child process trusts it through
 * NODE_EXTRA_CA_CERTS=TEST_CA_FILE, so nothing turns certificate checks off.
 */
export const TEST_CA_FILE = path.join(__dirname, 'tls', 'localhost-cert.pem');

/** `keep: false` (benchmarks): bodies are counted, not kept. `tls`: https with the test certificate. */
export async function startOtlpReceiver(
  options: { keep?: boolean; tls?: boolean } = {},
): Promise<OtlpReceiver & { readonly received: { requests: number; bytes: number } }> {
  // Not `exports`: that name is CommonJS's own once compiled.
  const kept: OtlpExport[] = [];
  const received = { requests: 0, bytes: 0 };
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.requests++;
      received.bytes += body.length;
      if (options.keep !== false) kept.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body });
      const json = String(req.headers['content-type']).includes('json');
      res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
      res.end(json ? '{}' : '');
    });
  };
  const server = options.tls
    ? https.createServer({ key: readFileSync(path.join(__dirname, 'tls', 'localhost-key.pem')), cert: readFileSync(TEST_CA_FILE) }, handler)
    : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const jsonBodies = (path: string) =>
    kept
      .filter((item) => item.path === path && item.contentType.includes('json'))
      .map((item) => JSON.parse(item.body.toString('utf8')) as Record<string, unknown[]>);

  const receiver: OtlpReceiver & { readonly received: typeof received } = {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    received,
    exports: kept,
    spans() {
      return jsonBodies('/v1/traces').flatMap((body) =>
        (body.resourceSpans as Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }>).flatMap((resource) =>
          resource.scopeSpans.flatMap((scope) =>
            scope.spans.map((span) => ({
              name: String(span.name),
              traceId: String(span.traceId),
              spanId: String(span.spanId),
              parentSpanId: String(span.parentSpanId ?? ''),
              kind: Number(span.kind),
              attributes: attributesOf(span.attributes as OtlpAttribute[] | undefined),
            })),
          ),
        ),
      );
    },
    points() {
      return jsonBodies('/v1/metrics').flatMap((body) =>
        (body.resourceMetrics as Array<{ scopeMetrics: Array<{ metrics: Array<Record<string, unknown>> }> }>).flatMap((resource) =>
          resource.scopeMetrics.flatMap((scope) =>
            scope.metrics.flatMap((metric) => {
              const data = (metric.sum ?? metric.gauge) as
                { dataPoints?: Array<{ attributes?: OtlpAttribute[]; asInt?: string | number; asDouble?: number }> } | undefined;
              return (data?.dataPoints ?? []).map((point) => ({
                metric: String(metric.name),
                attributes: attributesOf(point.attributes),
                value: Number(point.asInt ?? point.asDouble ?? 0),
              }));
            }),
          ),
        ),
      );
    },
    latest(metric, attributes = {}) {
      const matching = receiver
        .points()
        .filter((point) => point.metric === metric && Object.entries(attributes).every(([key, value]) => point.attributes[key] === value));
      return matching.at(-1)?.value;
    },
    everything: () => kept.map((item) => `${item.path}\n${item.body.toString('utf8')}`).join('\n'),
    waitFor: (what, condition, timeoutMs = 20_000) => until(condition, timeoutMs, () => `OTLP receiver (${kept.length} exports): ${what}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

function attributesOf(list: OtlpAttribute[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, valueOf(value)]));
}

function valueOf(value: OtlpValue): unknown {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueOf);
  return undefined;
}
