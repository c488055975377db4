/**
 * `npm run bench:notices`: notices at the scale of an organisation, through a local connector that
 * enforces Teams' limits (429 beyond them, for posts, updates and deletes alike).
 *
 * 1. fan-out: a notice to BENCH_TEAMS (1,000) teams, then an edit of every copy, then a recall, on
 *    the file store at NOTICE_MAX_RPS (30). Each is timed against the least time the limits allow
 *    (the ratio is the figure: 1.0 is perfect pacing), with 429s, copies missed and copies done twice.
 * 2. shared budget: three bot processes on one Azurite send a notice to 1,000 teams together; the
 *    measured posts per second should be NOTICE_MAX_RPS, not three times it.
 * 3. rows: store rows read per post while a notice goes out, on the file store and on Azurite, with
 *    1,000 and with 10,000 teams waiting: it should not grow with the queue (the claim pass used to
 *    list the whole queue: about N/2 rows per post).
 *
 * BENCH_ONLY=fanout|shared|rows runs one part. Installations are written straight to the store (the
 * install path has its own tests); everything after that goes through the bot over HTTP.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { InstallationRegistry } from '../src/notices/installations';
import { NOTICES_COLLECTION, NOTICE_WORK_COLLECTION } from '../src/notices/records';
import type { Notice } from '../src/notices/types';
import { AzureTableStore } from '../src/storage/azure-store';
import { FileStore } from '../src/storage/file-store';
import type { Store } from '../src/storage/store';
import { cardOf, cardTexts, TENANT } from '../test/fakes/activities';
import { startAzurite, type Azurite } from '../test/fakes/azurite';
import { bootBot, type BootedBot } from '../test/fakes/boot';
import { servingPort, startBotProcess, type BotProcess } from '../test/fakes/bot-process';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../test/fakes/connector';
import { countingRows } from '../test/fakes/counting-store';
import { until } from '../test/fakes/until';
import { teamsLimits } from './teams-limits';
import { benchSize } from './size';

const TEAMS = benchSize('BENCH_TEAMS', 1000, 10);
const MAX_RPS = Number(process.env.NOTICE_MAX_RPS ?? 30);
const ONLY = process.env.BENCH_ONLY;
const TOKEN = 'bench-notice-token-0123456789';
/** Posts counted for the rows-per-post figure, once the notice's teams are all listed. */
const ROWS_SAMPLE = benchSize('BENCH_ROWS_SAMPLE', 500, 5);
/** The two queue lengths rows per post are compared at: it should not grow with the queue. */
const ROWS_QUEUES = [benchSize('BENCH_ROWS_SMALL', 1000, 20), benchSize('BENCH_ROWS_LARGE', 10_000, 200)] as const;

const teamId = (tag: string, n: number) => `19:bench-${tag}-${String(n).padStart(5, '0')}@thread.tacv2`;

async function api(url: string, method: string, pathname: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await response.json()) as Record<string, unknown>;
}

/** Polls the status five times a second: often enough for the timing, rarely enough not to load the bot or the connector's clock. */
async function waitForStatus(url: string, id: string, done: (status: Record<string, unknown>) => boolean): Promise<void> {
  while (!done(await api(url, 'GET', `/api/notices/${id}`))) await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Installations written as the installations feature writes them, 50 at a time. */
async function seedTeams(store: Store, connector: FakeConnector, tag: string, count: number): Promise<void> {
  const registry = new InstallationRegistry(store);
  for (let n = 0; n < count; n += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - n) }, (_, i) => {
        const id = teamId(tag, n + i);
        return registry.add({
          teamId: id,
          teamName: `Team ${n + i}`,
          tenantId: TENANT,
          reference: { serviceUrl: connector.url, channelId: 'msteams', conversation: { id, conversationType: 'channel', tenantId: TENANT, isGroup: true } },
          installedAt: new Date().toISOString(),
        });
      }),
    );
  }
}

function perConversation(calls: ConnectorCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.conversationId ?? '', (counts.get(call.conversationId ?? '') ?? 0) + 1);
  return counts;
}

