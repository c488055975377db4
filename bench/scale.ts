/**
 * `npm run bench:scale`: the same load on three set-ups side by side, in one run: one instance on
 * the embedded file store (the baseline), one instance on Azure Table Storage (Azurite), and two
 * instances on the same Azurite behind a round-robin client. Each instance is its own process.
 * Figures: requests per second through the whole path (form, submit, durable write, signed
 * delivery), and notice fan-out posts per second (NOTICE_MAX_RPS=50 per instance).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execute, installationUpdate, message, type Person } from '../test/fakes/activities';
import { startAzurite } from '../test/fakes/azurite';
import { servingPort, startBotProcess, type BotProcess } from '../test/fakes/bot-process';
import { startFakeConnector, type FakeConnector } from '../test/fakes/connector';
import { startTestReceiver, type TestReceiver } from '../test/fakes/receiver';
import { benchSize } from './size';

const REQUESTS = benchSize('BENCH_REQUESTS', 200, 10);
const TEAMS = benchSize('BENCH_TEAMS', 300, 5);
const CONCURRENCY = 16;
const TOKEN = 'bench-scale-token-0123456789';

interface Setup {
  readonly name: string;
  readonly instances: number;
  readonly env: Record<string, string>;
}

async function post(port: number, body: unknown): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

async function fileRequest(port: number, connector: FakeConnector, tag: string, n: number): Promise<void> {
  const person: Person = { id: `29:${tag}-${n}`, aadObjectId: `aad-${tag}-${n}`, name: `P${n}` };
  const conversation = `a:personal-${person.id}`;
  await post(port, message('export my data', { serviceUrl: connector.url, from: person }));
  const form = connector.posted().find((call) => call.conversationId === conversation);
  const ids = JSON.stringify(form?.body).match(/"requestId":"(PR-[0-9A-Z]{8})","formToken":"([^"]+)"/);
  if (!ids) throw new Error('no form');
  await post(
    port,
    execute(
      'request.submit',
      { kind: 'export', requestId: ids[1], formToken: ids[2], include: 'account', format: 'json' },
      { serviceUrl: connector.url, from: person },
    ),
  );
}

async function run(setup: Setup, connector: FakeConnector, receiver: TestReceiver) {
  const processes: BotProcess[] = [];
  const ports: number[] = [];
  for (let i = 0; i < setup.instances; i++) {
    const running = startBotProcess({
      ...setup.env,
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
      NOTICE_API_TOKEN: TOKEN,
      NOTICE_MAX_RPS: '50',
      CONTENT_DIR: 'content',
    });
    processes.push(running);
    ports.push(await servingPort(running));
  }
  const tag = setup.name.replace(/\W+/g, '');
  const portFor = (n: number) => ports[n % ports.length];

  const delivered = () =>
    receiver.events.filter((event) => String(event.data.requester && (event.data.requester as { aadObjectId: string }).aadObjectId).startsWith(`aad-${tag}-`))
      .length;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const n = next++;
        await fileRequest(portFor(n), connector, tag, n);
      }
    }),
  );
  while (delivered() < REQUESTS) await new Promise((resolve) => setTimeout(resolve, 20));
  const requestsPerSecond = REQUESTS / ((performance.now() - started) / 1000);

  for (let n = 0; n < TEAMS; n += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, TEAMS - n) }, (_, i) => {
        const id = `19:${tag}-team-${n + i}@thread.tacv2`;
        return post(portFor(n + i), installationUpdate('add', { serviceUrl: connector.url, conversationType: 'channel', conversationId: id, teamId: id }));
      }),
    );
  }
  const noticeStarted = performance.now();
  const created = await fetch(`http://127.0.0.1:${ports[0]}/api/notices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: `Scale ${tag}`, text: 'Text' }),
  });
  const { id } = (await created.json()) as { id: string };
  for (;;) {
    const status = (await (await fetch(`http://127.0.0.1:${ports[0]}/api/notices/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
      status: string;
    };
    if (status.status === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const postsPerSecond = TEAMS / ((performance.now() - noticeStarted) / 1000);
  for (const running of processes) {
    running.child.kill('SIGTERM');
    await running.exited;
  }
  return { requestsPerSecond, postsPerSecond };
}

async function main(): Promise<void> {
  const [azurite, connector, receiver] = await Promise.all([startAzurite(), startFakeConnector(), startTestReceiver()]);
  const azure = { STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString };
  const setups: Setup[] = [
    { name: 'file store, 1 instance', instances: 1, env: { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'scale-')) } },
    { name: 'azure (Azurite), 1 instance', instances: 1, env: azure },
    { name: 'azure (Azurite), 2 instances', instances: 2, env: azure },
  ];
  const results = [];
  for (const setup of setups) results.push({ setup, ...(await run(setup, connector, receiver)) });
  const base = results[0];
  console.log(`${REQUESTS} requests and a notice to ${TEAMS} teams per set-up (${CONCURRENCY} clients; NOTICE_MAX_RPS=50 per instance)`);
  console.log('set-up                          requests/s  (x file)   notice posts/s  (x file)');
  for (const result of results) {
    console.log(
      `${result.setup.name.padEnd(32)}${result.requestsPerSecond.toFixed(0).padStart(10)}  ${(result.requestsPerSecond / base.requestsPerSecond).toFixed(2).padStart(8)}   ${result.postsPerSecond.toFixed(0).padStart(14)}  ${(result.postsPerSecond / base.postsPerSecond).toFixed(2).padStart(8)}`,
    );
  }
  await Promise.all([azurite.dispose(), connector.close(), receiver.close()]);
}

void main();
