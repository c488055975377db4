/**
 * `npm run bench:requests`: privacy requests through the whole path (a form opened and submitted
 * over HTTP, the durable write, signed delivery to a local receiver), as requests per second
 * beside a baseline in the same run: the same number of signed POSTs straight to the receiver.
 * Then a receiver outage of BENCH_OUTAGE_S seconds (default 30) with requests arriving meanwhile,
 * and the time from the receiver's return until every pending request is delivered, with the
 * default retry schedule unless PRIVACY_WEBHOOK_RETRY_* say otherwise.
 */
import { performance } from 'node:perf_hooks';
import { webhookSignature } from '../src/requests/webhook-signature';
import { execute, message, type Person } from '../test/fakes/activities';
import { bootBot, type BootedBot } from '../test/fakes/boot';
import { startFakeConnector, type FakeConnector } from '../test/fakes/connector';
import { startTestReceiver, type TestReceiver } from '../test/fakes/receiver';
import { benchSize } from './size';

const COUNT = benchSize('BENCH_REQUESTS', 300, 10);
const OUTAGE_S = benchSize('BENCH_OUTAGE_S', 30, 1);
const CONCURRENCY = 16;

async function fileExport(bot: BootedBot, connector: FakeConnector, n: number): Promise<void> {
  const person: Person = { id: `29:bench-${n}`, aadObjectId: `aad-bench-${n}`, name: `Bench ${n}` };
  const before = connector.posted().filter((call) => call.conversationId === `a:personal-${person.id}`).length;
  await bot.post('/api/messages', message('export my data', { serviceUrl: connector.url, from: person }));
  const form = connector.posted().filter((call) => call.conversationId === `a:personal-${person.id}`)[before];
  const submit = JSON.stringify(form.body).match(/"requestId":"(PR-[0-9A-Z]{8})","formToken":"([^"]+)"/);
  if (!submit) throw new Error('no form in the reply');
  const response = await bot.post(
    '/api/messages',
    execute(
      'request.submit',
      { kind: 'export', requestId: submit[1], formToken: submit[2], include: 'account', format: 'json' },
      { serviceUrl: connector.url, from: person },
    ),
  );
  if (!JSON.stringify(response.body).includes(submit[1])) throw new Error('no receipt');
}

async function inParallel(count: number, work: (n: number) => Promise<void>, offset = 0): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(offset + next++);
    }),
  );
}

async function waitForEvents(receiver: TestReceiver, count: number): Promise<void> {
  while (receiver.events.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function baseline(receiver: TestReceiver): Promise<number> {
  const started = performance.now();
  await inParallel(COUNT, async (n) => {
    const id = `PR-BASE${String(n).padStart(4, '0')}`;
    const body = JSON.stringify({
      type: 'privacy.request.created',
      timestamp: new Date().toISOString(),
      data: { id, kind: 'export', dueBy: new Date().toISOString() },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    await fetch(receiver.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': webhookSignature([receiver.secret], { id, timestamp, body }),
      },
      body,
    });
  });
  return COUNT / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const connector = await startFakeConnector();
  const receiver = await startTestReceiver();
  const base = await baseline(receiver);
  receiver.events.length = 0;
  const bot = await bootBot({ PRIVACY_WEBHOOK_URL: receiver.url, PRIVACY_WEBHOOK_SECRET: receiver.secret, LOG_LEVEL: 'warn' });

  const started = performance.now();
  await inParallel(COUNT, (n) => fileExport(bot, connector, n));
  await waitForEvents(receiver, COUNT);
  const throughput = COUNT / ((performance.now() - started) / 1000);

  console.log(`privacy requests, ${COUNT} through the whole path (${CONCURRENCY} at a time)`);
  console.log(`  bot: form, submit, durable write, signed delivery  ${throughput.toFixed(0)} requests/s`);
  console.log(`  baseline: signed POSTs straight to the receiver    ${base.toFixed(0)} requests/s   ratio ${(throughput / base).toFixed(3)}`);

  const pendingCount = 50;
  receiver.gate = () => ({ status: 503 });
  const outageStarted = performance.now();
  await inParallel(pendingCount, (n) => fileExport(bot, connector, n), COUNT);
  const remaining = OUTAGE_S * 1000 - (performance.now() - outageStarted);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  receiver.gate = undefined;
  const back = performance.now();
  await waitForEvents(receiver, COUNT + pendingCount);
  const recovery = (performance.now() - back) / 1000;
  const botAccepted = receiver.attempts.filter((attempt) => attempt.status === 200 && !attempt.id.startsWith('PR-BASE')).length;
  const duplicates = botAccepted - receiver.events.length;
  console.log(`after a ${OUTAGE_S} s receiver outage with ${pendingCount} requests waiting (retry base ${bot.app.config.webhook.retryBaseMs} ms):`);
  console.log(
    `  every pending request delivered ${recovery.toFixed(1)} s after the receiver came back; lost 0; repeated deliveries ${Math.max(0, duplicates)}`,
  );
  await bot.stop();
  await receiver.close();
  await connector.close();
}

void main();
