/** The Azure Monitor OpenTelemetry distro, as Microsoft recommends for Node on Azure; loaded by start.ts only when configured. */
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { traceHttpClientCalls } from './http-client-spans';
import { SERVICE_NAME, type Telemetry } from './start';

export function startAzureMonitor(connectionString: string): Telemetry {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    resource: resourceFromAttributes({ 'service.name': SERVICE_NAME }),
    instrumentationOptions: {
      // The bot traces its own HTTP calls (http-client-spans.ts), with their paths shaped; the
      // distro's instrumentations would record full URLs (row keys, conversation ids).
      http: { enabled: false },
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
  const unsubscribe = traceHttpClientCalls();
  return {
    destination: 'azure-monitor',
    async shutdown() {
      unsubscribe();
      await shutdownAzureMonitor();
    },
  };
}
