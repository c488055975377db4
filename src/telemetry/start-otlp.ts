/** OTLP/HTTP export (JSON or protobuf) of traces and metrics; loaded by start.ts only when configured. */
import { metrics } from '@opentelemetry/api';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { TelemetryConfig } from '../config';
import { traceHttpClientCalls } from './http-client-spans';
import { rateLimitedTraces } from './rate-limited-sampler';
import { SERVICE_NAME, type Telemetry } from './start';

export function startOtlp(config: TelemetryConfig): Telemetry {
  const json = config.otlpProtocol === 'http/json';
  const resource = resourceFromAttributes({ 'service.name': SERVICE_NAME }).merge(detectResources({ detectors: [envDetector] }));

  const tracerProvider = new NodeTracerProvider({
    resource,
    ...(config.samplerFromEnv ? {} : { sampler: rateLimitedTraces() }),
    spanProcessors: [new BatchSpanProcessor(json ? new JsonTraceExporter() : new ProtoTraceExporter())],
  });
  tracerProvider.register();

  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: json ? new JsonMetricExporter() : new ProtoMetricExporter(),
        exportIntervalMillis: config.metricExportIntervalMs,
        exportTimeoutMillis: Math.min(30_000, config.metricExportIntervalMs),
      }),
    ],
  });
  metrics.setGlobalMeterProvider(meterProvider);

  const unsubscribe = traceHttpClientCalls();
  return {
    destination: 'otlp',
    async shutdown() {
      unsubscribe();
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}
