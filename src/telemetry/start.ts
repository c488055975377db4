/**
 * Starts telemetry before anything it instruments is loaded (index.ts imports the app after this).
 * Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set (Microsoft's distro); otherwise
 * OTLP to any OpenTelemetry collector when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nothing is
 * started and nothing leaves the process. The exporters read the other standard OTEL_* variables
 * (headers, timeouts, per-signal endpoints, OTEL_BSP_*, OTEL_TRACES_SAMPLER, OTEL_SERVICE_NAME,
 * OTEL_RESOURCE_ATTRIBUTES) themselves.
 *
 * Each destination's SDK is loaded only when it is chosen: the distro alone brings a whole SDK and a
 * dozen instrumentations, tens of MB that a bot exporting elsewhere, or nothing, would carry.
 */
import type { TelemetryConfig } from '../config';

export interface Telemetry {
  /** Where it goes, for the start-up log line: never the connection string or the endpoint's credentials. */
  readonly destination: 'azure-monitor' | 'otlp' | 'off';
  /** Sends what is buffered and stops; called once the app has drained. */
  shutdown(): Promise<void>;
}

export const SERVICE_NAME = 'privacy-assistant';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand, see above */
export function startTelemetry(config: TelemetryConfig): Telemetry {
  if (config.azureMonitorConnectionString) {
    return (require('./start-azure-monitor') as typeof import('./start-azure-monitor')).startAzureMonitor(config.azureMonitorConnectionString);
  }
  if (config.otlpEndpoint) return (require('./start-otlp') as typeof import('./start-otlp')).startOtlp(config);
  return { destination: 'off', shutdown: async () => undefined };
}