function twice(counts: Map<string, number>): number {
  return [...counts.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
}

/**
 * Enforces Teams' limits on the connector and records when every call to the bench's teams arrived,
 * accepted or throttled: what the bot offered, not what Teams let through.
 */
function recordOffered(connector: FakeConnector, limits: ReturnType<typeof teamsLimits>, tag: string): number[] {
  const offered: number[] = [];
  connector.respond = (call) => {
    if (call.conversationId?.startsWith(`19:bench-${tag}-`) && /\/activities/.test(call.path)) offered.push(call.at);
    return limits.responder(call);
  };
  return offered;
}

/** The most calls in any one-second window. */
function busiest(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last] - sorted[first] >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

function line(label: string, value: string): void {
  console.log(`  ${label.padEnd(34)} ${value}`);
}

/** Part 1: send, edit, recall on the file store, each against the least time the limits allow. */
async function fanOut(): Promise<void> {
  const connector = await startFakeConnector();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-notices-'));
  const seeding = new FileStore(dataDir);
  await seedTeams(seeding, connector, 'fan', TEAMS);
  await seeding.close();
  // The bot in its own process, as operators run it: the connector's clock is not held up by the bot's work.
  const running = startBotProcess({ DATA_DIR: dataDir, NOTICE_API_TOKEN: TOKEN, NOTICE_MAX_RPS: String(MAX_RPS), CONTENT_DIR: 'content' });
  const url = `http://127.0.0.1:${await servingPort(running)}`;
  const limits = teamsLimits(MAX_RPS);
  const offered = recordOffered(connector, limits, 'fan');
  const least = (TEAMS - 1) / MAX_RPS;
  const ours = (calls: ConnectorCall[]) => calls.filter((call) => call.conversationId?.startsWith('19:bench-fan-'));
  console.log(`\n1. a notice to ${TEAMS} teams at NOTICE_MAX_RPS=${MAX_RPS}, file store; least time the limits allow ${least.toFixed(1)} s each`);

  let started = performance.now();
  const { id } = (await api(url, 'POST', '/api/notices', { title: 'Bench notice', text: 'A policy change.' })) as { id: string };
  await waitForStatus(url, id, (status) => status.status === 'done');
  const sendSeconds = (performance.now() - started) / 1000;
  const posts = perConversation(ours(connector.posted()));
  const copies = new Map(ours(connector.posted()).map((call) => [call.conversationId!, call.activityId!]));
  line('send: elapsed', `${sendSeconds.toFixed(1)} s   ratio ${(sendSeconds / least).toFixed(3)} (goal <= 1.1)`);
  line('send: 429s, missed, twice', `${limits.throttled()}, ${TEAMS - posts.size}, ${twice(posts)}`);
  line('send: calls offered, busiest second', `${busiest(offered.splice(0))}`);

  let throttledBefore = limits.throttled();
  started = performance.now();
  await api(url, 'PATCH', `/api/notices/${id}`, { text: 'A policy change, corrected.' });
  await waitForStatus(url, id, (status) => status.status === 'done' && status.updated === TEAMS);
  const editSeconds = (performance.now() - started) / 1000;
  const updates = perConversation(ours(connector.updated()));
  const stale = [...copies].filter(
    ([conversation, activity]) =>
      !cardTexts(cardOf(connector.message(conversation, activity) as Record<string, unknown>)).includes('A policy change, corrected.'),
  ).length;
  line('edit: elapsed', `${editSeconds.toFixed(1)} s   ratio ${(editSeconds / least).toFixed(3)} (goal <= 1.1)`);
  line('edit: 429s, missed, twice', `${limits.throttled() - throttledBefore}, ${stale}, ${twice(updates)}`);
  line('edit: calls offered, busiest second', `${busiest(offered.splice(0))}`);

  throttledBefore = limits.throttled();
  started = performance.now();
  await api(url, 'DELETE', `/api/notices/${id}`);
  await waitForStatus(url, id, (status) => status.status === 'recalled');
  const recallSeconds = (performance.now() - started) / 1000;
  const deletes = perConversation(ours(connector.deleted()));
  const standing = [...copies].filter(([conversation, activity]) => connector.message(conversation, activity) !== 'deleted').length;
  line('recall: elapsed', `${recallSeconds.toFixed(1)} s   ratio ${(recallSeconds / least).toFixed(3)} (goal <= 1.1)`);
  line('recall: 429s, missed, twice', `${limits.throttled() - throttledBefore}, ${standing}, ${twice(deletes)}`);
  line('recall: calls offered, busiest second', `${busiest(offered.splice(0))}`);
  running.child.kill('SIGTERM');
  await running.exited;
  await connector.close();
}

/** Part 2: three processes on one Azurite, one tenant budget. */
async function sharedBudget(): Promise<void> {
  const teams = Math.min(TEAMS, 1000);
  const [azurite, connector] = await Promise.all([startAzurite(), startFakeConnector()]);
  const seeding = new AzureTableStore({ connectionString: azurite.connectionString, accountName: 'devstoreaccount1' });
  await seedTeams(seeding, connector, 'shared', teams);
  const processes: BotProcess[] = [];
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const running = startBotProcess({
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      NOTICE_API_TOKEN: TOKEN,
      NOTICE_MAX_RPS: String(MAX_RPS),
      CONTENT_DIR: 'content',
    });
    processes.push(running);
    ports.push(await servingPort(running));
  }
  const limits = teamsLimits(MAX_RPS);
  const offered = recordOffered(connector, limits, 'shared');
  console.log(`\n2. three instances on one Azurite, a notice to ${teams} teams, NOTICE_MAX_RPS=${MAX_RPS}`);
  const url = `http://127.0.0.1:${ports[0]}`;
  const { id } = (await api(url, 'POST', '/api/notices', { title: 'Shared budget', text: 'Three instances, one rate.' })) as { id: string };
  await waitForStatus(url, id, (status) => status.status === 'done');
  const posts = connector.posted().filter((call) => call.conversationId?.startsWith('19:bench-shared-'));
  const times = posts.map((call) => call.at).sort((a, b) => a - b);
  const perSecond = (posts.length - 1) / ((times.at(-1)! - times[0]) / 1000);
  const counts = perConversation(posts);
  line(
    'posts per second, all instances',
    `${perSecond.toFixed(1)} (NOTICE_MAX_RPS ${MAX_RPS}; each instance alone would allow ${MAX_RPS}, three ${3 * MAX_RPS})`,
  );
  line('calls offered, busiest second', `${busiest(offered)} (accepted or not; over ${MAX_RPS} only by timing jitter)`);
  line('429s, missed, twice', `${limits.throttled()}, ${teams - counts.size}, ${twice(counts)}`);
  for (const running of processes) running.child.kill('SIGTERM');
  await Promise.all(processes.map((running) => running.exited));
  await Promise.all([azurite.dispose(), connector.close()]);
}

