/** What HTTP spans may say about a call (the path's shape, never its ids or query), and the telemetry settings. */
import { loadConfig } from '../../src/config';
import { pathShape } from '../../src/telemetry/http-attributes';

describe('HTTP span attributes', () => {
  it.each([
    ['/v3/conversations/a%3Apersonal-29%3A1abc/activities/1700000000000', '/v3/conversations/{id}/activities/{id}'],
    ['/v3/conversations/19%3Ateam%40thread.tacv2/members/29%3Aalice', '/v3/conversations/{id}/members/{id}'],
    ['/api/requests/PR-7K2M9Q4X/status', '/api/requests/{id}/status'],
    ["/requests(PartitionKey='aad-alice',RowKey='PR-1')", '/{id}'],
    ['/api/messages?token=secret&name=Alice', '/api/messages'],
    ['/', '/'],
  ])('shapes %s as %s', (path, shape) => {
    expect(pathShape(path)).toBe(shape);
  });
});

describe('telemetry configuration', () => {
  it('sends nowhere unless a destination is set', () => {
    expect(loadConfig({}).telemetry).toMatchObject({ azureMonitorConnectionString: '', otlpEndpoint: '' });
  });

  it('takes the OTLP endpoint and protocol, and refuses gRPC with one line naming the variable', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }).telemetry).toMatchObject({
      otlpEndpoint: 'http://collector:4318/',
      otlpProtocol: 'http/json',
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).telemetry).toMatchObject({ otlpProtocol: 'http/protobuf' });
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /^OTEL_EXPORTER_OTLP_PROTOCOL: must be http\/protobuf or http\/json/,
    );
  });

  it('checks the Application Insights connection string, and OTEL_SDK_DISABLED turns everything off', () => {
    expect(() => loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'not-a-connection-string' })).toThrow(/^APPLICATIONINSIGHTS_CONNECTION_STRING/);
    const both = {
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://x.example/',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    };
    expect(loadConfig(both).telemetry.azureMonitorConnectionString).not.toBe('');
    expect(loadConfig({ ...both, OTEL_SDK_DISABLED: 'true' }).telemetry).toMatchObject({ azureMonitorConnectionString: '', otlpEndpoint: '' });
  });
});
