/**
 * A notice sent to a whole company gathers one acknowledgement per person: listing them (JSON or
 * CSV) is written a page at a time, so /healthz and turns keep being answered while a list of tens
 * of thousands goes out, and every record is in it once. Real HTTP, the real bot and file store; the
 * acknowledgements are planted on disk between two runs of the bot, as a long-lived notice leaves them.
 */
import { rmSync } from 'node:fs';
import { bootBot, type BootedBot } from '../fakes/boot';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { plantRecords } from '../fakes/planted-records';
import { install, NOTICE_TOKEN, noticeApi, teamId } from '../notices/notice-api';
import { ACKNOWLEDGEMENTS_COLLECTION } from '../../src/notices/records';
import { scratchDir } from '../fakes/scratch-dir';

const COUNT = 20_000;

describe('the acknowledgements of a notice read by tens of thousands', () => {
  let connector: FakeConnector;
  let dataDir: string;
  let bot: BootedBot;
  let id: string;
  const api = noticeApi(() => bot.url);

  beforeAll(async () => {
    connector = await startFakeConnector();
    dataDir = scratchDir('privacy-bot-acks-');
    const env = { NOTICE_API_TOKEN: NOTICE_TOKEN, NOTICE_MAX_RPS: '50', DATA_DIR: dataDir };
    bot = await bootBot(env);
    await install(bot.post, connector, teamId('many', 1));
    ({ id } = (await (await api.call('POST', '/api/notices', { title: 'Everyone notice', text: 'Please confirm.' })).json()) as { id: string });
    await api.waitFor(id, 'done');
    await bot.stop();
    const at = Date.parse('2027-01-04T09:00:00.000Z');
    plantRecords(
      dataDir,
      ACKNOWLEDGEMENTS_COLLECTION,
      (function* () {
        for (let i = 0; i < COUNT; i++) {
          const aadObjectId = `aad-${String(i).padStart(6, '0')}`;
          yield {
            key: `${id}.${aadObjectId}`,
            value: { aadObjectId, name: `Person ${i}`, at: new Date(at + i * 1000).toISOString(), teamId: teamId('many', 1) },
          };
        }
      })(),
    );
    bot = await bootBot(env);
  }, 120_000);
  afterAll(async () => {
    await bot.stop();
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Reads the list while asking /healthz in a loop; how many /healthz answers came while it was read. */
  async function whileListing(accept: string): Promise<{ body: string; healthAnswers: number }> {
    let listing = true;
    const body = api
      .call('GET', `/api/notices/${id}/acknowledgements`, undefined, { accept })
      .then(async (response) => {
        expect(response.status).toBe(200);
        return response.text();
      })
      .finally(() => (listing = false));
    let healthAnswers = 0;
    while (listing) {
      const health = await fetch(`${bot.url}/healthz`);
      if (health.status === 200 && listing) healthAnswers++;
    }
    return { body: await body, healthAnswers };
  }

  it('lists every one as JSON, a page at a time: /healthz keeps answering meanwhile', async () => {
    // The first read loads the planted records from disk: start-up work, not a listing's.
    await api.call('GET', `/api/notices/${id}/acknowledgements`).then((response) => response.arrayBuffer());
    const { body, healthAnswers } = await whileListing('application/json');
    const list = JSON.parse(body) as Array<{ aadObjectId: string; name: string; at: string }>;
    expect(list).toHaveLength(COUNT);
    expect(new Set(list.map((item) => item.aadObjectId)).size).toBe(COUNT);
    expect(list[0]).toEqual({ aadObjectId: 'aad-000000', name: 'Person 0', at: '2027-01-04T09:00:00.000Z' });
    // Built in one piece, the event loop would answer none (or the one that slipped in first).
    expect(healthAnswers).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('lists every one as CSV, a row each after the header, a page at a time', async () => {
    const { body, healthAnswers } = await whileListing('text/csv');
    const lines = body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(COUNT + 1);
    expect(lines[0]).toBe('"aadObjectId","name","at"');
    expect(lines[1]).toBe('"aad-000000","Person 0","2027-01-04T09:00:00.000Z"');
    expect(healthAnswers).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
