/**
 * Teams' three themes (default, dark, contrast) as the page's `data-theme`; the stylesheet maps each
 * to Fluent's colour tokens. Teams says the theme in the tab's URL ({theme}) and, once the Teams
 * library is up, through its context and its theme-change event.
 */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export function applyTheme(theme: string | undefined): void {
  const known: TeamsTheme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  document.documentElement.dataset.theme = known;
}

export function themeFromUrl(): string | undefined {
  return new URLSearchParams(window.location.search).get('theme') ?? undefined;
}
