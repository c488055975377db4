/** The Azure Monitor OpenTelemetry distro, as Microsoft recommends for Node on Azure; loaded by start.ts only when configured. */
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { httpInstrumentationConfig } from './http-attributes';
import { SERVICE_NAME, type Telemetry } from './start';

export function startAzureMonitor(connectionString: string): Telemetry {
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
