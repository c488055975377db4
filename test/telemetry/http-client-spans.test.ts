/**
 * Outgoing HTTP calls as spans, through Node's diagnostics channels and the real SDK (an in-memory
 * exporter): a call inside a recorded span becomes its child with the path's shape and the status;
 * a call outside any span, or inside one not sampled, leaves nothing; a failed call is marked by its
 * code. And the sampler the OTLP path uses unless OTEL_TRACES_SAMPLER says otherwise.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { AlwaysOffSampler, InMemorySpanExporter, SamplingDecision, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { traceHttpClientCalls } from '../../src/telemetry/http-client-spans';
import { RateLimitedSampler } from '../../src/telemetry/rate-limited-sampler';
import { inSpan, SPAN } from '../../src/telemetry/spans';

describe('HTTP client spans', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let server: http.Server;
  let port: number;
  let stop: () => void;

  beforeAll(async () => {
    provider.register();
    stop = traceHttpClientCalls();
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(req.url?.startsWith('/throttled') ? 429 : 200);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await provider.shutdown();
  });
  beforeEach(() => exporter.reset());

  const call = (path: string, to = port) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: to, path, method: 'POST' }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      request.end('{}');
    });

  it('records a call inside a span as its child, by the shape of its path and its status', async () => {
    await inSpan(SPAN.turn, {}, async () => {
      await call('/v3/conversations/a%3Apersonal-29%3Aalice/activities/17?x=1');
      await call('/throttled/v3');
    });
    const [first, second, turn] = exporter.getFinishedSpans();
    expect(turn.name).toBe(SPAN.turn);
    expect(first.parentSpanContext?.spanId).toBe(turn.spanContext().spanId);
    expect(first.attributes).toEqual({
      'http.request.method': 'POST',
      'server.address': '127.0.0.1',
      'url.full': `http://127.0.0.1:${port}/v3/conversations/{id}/activities/{id}`,
      'http.response.status_code': 200,
    });
    expect(second.attributes['http.response.status_code']).toBe(429);
    expect(second.status.code).toBe(2); // ERROR
  });

  it('records nothing for a call outside any span, and marks a failed call by its code', async () => {
    expect(await call('/alone')).toBe(200);
    await expect(inSpan(SPAN.delivery, {}, () => call('/refused', 1))).rejects.toThrow();
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name)).toEqual(['POST 127.0.0.1', SPAN.delivery]);
    expect(spans[0].attributes['error.type']).toBe('ECONNREFUSED');
  });

  it('records nothing inside a span that is not sampled', async () => {
    const unsampled = new NodeTracerProvider({ sampler: new AlwaysOffSampler(), spanProcessors: [new SimpleSpanProcessor(exporter)] });
    await unsampled.getTracer('test').startActiveSpan('unsampled', async (span) => {
      expect(trace.getActiveSpan()?.isRecording()).toBe(false);
      await call('/unsampled');
      span.end();
    });
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

describe('the default sampler', () => {
  it('starts at most the given number of traces a second, and more as time passes', () => {
    let now = 0;
    const sampler = new RateLimitedSampler(5, () => now);
    const decide = () => sampler.shouldSample(ROOT_CONTEXT).decision;
    const first = Array.from({ length: 8 }, decide);
    expect(first.filter((decision) => decision === SamplingDecision.RECORD_AND_SAMPLED)).toHaveLength(5);
    now += 400;
    expect(Array.from({ length: 5 }, decide).filter((decision) => decision === SamplingDecision.RECORD_AND_SAMPLED)).toHaveLength(2);
  });
});
