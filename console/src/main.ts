/**
 * The console page: signs in (Teams SSO inside Teams, nothing in local mode), asks the server who
 * this is and what they may do, then shows the part chosen in the navigation.
 */
import { consoleText, useLanguage } from './text';
import { get, useTokens } from './api';
import { clear, format, h } from './dom';
import { releaseCharts } from './parts/charts';
import { showInsights } from './parts/insights';
import { showLearned } from './parts/learned';
import { showNotices } from './parts/notices';
import { guarded, showRequests } from './parts/requests';
import { showQuestions } from './parts/questions';
import { buildShell, type PartName } from './shell';
import { applyTheme, themeFromUrl } from './theme';
import type { Me } from './types';

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  useLanguage(document.documentElement.lang);
  applyTheme(themeFromUrl());
  try {
    if (document.documentElement.dataset.mode === 'teams') useTokens(await (await import('./teams')).joinTeams());
    const me = await get<Me>('me');
    const parts: Record<PartName, () => Promise<void>> = {
      requests: () => showRequests(shell, me),
      questions: () => showQuestions(shell, me),
      insights: () => showInsights(shell, me),
      notices: () => showNotices(shell, me),
      learned: () => showLearned(shell, me),
    };
    const open = (part: PartName) => {
      releaseCharts();
      shell.select(part);
      void guarded(shell, parts[part]).finally(() => shell.main.removeAttribute('aria-busy'));
    };
    const shell = buildShell(root, me, open);
    open('requests');
  } catch (err) {
    const message = (err as Error).message;
    const said = message === consoleText.page.openInTeams ? message : format(consoleText.page.failed, { message });
    clear(root, h('h1', {}, consoleText.page.title), h('p', { role: 'alert' }, said));
    root.removeAttribute('aria-busy');
  }
}

void start();
