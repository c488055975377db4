/**
 * Inside Teams: the Teams JavaScript library gives the page its theme and the person's SSO token
 * (an Entra access token for this app's API, which the server validates on every call). Outside
 * Teams (local mode) none of this runs.
 */
import { app, authentication } from '@microsoft/teams-js';
import type { TokenSource } from './api';
import { applyTheme } from './theme';

export async function joinTeams(): Promise<TokenSource> {
  await app.initialize();
  const context = await app.getContext();
  applyTheme(context.app.theme);
  app.registerOnThemeChangeHandler(applyTheme);
  app.notifySuccess();
  // Teams caches the token and renews it before it expires: asking on every call is cheap.
  return () => authentication.getAuthToken();
}
