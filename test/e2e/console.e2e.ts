/**
 * The privacy team's console as a person uses it: the real bot (a child process, local mode, signed
 * in as CONSOLE_DEV_USER), a local Teams connector and the example webhook receiver, and headless
 * Chromium on GET /console. Each part is reached and used by its accessible names; a status changed
 * here reaches the requester's chat, and an answer the asker's; axe-core finds no serious or critical
 * violation in any part, in Teams' light, dark and high-contrast themes. Screenshots go to docs/images.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ALICE, cardOf, type Person } from '../fakes/activities';
import { overHttp, servingPort, startBotProcess, type BotProcess } from '../fakes/bot-process';
import { startFakeConnector, type FakeConnector } from '../fakes/connector';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';
import { until } from '../fakes/until';
import { install, teamId } from '../notices/notice-api';
import { askTheTeam, cardWords, PRIVACY_CHANNEL, shows } from '../questions/ask-drive';
import { updateCards } from '../requests/after-sending';
import { driver, facts, fileRequest, type Driver } from '../requests/drive';
import { PLAYGROUND_USER } from '../../src/config';
import { SCREENSHOTS, launchChromium } from './harness';

const PARTS = ['Requests', 'Questions', 'Insights', 'Notices', 'Learned'] as const;
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}

describe('the privacy team console in a browser', () => {
  let connector: FakeConnector;
  let receiver: TestReceiver;
  let bot: BotProcess;
  let botUrl: string;
  let chat: Driver;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let requester: Person;
  let requestId: string;
  let failedId: string;
  let questionId: string;

  beforeAll(async () => {
    [connector, receiver] = await Promise.all([startFakeConnector(), startTestReceiver()]);
    bot = startBotProcess({
      CONTENT_DIR: 'content',
      PRIVACY_WEBHOOK_URL: receiver.url,
      PRIVACY_WEBHOOK_SECRET: receiver.secret,
      PRIVACY_WEBHOOK_RETRY_BASE_MS: '50',
      PRIVACY_WEBHOOK_RETRY_MAX_MS: '100',
      PRIVACY_WEBHOOK_MAX_ATTEMPTS: '2',
      PRIVACY_ADMIN_IDS: PLAYGROUND_USER,
      PRIVACY_TEAM_CHANNEL: PRIVACY_CHANNEL,
    });
    const port = await servingPort(bot);
    botUrl = `http://127.0.0.1:${port}`;
    const http = overHttp(port);
    chat = driver(http, connector);

    // What the privacy team finds in the console: requests of a few kinds, one dead-lettered, a question.
    requester = { id: '29:console-requester', aadObjectId: 'aad-console-requester', name: 'Rita Requester' };
    requestId = facts(await fileRequest(chat, 'export my data', { include: 'account', format: 'json' }, { from: requester })).Reference;
    await fileRequest(chat, 'stop personalised ads', { scope: 'ads,marketing' }, { from: { id: '29:console-b', aadObjectId: 'aad-console-b', name: 'B' } });
    await receiver.waitForEvents(2, 20_000);
    receiver.gate = () => ({ status: 400 });
    failedId = facts(
      await fileRequest(
        chat,
        'export my data',
        { include: 'usage', format: 'json' },
        { from: { id: '29:console-c', aadObjectId: 'aad-console-c', name: 'C' } },
      ),
    ).Reference;
    await until(() => bot.output.some((line) => line.includes('dead') && line.includes(failedId)), 20_000, 'the third request dead-lettered');
    receiver.gate = undefined;
    questionId = (await askTheTeam(chat, connector, 'Can my manager see which websites I visit on the office wifi?', { from: ALICE })).id;
    await install(http.post.bind(http), connector, teamId('console-e2e', 1));

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A blocked script or style (the Content-Security-Policy at work) or a script error fails the test.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${botUrl}/console`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    bot?.child.kill('SIGTERM');
    if (bot) await bot.exited;
    await Promise.all([connector?.close(), receiver?.close()]);
  });

  afterEach(() => {
    expect(problems).toEqual([]);
  });

  const part = (name: (typeof PARTS)[number]) => page.getByRole('navigation', { name: 'Console parts' }).getByRole('button', { name, exact: true });
  const open = async (name: (typeof PARTS)[number]) => {
    await part(name).click();
    await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    await page
      .locator('main[aria-busy="true"]')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await until(async () => (await page.locator('main').getAttribute('aria-busy')) === null, 10_000, `${name} loaded`);
  };
  const shot = (name: string, fullPage = true) => page.screenshot({ path: path.join(SCREENSHOTS, `console-${name}.png`), fullPage });
  const saysSaved = () => page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  async function seriousViolations(): Promise<string[]> {
    // Evaluated through DevTools, not as a page script: the page's policy rightly refuses inline scripts.
    await page.evaluate(AXE_SOURCE);
    const { violations, passes } = await page.evaluate(async () => {
      const scope = globalThis as unknown as {
        axe: { run: (context: unknown, options: object) => Promise<{ violations: Violation[]; passes: unknown[] }> };
        document: unknown;
      };
      const results = await scope.axe.run(scope.document, {});
      return { violations: results.violations, passes: results.passes.length };
    });
    // The rules ran on the part (a page axe could not read would pass nothing).
    expect(passes).toBeGreaterThan(10);
    return violations
      .filter((item) => item.impact === 'serious' || item.impact === 'critical')
      .map((item) => `${item.id}: ${item.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }

  it('says on every part that it runs in local mode, as whom', async () => {
    for (const name of PARTS) {
      await open(name);
      expect(await page.locator('header').innerText()).toContain(`Local mode: signed in as ${PLAYGROUND_USER}`);
    }
  });

  it('Requests: filters, opens one, changes its status, and the requester hears of it in Teams', async () => {
    await open('Requests');
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('Kind').selectOption({ label: 'Copy of my data' });
    await filters.getByRole('button', { name: 'Apply' }).click();
    await until(async () => (await page.getByRole('table').getByRole('row').count()) === 3, 10_000, 'two export rows and the header');
    await page.getByRole('button', { name: requestId }).click();
    await page.getByRole('heading', { name: `Request ${requestId}` }).waitFor();
    const form = page.getByRole('form', { name: 'Change status' });
    await form.getByLabel('Status').selectOption({ label: 'Completed' });
    await form.getByLabel('Message to the requester').fill('Your copy is ready to download.');
    await form.getByLabel('Link').fill('https://exports.example/rita');
    await form.getByRole('button', { name: 'Save' }).click();
    await saysSaved();
    await until(
      () => updateCards(connector, requestId).some((card) => shows(card, 'Your copy is ready to download.')),
      15_000,
      "the status card in the requester's chat",
    );
    await page
      .getByRole('region', { name: 'Audit trail' })
      .getByText(/Status set to Completed by CONSOLE_DEV_USER/)
      .waitFor();
    await shot('requests');
  });

  it('Requests: replays a dead-lettered request', async () => {
    await open('Requests');
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('Status').selectOption({ label: 'Delivery failed' });
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('button', { name: failedId }).click();
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.getByRole('status').filter({ hasText: 'Delivery replayed.' }).waitFor();
    await until(() => receiver.events.some((event) => event.data.id === failedId), 15_000, 'the replayed request delivered');
  });

  it("Questions: assigns a ticket and answers it with an entry, taught; the asker gets that entry's card", async () => {
    await open('Questions');
    const ticket = page.getByRole('article', { name: `Question ${questionId}` });
    await ticket.getByRole('button', { name: 'Assign to me' }).click();
    await saysSaved();
    const assigned = page.getByRole('article', { name: `Question ${questionId}` });
    await assigned.getByText('CONSOLE_DEV_USER').first().waitFor();
    await assigned.getByRole('button', { name: 'Answer' }).click();
    const form = assigned.getByRole('form', { name: 'Answer' });
    await form.getByLabel('Your answer (optional when you choose an entry)').fill('Only anonymised traffic statistics, never the sites you visit.');
    // The entries the search finds for the question come first; typing narrows the list.
    const entries = form.getByLabel('Answer with an entry (optional)');
    const title = (await entries.locator('option').nth(1).textContent())!;
    await form.getByLabel('Find an entry').fill(title.slice(0, 12));
    expect(await entries.locator('option:not([hidden])').count()).toBeLessThan(await entries.locator('option').count());
    await entries.selectOption({ label: title });
    expect(await form.getByRole('checkbox', { name: 'Teach the bot this question' }).isChecked()).toBe(true);
    await shot('questions-answer');
    await form.getByRole('button', { name: 'Send answer' }).click();
    await page.getByRole('status').filter({ hasText: 'The bot was taught this question' }).waitFor();
    const delivered = () =>
      connector
        .posted()
        .filter((call) => call.conversationId === `a:personal-${ALICE.id}`)
        .map((call) => cardOf(call.body))
        .filter((card) => shows(card, `your question ${questionId}`));
    await until(() => delivered().length === 1, 15_000, "the entry's card in the asker's chat");
    expect(cardWords(delivered()[0])[0]).toBe(title);
    expect(shows(delivered()[0], 'Only anonymised traffic statistics, never the sites you visit.')).toBe(true);
    const answered = page.getByRole('article', { name: `Question ${questionId}` });
    await answered.getByText(`Answered with: ${title}`).waitFor();
    await answered
      .getByRole('region', { name: 'Audit trail' })
      .getByText(/Answered by CONSOLE_DEV_USER/)
      .waitFor();
    await shot('questions');
  });

  it('Insights: charts questions per week and requests per month, with their numbers as tables', async () => {
    await open('Insights');
    await page.getByRole('img', { name: 'Questions per week by outcome' }).waitFor();
    await page.getByRole('img', { name: 'Requests per month by kind' }).waitFor();
    await page.getByText('The chart’s numbers').first().click();
    const table = page.getByRole('table', { name: 'Questions per week by outcome' });
    expect(await table.getByRole('columnheader', { name: 'Sent to the team' }).count()).toBe(1);
    await shot('insights');
  });

  it('Notices: composes one, shows its delivery and reads, downloads the acknowledgements, edits and recalls it', async () => {
    await open('Notices');
    const compose = page.getByRole('form', { name: 'Compose a notice' });
    await compose.getByLabel('Title').fill('Retention of chat logs shortened');
    await compose.getByLabel('Text').fill('Chat logs are now kept for 90 days instead of a year.');
    await compose.getByRole('button', { name: 'Send' }).click();
    await saysSaved();
    await until(
      () => connector.posted().some((call) => JSON.stringify(call.body).includes('Retention of chat logs shortened')),
      15_000,
      'the notice posted to the team',
    );
    // Opened again once the copy is out and counted, the chart and the table show it delivered.
    await until(
      async () => {
        await open('Notices');
        return (await page.getByRole('row', { name: /Retention of chat logs shortened Sent 1 1/ }).count()) === 1;
      },
      15_000,
      'the notice counted as delivered',
    );
    await page.getByRole('img', { name: 'Delivery and reads' }).waitFor();
    await page.getByRole('button', { name: 'Retention of chat logs shortened' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Acknowledgements (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^NT-[0-9A-F]{16}-acknowledgements\.csv$/);
    await shot('notices');
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit' });
    await edit.getByLabel('Title').fill('Retention of chat logs: 90 days');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await saysSaved();
    await until(
      () => connector.updated().some((call) => JSON.stringify(call.body).includes('Retention of chat logs: 90 days')),
      15_000,
      'the posted copy edited',
    );
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Recall' }).click();
    await until(() => connector.deleted().length > 0, 15_000, 'the posted copy deleted');
    await page
      .getByRole('region', { name: 'Audit trail' })
      .getByText(/Notice recalled by CONSOLE_DEV_USER/)
      .waitFor();
  });

  it('Learned: lists the taught question with its Markdown and Forget, and what the bot answers from', async () => {
    await open('Learned');
    const taught = page
      .getByRole('region', { name: 'Taught lines and entries' })
      .getByRole('listitem', { name: 'Can my manager see which websites I visit on the office wifi?' });
    await taught.getByText('Also asked: Can my manager see which websites I visit on the office wifi?').waitFor();
    expect(await page.getByRole('region', { name: 'What the bot answers from today' }).getByRole('listitem').count()).toBeGreaterThan(5);
    expect(await seriousViolations()).toEqual([]);
    await shot('learned', false);
    await taught.getByRole('button', { name: 'Forget: Can my manager see which websites I visit on the office wifi?' }).click();
    await page.getByRole('status').filter({ hasText: 'Forgotten.' }).waitFor();
    await page.getByRole('region', { name: 'Taught lines and entries' }).getByText('Nothing has been taught yet.', { exact: false }).waitFor();
  });

  it.each(['default', 'dark', 'contrast'])('has no serious or critical accessibility violation in any part (%s theme)', async (theme) => {
    await page.goto(`${botUrl}/console?theme=${theme}`);
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
    const found: string[] = [];
    for (const name of PARTS) {
      await open(name);
      found.push(...(await seriousViolations()).map((violation) => `${name}: ${violation}`));
    }
    if (theme !== 'default') {
      await open('Insights');
      await shot(`insights-${theme}`);
    }
    expect(found).toEqual([]);
  });
});

describe('the console page outside Teams when the bot has an app id', () => {
  let bot: BotProcess;
  let browser: Browser;

  beforeAll(async () => {
    bot = startBotProcess({ CONTENT_DIR: 'content', BOT_ID: '7d3c4b2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d', BOT_PASSWORD: 'not-used-here' });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    bot?.child.kill('SIGTERM');
    if (bot) await bot.exited;
  });

  it('signs nobody in without Teams, and says to open it from its Teams tab', async () => {
    const port = await servingPort(bot);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/console`);
    await page.getByRole('alert').filter({ hasText: 'Open the console from its tab in Microsoft Teams: it signs you in there.' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('navigation').count()).toBe(0);
    // Nor does the API answer without a token.
    expect((await fetch(`http://127.0.0.1:${port}/console/api/me`)).status).toBe(401);
  });
});
