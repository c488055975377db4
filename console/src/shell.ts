/**
 * The page around the parts: the header (who is signed in, and the local-mode notice on every
 * page), the navigation by the parts' names, the live region that announces results, and the area
 * each part draws into.
 */
import { consoleText } from './text';
import { clear, format, h } from './dom';
import type { Me } from './types';

const t = consoleText.page;

export type PartName = keyof typeof t.parts;
export const PART_NAMES = Object.keys(t.parts) as PartName[];

export interface Shell {
  readonly main: HTMLElement;
  /** Announces a result (saved, failed) to screen readers and shows it. */
  say(message: string, tone?: 'good' | 'bad'): void;
  select(part: PartName): void;
}

export function buildShell(root: HTMLElement, me: Me, open: (part: PartName) => void): Shell {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const main = h('main', { id: 'part', tabindex: '-1' });
  const buttons = new Map<PartName, HTMLButtonElement>();
  const nav = h('nav', { 'aria-label': t.nav });
  const list = h('ul');
  for (const part of PART_NAMES) {
    const button = h('button', { type: 'button', onclick: () => open(part) }, t.parts[part]);
    buttons.set(part, button);
    list.appendChild(h('li', {}, button));
  }
  nav.appendChild(list);
  const who = me.local ? format(t.localMode, { user: me.devUser ?? '' }) : format(t.signedInAs, { name: me.name });
  const header = h('header', {}, h('h1', {}, t.title), h('p', { class: me.local ? 'banner local' : 'banner' }, who, ' · ', t.role[me.role]));
  clear(root, header, nav, status, main);
  root.removeAttribute('aria-busy');
  let timer: number | undefined;
  return {
    main,
    say(message, tone = 'good') {
      status.textContent = message;
      status.className = `status ${tone}`;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => (status.textContent = ''), 8000);
    },
    select(part) {
      // What was said about the last part does not belong to the next one.
      status.textContent = '';
      for (const [name, button] of buttons) {
        if (name === part) button.setAttribute('aria-current', 'page');
        else button.removeAttribute('aria-current');
      }
      clear(main, h('p', { class: 'loading' }, t.loading));
      main.setAttribute('aria-busy', 'true');
    },
  };
}
