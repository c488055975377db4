/**
 * Starts telemetry before anything it instruments is loaded (index.ts imports the app after this).
 * Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set (Microsoft's distro); otherwise
 * OTLP to any OpenTelemetry collector when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nothing is
 * started and nothing leaves the process. The exporters read the other standard OTEL_* variables
 * (headers, timeouts, per-signal endpoints, OTEL_BSP_*, OTEL_TRACES_SAMPLER, OTEL_SERVICE_NAME,
 * OTEL_RESOURCE_ATTRIBUTES) themselves.
 */
import { useAzureMonitor, shutdownAzureMonitor } from '@azure/monitor-opentelemetry';
import { metrics } from '@opentelemetry/api';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { TelemetryConfig } from '../config';
import { httpInstrumentationConfig } from './http-attributes';

export interface Telemetry {
  /** Where it goes, for the start-up log line: never the connection string or the endpoint's credentials. */
  readonly destination: 'azure-monitor' | 'otlp' | 'off';
  /** Sends what is buffered and stops; called once the app has drained. */
  shutdown(): Promise<void>;
}

const SERVICE_NAME = 'privacy-assistant';

export function startTelemetry(config: TelemetryConfig): Telemetry {
  if (config.azureMonitorConnectionString) return startAzureMonitor(config.azureMonitorConnectionString);
  if (config.otlpEndpoint) return startOtlp(config);
  return { destination: 'off', shutdown: async () => undefined };
}

function startAzureMonitor(connectionString: string): Telemetry {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    resource: resourceFromAttributes({ 'service.name': SERVICE_NAME }),
    instrumentationOptions: {
      http: { enabled: true, ...httpInstrumentationConfig },
      // Azure SDK spans record storage URLs with row keys; the HTTP spans below them are shaped instead.
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      console: { enabled: false },
    },
  });
  return { destination: 'azure-monitor', shutdown: () => shutdownAzureMonitor() };
}

function startOtlp(config: TelemetryConfig): Telemetry {
  const json = config.otlpProtocol === 'http/json';
  const resource = resourceFromAttributes({ 'service.name': SERVICE_NAME }).merge(detectResources({ detectors: [envDetector] }));

  const tracerProvider = new NodeTracerProvider({
    resource,
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

  const unregister = registerInstrumentations({ tracerProvider, meterProvider, instrumentations: [new HttpInstrumentation(httpInstrumentationConfig)] });
  return {
    destination: 'otlp',
    async shutdown() {
      unregister();
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}
