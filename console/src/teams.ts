/**
 * Inside Teams: the Teams JavaScript library gives the page its theme and the person's SSO token
 * (an Entra access token for this app's API, which the server validates on every call). Outside
 * Teams (local mode) none of this runs.
 */
import { app, authentication } from '@microsoft/teams-js';
import { consoleText, useLanguage } from './text';
import type { TokenSource } from './api';
import { applyTheme } from './theme';

/** Outside a Teams client the library never hears from its host: after this, the page says where to open it. */
const HOST_TIMEOUT_MS = 8000;

export async function joinTeams(): Promise<TokenSource> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const noHost = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(consoleText.page.openInTeams)), HOST_TIMEOUT_MS);
  });
  try {
    await Promise.race([app.initialize(), noHost]);
  } catch {
    // Not framed by a Teams client ("No Parent window found"), or one that never answered.
    throw new Error(consoleText.page.openInTeams);
  } finally {
    clearTimeout(timer);
  }
  const context = await app.getContext();
  // The person's Teams language wins over the browser's: it is the one the bot speaks to them in.
  useLanguage(context.app.locale);
  applyTheme(context.app.theme);
  app.registerOnThemeChangeHandler(applyTheme);
  app.notifySuccess();
  // Teams caches the token and renews it before it expires: asking on every call is cheap.
  return () => authentication.getAuthToken();
}
