/**
 * Several instances on one Azure Storage account (Azurite): two bot processes take requests, one is
 * killed with SIGKILL while deliveries are pending, and a notice goes out through the survivor.
 * Every request is delivered and every channel notified once. Also /healthz on Azure storage.
 */
import { installationUpdate, type Person } from '../fakes/activities';
import { startAzurite, type Azurite } from '../fakes/azurite';
import { overHttp, servingPort, startBotProcess, type BotProcess } from '../fakes/bot-process';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { actionData, driver, facts } from '../requests/drive';
import { until } from '../fakes/until';
import { OUTBOX_COLLECTION } from '../../src/requests/request-service';
import { AzureTableStore } from '../../src/storage/azure-store';
import type { WorkItem } from '../../src/storage/work-queue';

const TOKEN = 'multi-instance-token-0123456789';

describe('several instances on Azure Table Storage (Azurite)', () => {
  let azurite: Azurite;
  let connector: FakeConnector;
  let receiver: TestReceiver;
  const processes: BotProcess[] = [];
  let survivor: { running: BotProcess; port: number } | undefined;

  beforeAll(async () => {
    [azurite, connector, receiver] = await Promise.all([startAzurite(), startFakeConnector(), startTestReceiver()]);
  });
  afterAll(async () => {
    for (const running of processes) if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    await Promise.all([azurite.dispose(), connector.close(), receiver.close()]);
  });

  const start = async () => {
    const running = startBotProcess({
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
      PRIVACY_WEBHOOK_RETRY_BASE_MS: '200',
      PRIVACY_WEBHOOK_RETRY_MAX_MS: '400',
      NOTICE_API_TOKEN: TOKEN,
      CONTENT_DIR: 'content',
    });
    processes.push(running);
    return { running, port: await servingPort(running) };
  };

  it('delivers every request and notifies every channel once when one of two instances is killed', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const serving = a.running.output.find((line) => line.includes('privacy assistant serving'))!;
    expect(serving).toContain('azure table storage (account devstoreaccount1)');
    expect(serving).not.toMatch(/AccountKey|Eby8vdM02/);

    const teamId = (n: number) => `19:multi${n}@thread.tacv2`;
    for (let n = 0; n < 6; n++) {
      const options = { serviceUrl: connector.url, conversationType: 'channel' as const, conversationId: teamId(n), teamId: teamId(n) };
      // Installs arrive at either instance, as a load balancer spreads them.
      expect((await overHttp(n % 2 ? b.port : a.port).post('/api/messages', installationUpdate('add', options))).status).toBe(200);
    }

    // Refused with a wait long enough to kill an instance between attempts: an item in flight at the
    // kill would (rightly) wait out its 60 s lease before the survivor may take it.
    receiver.gate = () => ({ status: 503, headers: { 'retry-after': '4' } });
    const ids: string[] = [];
    for (let n = 0; n < 8; n++) {
      const person: Person = { id: `29:multi${n}`, aadObjectId: `aad-multi${n}`, name: `M${n}` };
      const chat = driver(overHttp(n % 2 ? b.port : a.port), connector, { from: person });
      const [form] = await chat.say('export my data');
      const receipt = await chat.press('request.submit', { ...actionData(form, 'request.submit'), include: 'account', format: 'json' });
      ids.push(facts(receipt.card).Reference);
    }
    await until(() => ids.every((id) => receiver.attempts.some((attempt) => attempt.id === id)), 20_000, 'first attempts');
    const outbox = new AzureTableStore({ connectionString: azurite.connectionString, accountName: 'devstoreaccount1' });
    await until(async () => (await outbox.list<WorkItem<unknown>>(OUTBOX_COLLECTION)).every((item) => !item.value.leaseOwner), 5000, 'retries scheduled');
    await outbox.close();

    a.running.child.kill('SIGKILL');
    await a.running.exited;
    receiver.gate = undefined;
    await until(() => ids.every((id) => receiver.events.some((event) => event.data.id === id)), 30_000, 'all requests delivered');
    for (const id of ids) expect(receiver.events.filter((event) => event.data.id === id)).toHaveLength(1);

    const created = await fetch(`http://127.0.0.1:${b.port}/api/notices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Multi-instance notice', text: 'Text' }),
    });
    const { id, targets } = (await created.json()) as { id: string; targets: number };
    expect(targets).toBe(6);
    await until(
      async () => {
        const status = (await (await fetch(`http://127.0.0.1:${b.port}/api/notices/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
          status: string;
        };
        return status.status === 'done';
      },
      20_000,
      'notice done',
    );
    const noticePosts = connector.posted().filter((call) => JSON.stringify(call.body).includes('Multi-instance notice'));
    for (let n = 0; n < 6; n++) expect(noticePosts.filter((call) => call.conversationId === teamId(n))).toHaveLength(1);
    survivor = b;
  });

  it('answers /healthz 503 while Azure storage is unreachable, and 200 once it is back, and stops cleanly', async () => {
    // The survivor of the test above when it ran (one process start fewer), else a new one.
    const { running, port } = survivor ?? (await start());
    const health = () => fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.status);
    expect(await health()).toBe(200);
    await azurite.stop();
    await until(async () => (await health()) === 503, 15_000, '503 while down');
    await azurite.restart();
    await until(async () => (await health()) === 200, 15_000, '200 once back');
    running.child.kill('SIGTERM');
    const code = await running.exited;
    // On a failed stop, what the bot logged last says why.
    expect({ code, logged: code === 0 ? [] : running.output.slice(-6) }).toEqual({ code: 0, logged: [] });
  });
});
