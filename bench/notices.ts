/**
 * `npm run bench:notices`: a notice to BENCH_TEAMS (default 1,000) installed teams through a local
 * connector that enforces Teams' limits (429 beyond them). Prints the elapsed time beside the least
 * time the configured NOTICE_MAX_RPS allows (the ratio is the figure: 1.0 is perfect pacing), the
 * 429s received, duplicates and lost posts (both must be 0), and how often the fan-out read its work
 * queue: each read is a table query on Azure, so reads per post is what an idle-spinning runner costs.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NOTICE_WORK_COLLECTION } from '../src/notices/notice-service';
import { FileStore } from '../src/storage/file-store';
import type { Store } from '../src/storage/store';
import { installationUpdate } from '../test/fakes/activities';
import { bootBot } from '../test/fakes/boot';
import { startFakeConnector } from '../test/fakes/connector';
import { teamsLimits } from './teams-limits';

const TEAMS = Number(process.env.BENCH_TEAMS ?? 1000);
const MAX_RPS = Number(process.env.NOTICE_MAX_RPS ?? 30);
const TOKEN = 'bench-notice-token-0123456789';

async function main(): Promise<void> {
  const connector = await startFakeConnector();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-notices-'));
  const queueReads = { count: 0 };
  const bot = await bootBot({ DATA_DIR: dataDir, NOTICE_API_TOKEN: TOKEN, NOTICE_MAX_RPS: String(MAX_RPS), LOG_LEVEL: 'warn' }, { store: countingQueueReads(new FileStore(dataDir), queueReads) });
  const teamId = (n: number) => `19:bench-team-${n}@thread.tacv2`;
  for (let n = 0; n < TEAMS; n += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, TEAMS - n) }, (_, i) => {
        const id = teamId(n + i);
        return bot.post('/api/messages', installationUpdate('add', { serviceUrl: connector.url, conversationType: 'channel', conversationId: id, teamId: id }));
      }),
    );
  }
  // Let the welcome messages of the installs age out of Teams' windows before the notice starts.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const limits = teamsLimits(MAX_RPS);
  connector.respond = limits.responder;

  queueReads.count = 0;
  const started = performance.now();
  const created = await fetch(`${bot.url}/api/notices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Bench notice', text: 'A policy change.' }),
  });
  const { id, targets } = (await created.json()) as { id: string; targets: number };
  for (;;) {
    const status = (await (await fetch(`${bot.url}/api/notices/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { status: string };
    if (status.status === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const elapsed = (performance.now() - started) / 1000;
  const posts = connector.posted().filter((call) => JSON.stringify(call.body).includes('Bench notice'));
  const perTeam = new Map<string, number>();
  for (const call of posts) perTeam.set(call.conversationId ?? '', (perTeam.get(call.conversationId ?? '') ?? 0) + 1);
  const duplicates = [...perTeam.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  const lost = TEAMS - perTeam.size;
  const least = (targets - 1) / MAX_RPS;

  console.log(`notice fan-out to ${targets} teams at NOTICE_MAX_RPS=${MAX_RPS}`);
  console.log(`  elapsed            ${elapsed.toFixed(1)} s`);
  console.log(`  least the limits allow ${least.toFixed(1)} s   ratio ${(elapsed / least).toFixed(3)} (goal <= 1.1)`);
  console.log(`  429s received      ${limits.throttled()}`);
  console.log(`  duplicates         ${duplicates}`);
  console.log(`  lost               ${lost}`);
  console.log(`  work-queue reads   ${queueReads.count} (${(queueReads.count / posts.length).toFixed(2)} per post)`);
  // Company Communicator stalls all sending for 660 s after any 429: pacing ahead of the limits avoids that cost.
  console.log(`  for comparison: Company Communicator stalls every send for 660 s after any 429 (${limits.throttled()} 429s here)`);
  await bot.stop();
  await connector.close();
}

/** The store, counting listings of the notice work queue: one per runner pass. */
function countingQueueReads(store: Store, reads: { count: number }): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'list') return Reflect.get(target, property, receiver) as unknown;
      return (collection: string, options?: { prefix?: string }) => {
        if (collection === NOTICE_WORK_COLLECTION) reads.count++;
        return target.list(collection, options);
      };
    },
  });
}

void main();
