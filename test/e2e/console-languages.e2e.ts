/**
 * The console in its person's language, in headless Chromium against the real bot (a child
 * process, local mode): a browser set to German or French gets every part of the page, its
 * navigation, headings, tables and forms in that language, with no console sentence left in English.
 */
import { launchChromium } from './harness';
import type { Browser } from 'playwright-core';
import { servingPort, startBotProcess, type BotProcess } from '../fakes/bot-process';
import { until } from '../fakes/until';
import { PLAYGROUND_USER } from '../../src/config';
import { format, stringsOf } from '../../src/strings';

const PARTS = ['requests', 'questions', 'insights', 'notices', 'learned'] as const;

describe('the console in the browser language', () => {
  let bot: BotProcess;
  let botUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    bot = startBotProcess({ CONTENT_DIR: 'content', PRIVACY_ADMIN_IDS: PLAYGROUND_USER });
    botUrl = `http://127.0.0.1:${await servingPort(bot)}`;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    bot?.child.kill('SIGTERM');
    if (bot) await bot.exited;
  });

  it.each([
    ['de-DE', 'de'],
    ['fr-FR', 'fr'],
  ] as const)(
    'a browser set to %s gets every part in %s',
    async (locale, language) => {
      const t = stringsOf(language).console;
      const english = stringsOf('en').console;
      const page = await browser.newPage({ locale });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      try {
        await page.goto(`${botUrl}/console`);
        expect(await page.title()).toBe(t.page.title);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        const nav = page.getByRole('navigation', { name: t.page.nav });
        for (const part of PARTS) {
          await nav.getByRole('button', { name: t.page.parts[part], exact: true }).click();
          await page.getByRole('heading', { level: 2, name: t[part].heading, exact: true }).waitFor();
          await until(async () => (await page.locator('main').getAttribute('aria-busy')) === null, 10_000, `${part} loaded`);
          const shown = await page.locator('body').innerText();
          expect(shown).toContain(format(t.page.localMode, { user: PLAYGROUND_USER }));
          // No console sentence of three words or more in English, where this language says it otherwise.
          const leftInEnglish = sentences(english).filter((text) => !sentences(t).includes(text) && shown.includes(text));
          expect(leftInEnglish).toEqual([]);
        }
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
    120_000,
  );
});

/** The fixed sentences (no placeholders) of three words or more. */
function sentences(node: unknown): string[] {
  if (typeof node === 'string') return !node.includes('{') && node.split(/\s+/).length >= 3 ? [node] : [];
  return Object.values(node as Record<string, unknown>).flatMap(sentences);
}
