/**
 * The Azure Monitor path, offline: the bot as operators run it, with an Application Insights
 * connection string whose ingestion and live metrics endpoints are a local receiver (https, as the
 * exporter requires). The distro's envelopes arrive
 * there (requests for the bot's spans, custom metrics by name), and none holds the person's words,
 * name or ids.
 */
import { gunzipSync } from 'node:zlib';
import type { Person } from '../fakes/activities';
import { overHttp, servingPort, startBotProcess } from '../fakes/bot-process';
import { startFakeConnector } from '../fakes/connector';
import { startOtlpReceiver, TEST_CA_FILE } from '../fakes/otlp-receiver';
import { driver } from '../requests/drive';

const PERSON: Person = { id: '29:1Zq8azurePerson', aadObjectId: '3e9a1c2b-7d4f-4e8a-9b6c-5d4e3f2a1b0c', name: 'Philippa Azure-Quackenbush' };
const QUESTION = 'How long do you keep my data?';

describe('telemetry to Azure Monitor', () => {
  it('sends the turn as a request and the turns metric, with nothing personal', async () => {
    const [connector, ingestion] = await Promise.all([startFakeConnector(), startOtlpReceiver({ tls: true })]);
    const endpoint = `${ingestion.url}/`;
    const bot = startBotProcess({
      CONTENT_DIR: 'content',
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=${endpoint};LiveEndpoint=${endpoint}`,
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      NODE_EXTRA_CA_CERTS: TEST_CA_FILE,
      OTEL_METRIC_EXPORT_INTERVAL: '500',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    try {
      const port = await servingPort(bot);
      const [answer] = await driver(overHttp(port), connector, { from: PERSON }).say(QUESTION);
      expect(answer).toBeDefined();
      const bodies = () => ingestion.exports.map((item) => (item.body[0] === 0x1f ? gunzipSync(item.body) : item.body).toString('utf8'));
      await ingestion.waitFor(
        'a privacy.turn request and the privacy.turns metric',
        () => bodies().some((body) => body.includes('"name":"privacy.turn"')) && bodies().some((body) => body.includes('privacy.turns')),
        30_000,
      );
      const everything = bodies().join('\n');
      expect(everything).toContain('answered');
      expect([QUESTION, PERSON.name, 'Quackenbush', PERSON.id, PERSON.aadObjectId].filter((text) => everything.includes(text))).toEqual([]);
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await Promise.all([connector.close(), ingestion.close()]);
    }
  }, 90_000);
});