/** Part 3: rows read per post with `teams` waiting, on one store. */
async function rowsPerPost(kind: 'file' | 'azure', teams: number): Promise<{ all: number; queue: number }> {
  const connector = await startFakeConnector();
  let azurite: Azurite | undefined;
  let base: Store;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-rows-'));
  if (kind === 'azure') {
    azurite = await startAzurite();
    base = new AzureTableStore({ connectionString: azurite.connectionString, accountName: 'devstoreaccount1' });
  } else {
    base = new FileStore(dataDir);
  }
  const { store, rows } = countingRows(base);
  let bot: BootedBot | undefined;
  try {
    bot = await bootBot({ DATA_DIR: dataDir, NOTICE_API_TOKEN: TOKEN, NOTICE_MAX_RPS: '50', LOG_LEVEL: 'warn' }, { store });
    await seedTeams(store, connector, 'rows', teams);
    const { id } = (await api(bot.url, 'POST', '/api/notices', { title: 'Rows notice', text: 'Counting reads.' })) as { id: string };
    // Once every team has its target and queued post, the queue is as long as it gets: count from there.
    await until(async () => (await base.get<Notice>(NOTICES_COLLECTION, id))?.value.released === true, 30 * 60_000, 'notice released');
    const sent = () => connector.posted().filter((call) => call.conversationId?.startsWith('19:bench-rows-')).length;
    const from = sent();
    rows.reset();
    await until(() => sent() >= Math.min(teams, from + ROWS_SAMPLE), 10 * 60_000, 'sample posted');
    const posted = sent() - from;
    return { all: rows.total() / posted, queue: rows.total((name) => name.startsWith(NOTICE_WORK_COLLECTION)) / posted };
  } finally {
    await bot?.stop();
    await connector.close();
    await azurite?.dispose();
  }
}

async function rowsTable(): Promise<void> {
  console.log(`\n3. store rows read per post while a notice goes out (${ROWS_SAMPLE} posts counted once all teams are queued; NOTICE_MAX_RPS=50)`);
  for (const kind of ['file', 'azure'] as const) {
    const small = await rowsPerPost(kind, ROWS_QUEUES[0]);
    const large = await rowsPerPost(kind, ROWS_QUEUES[1]);
    const label = kind === 'file' ? 'file store' : 'Azure (Azurite)';
    line(
      `${label}, ${ROWS_QUEUES[0].toLocaleString('en')} teams`,
      `${small.all.toFixed(2)} rows per post (work queue ${small.queue.toFixed(2)}); the old claim pass: ~${(ROWS_QUEUES[0] / 2).toLocaleString('en')}`,
    );
    line(
      `${label}, ${ROWS_QUEUES[1].toLocaleString('en')} teams`,
      `${large.all.toFixed(2)} rows per post (work queue ${large.queue.toFixed(2)}); the old claim pass: ~${(ROWS_QUEUES[1] / 2).toLocaleString('en')}   ratio to ${ROWS_QUEUES[0].toLocaleString('en')}: ${(large.all / small.all).toFixed(2)}`,
    );
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!ONLY || ONLY === 'fanout') await fanOut();
  if (!ONLY || ONLY === 'shared') await sharedBudget();
  if (!ONLY || ONLY === 'rows') await rowsTable();
  console.log(`\nbench:notices took ${((performance.now() - started) / 60_000).toFixed(1)} min`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
