/**
 * The console in its person's language over real HTTP: the page in the language the browser asks
 * for (Accept-Language, as the page's own calls also send it), and the server's answers, refusals
 * included, in that language; English for a language the bot does not speak or no preference.
 */
import { bootBot, type BootedBot } from '../fakes/boot';
import { PLAYGROUND_USER } from '../../src/config';
import { stringsOf } from '../../src/strings';
import { consoleApi } from './console-drive';

describe('the console speaks its person language', () => {
  let bot: BootedBot;
  const api = consoleApi(() => bot.url);
  const page = async (acceptLanguage?: string) => {
    const response = await fetch(`${bot.url}/console`, { headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage } });
    return { status: response.status, vary: response.headers.get('vary'), html: await response.text() };
  };

  beforeAll(async () => {
    bot = await bootBot({ PRIVACY_ADMIN_IDS: PLAYGROUND_USER });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it.each([
    ['de-AT,de;q=0.9,en;q=0.5', 'de'],
    ['fr-CH, fr;q=0.9, en;q=0.8', 'fr'],
    ['es-ES,es;q=0.9,fr;q=0.4', 'fr'],
    ['en;q=0.2, de;q=0.7', 'de'],
    ['es', 'en'],
    [undefined, 'en'],
    ['de;q=nonsense,,;;', 'de'],
  ] as const)('Accept-Language %s gives the page in %s', async (header, language) => {
    const answer = await page(header);
    expect(answer.status).toBe(200);
    expect(answer.vary).toMatch(/accept-language/i);
    expect(answer.html).toContain(`<html lang="${language}"`);
    expect(answer.html).toContain(`<title>${stringsOf(language).console.page.title}</title>`);
    expect(answer.html).toContain(stringsOf(language).console.page.loading);
  });

  it('answers a missing item and a refused change in the language asked for', async () => {
    const missing = await api.get('requests/req-doesnotexist', { 'accept-language': 'de-DE' });
    expect(missing.status).toBe(404);
    expect(missing.text).toContain(stringsOf('de').console.api.noSuchRequest);
    // A change without the console's own header is refused by the guard, before any route runs.
    const refused = await fetch(`${bot.url}/console/api/notices`, {
      method: 'POST',
      headers: { 'accept-language': 'fr-FR', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(stringsOf('fr').console.api.crossSite);
    const english = await api.get('requests/req-doesnotexist');
    expect(english.text).toContain(stringsOf('en').console.api.noSuchRequest);
  });
});
