/**
 * A person's view of the bot: the real bot process, a local privacy webhook, the Microsoft 365
 * Agents Playground (a local Teams-like client) pointed at the bot, and headless Chromium on it.
 * Everything waits on what appears on screen, never on fixed sleeps alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { servingPort, startBotProcess, type BotProcess } from '../fakes/bot-process';
import { playgroundCommand, waitForHttp } from '../../scripts/playground';
import { REPO_ROOT } from '../fakes/boot';
import { freePort } from '../fakes/ports';
import { startTestReceiver, type TestReceiver } from '../fakes/receiver';

/** The Playground's signed-in user (Alex Wilber in its default configuration). */
export const PLAYGROUND_USER_AAD_ID = '00000000-0000-0000-0000-0000000000020';
export const SCREENSHOTS = path.join(REPO_ROOT, 'docs/images');
/** The privacy team's system's token for POST /api/requests/{id}/status. */
export const STATUS_TOKEN = 'e2e-status-token-0123456789';

/** Debian's Chromium, headless and quiet on a machine with no network but loopback. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser every browser test drives: Debian's Chromium (`CHROMIUM_PATH` to use another). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

export interface Stack {
  readonly page: Page;
  readonly receiver: TestReceiver;
  readonly bot: BotProcess;
  readonly botUrl: string;
  stop(): Promise<void>;
}

/** `env`: more of the bot's configuration, for journeys that need a feature switched on. */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const receiver = await startTestReceiver();
  const bot = startBotProcess({
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'e2e-')),
    CONTENT_DIR: 'content',
    PRIVACY_WEBHOOK_URL: receiver.url,
    PRIVACY_WEBHOOK_SECRET: receiver.secret,
    PRIVACY_ADMIN_IDS: PLAYGROUND_USER_AAD_ID,
    PRIVACY_STATUS_TOKEN: STATUS_TOKEN,
    ...env,
  });
  const botPort = await servingPort(bot);
  const playgroundPort = await freePort();
  const command = playgroundCommand(REPO_ROOT, botPort, playgroundPort);
  const playground: ChildProcess = spawn(command.command, command.args, { env: command.env, stdio: 'ignore', detached: true });
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    try {
      process.kill(-playground.pid!, 'SIGTERM');
    } catch {
      playground.kill('SIGTERM');
    }
    bot.child.kill('SIGTERM');
    await bot.exited;
    await receiver.close();
  };
  try {
    if (!(await waitForHttp(`http://localhost:${playgroundPort}`, 60_000))) throw new Error(`the Playground did not answer on port ${playgroundPort}`);
    // playwright gives each launch a fresh temporary profile: no state carries between runs.
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`http://localhost:${playgroundPort}`);
    return { page, receiver, bot, botUrl: `http://127.0.0.1:${botPort}`, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

const CARDS = '.ac-adaptiveCard';

/**
 * Types into the compose box and sends, as a person does, then waits for the bot's reply card, so
 * that the next look at the page cannot find an older card that happens to share some words.
 */
export async function say(page: Page, text: string, timeoutMs = 20_000): Promise<void> {
  const cardsBefore = await page.locator(CARDS).count();
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await page.keyboard.type(text);
  await page.locator('button[aria-label="Send Message"]').click();
  await page.locator(CARDS).nth(cardsBefore).waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The newest bot card containing `text` (case-sensitive), once it has appeared. */
export async function cardWith(page: Page, text: string, timeoutMs = 20_000): Promise<Locator> {
  // Playwright's string match ignores case; a title such as "Your privacy requests" must not
  // match the welcome card's "your privacy requests".
  const exactly = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const card = page.locator(CARDS).filter({ hasText: exactly }).last();
  await card.waitFor({ state: 'visible', timeout: timeoutMs });
  return card;
}

export async function press(card: Locator, title: string): Promise<void> {
  await card.locator(`button[aria-label="${title}"]`).first().click();
}

export async function shot(page: Page, name: string, card?: Locator): Promise<void> {
  await (card ?? page).screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
