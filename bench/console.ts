/**
 * `npm run bench:console`: the console's requests list over 10,000 requests (BENCH_CONSOLE_REQUESTS),
 * the whole list paged through over HTTP (50 a page) unfiltered, by kind, by status and overdue
 * only, as the page asks for it. Server time per page is the round trip on this machine's loopback;
 * beside it, in the same run, GET /healthz as the baseline (the HTTP path with no work behind it).
 * Then, in headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium), the time from a click on
 * each part's name to the part being ready, beside the page's own load as the baseline.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { bootBot } from '../test/fakes/boot';
import { PLAYGROUND_USER } from '../src/config';
import { REQUEST_KINDS } from '../src/requests/kinds';
import { REQUESTS_COLLECTION, REQUEST_INDEX_COLLECTION, requestKey } from '../src/requests/request-service';
import type { PrivacyRequest } from '../src/requests/types';
import { PROGRESS_STATUSES } from '../src/requests/types';
import { benchSize } from './size';

const COUNT = benchSize('BENCH_CONSOLE_REQUESTS', 10_000, 60);
const DAY_MS = 86_400_000;

function request(n: number, now: number): { key: string; value: PrivacyRequest } {
  const requester = {
    aadObjectId: `aad-bench-${n}`,
    tenantId: 'tenant-bench',
    name: `Bench ${n}`,
    email: `bench${n}@contoso.example`,
    teamsUserId: `29:bench-${n}`,
  };
  const submitted = now - (n % 90) * DAY_MS;
  const id = `PR-${n
    .toString(36)
    .toUpperCase()
    .padStart(8, '0')
    .replace(/[ILOU]/g, 'X')}`;
  const status = PROGRESS_STATUSES[n % (PROGRESS_STATUSES.length + 2)];
  const value: PrivacyRequest = {
    id,
    kind: REQUEST_KINDS[n % REQUEST_KINDS.length],
    status: n % 97 === 0 ? 'failed' : 'delivered',
    submittedAt: new Date(submitted).toISOString(),
    dueBy: new Date(submitted + 30 * DAY_MS).toISOString(),
    requester,
    details: { include: 'account', format: 'json' },
    source: { channelId: 'msteams', conversationId: `a:personal-${requester.teamsUserId}`, serviceUrl: 'https://smba.example/' },
    deliveredAt: new Date(submitted + 1000).toISOString(),
    ...(status ? { progress: { status, updatedAt: new Date(submitted + DAY_MS).toISOString(), version: 1, toldVersion: 1 } } : {}),
  };
  return { key: requestKey(requester, id), value };
}

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)], max: sorted[sorted.length - 1] };
}

async function timed(url: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.json();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { ms, body };
}

async function main(): Promise<void> {
  // Local mode: the console signs in as CONSOLE_DEV_USER, an admin here.
  const bot = await bootBot({ LOG_LEVEL: 'warn', PRIVACY_ADMIN_IDS: PLAYGROUND_USER });
  const now = Date.now();
  const seeding = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < COUNT) {
        const { key, value } = request(next++, now);
        await bot.app.store.put(REQUESTS_COLLECTION, key, value);
        await bot.app.store.put(REQUEST_INDEX_COLLECTION, value.id, { key });
      }
    }),
  );
  console.log(
    `console requests list: ${COUNT} requests stored in ${((performance.now() - seeding) / 1000).toFixed(1)} s (${bot.app.store.description.split(':')[0]} store)`,
  );

  // The first page after start reads every request (the file store loads them into memory first);
  // later pages come from the console's copy, which is read again in the background once it is five
  // seconds old: the pages asked for meanwhile, and the read itself, are timed too.
  const first = (await timed(`${bot.url}/console/api/requests`)).ms;
  await timed(`${bot.url}/healthz`).catch(() => undefined);
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5100));
    cold.push((await timed(`${bot.url}/console/api/requests?page=${1 + i * 37}`)).ms);
    // The page after: it may wait for the background read still holding the event loop.
    cold.push((await timed(`${bot.url}/console/api/requests?page=${2 + i * 37}`)).ms);
  }

  const health: number[] = [];
  for (let i = 0; i < 50; i++) health.push((await timed(`${bot.url}/healthz`)).ms);
  const base = stats(health);

  console.log(`  baseline GET /healthz                      median ${base.median.toFixed(1)} ms  p95 ${base.p95.toFixed(1)} ms`);
  console.log(`  first page after start (reads all ${COUNT})  ${first.toFixed(1)} ms  (${(first / base.median).toFixed(1)}x /healthz)`);
  const c = stats(cold);
  console.log(
    `  pages while the copy is read again          median ${c.median.toFixed(1)} ms  max ${c.max.toFixed(1)} ms  (median ${(c.median / base.median).toFixed(1)}x /healthz)`,
  );
  for (const [name, query] of [
    ['every request, by due date', ''],
    ['one kind', '&kind=export'],
    ['one status', '&status=in_progress'],
    ['overdue only', '&overdue=1'],
  ] as const) {
    const first = (await timed(`${bot.url}/console/api/requests?page=1${query}`)).body as { pages: number; total: number };
    const samples: number[] = [];
    for (let page = 1; page <= first.pages; page++) samples.push((await timed(`${bot.url}/console/api/requests?page=${page}${query}`)).ms);
    const s = stats(samples);
    console.log(
      `  ${name.padEnd(28)} ${String(first.total).padStart(6)} rows, ${String(first.pages).padStart(3)} pages: median ${s.median.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  max ${s.max.toFixed(1)} ms  (median ${(s.median / base.median).toFixed(1)}x /healthz)`,
    );
  }
  await partsInBrowser(bot.url);
  await bot.stop();
}

async function partsInBrowser(url: string): Promise<void> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return console.log(`  (no Chromium at ${executablePath}: parts not timed)`);
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await page.goto(`${url}/console`);
      await page.getByRole('navigation', { name: 'Console parts' }).waitFor();
      await page.locator('main:not([aria-busy])').waitFor();
      loads.push(performance.now() - started);
    }
    const load = stats(loads).median;
    console.log(`  in Chromium: the page loaded, Requests shown   median ${load.toFixed(0)} ms (baseline)`);
    for (const name of ['Requests', 'Questions', 'Insights', 'Notices', 'Learned']) {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await page.getByRole('navigation', { name: 'Console parts' }).getByRole('button', { name, exact: true }).click();
        await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
        await page.locator('main:not([aria-busy])').waitFor();
        samples.push(performance.now() - started);
      }
      const s = stats(samples);
      console.log(
        `  ${name.padEnd(10)} ready after a click            median ${s.median.toFixed(0)} ms  max ${s.max.toFixed(0)} ms  (${(s.median / load).toFixed(2)}x the page load)`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
