/**
 * Learned: what the bot answers from. Taught lines and entries (with Forget for admins) once the
 * teaching feature provides them; until then, and beside them, the content files' entries.
 */
import { consoleText } from '../text';
import { get, send } from '../api';
import { clear, format, h, moment } from '../dom';
import type { Shell } from '../shell';
import type { Learned, Me } from '../types';
import { guarded } from './requests';

const t = consoleText.learned;

export async function showLearned(shell: Shell, me: Me): Promise<void> {
  const learned = await get<Learned>('learned');
  const taught =
    learned.taught.length === 0
      ? h('p', { class: 'quiet' }, t.taughtNone)
      : h(
          'ul',
          { class: 'taught' },
          ...learned.taught.map((item) =>
            h(
              'li',
              {},
              h('strong', {}, item.title),
              ` · ${item.text} · ${moment(item.taughtAt)}`,
              h('pre', {}, item.markdown),
              me.can.forget
                ? h('button', {
                    type: 'button',
                    'aria-label': `${t.forget}: ${item.text}`,
                    onclick: () =>
                      void guarded(shell, async () => {
                        await send('DELETE', `learned/${encodeURIComponent(item.id)}`);
                        shell.say(consoleText.page.saved);
                        await showLearned(shell, me);
                      }),
                  }, t.forget)
                : null,
            ),
          ),
        );
  const content = h(
    'ul',
    { class: 'entries' },
    ...learned.content.map((entry) =>
      h('li', {}, format(t.contentRow, { title: entry.title, file: entry.file }), entry.alsoAsked.length ? h('span', { class: 'quiet' }, ` · ${format(t.alsoAsked, { lines: entry.alsoAsked.join('; ') })}`) : null),
    ),
  );
  clear(
    shell.main,
    h('h2', {}, t.heading),
    h('section', { 'aria-labelledby': 'taught' }, h('h3', { id: 'taught' }, t.taught), taught),
    h('section', { 'aria-labelledby': 'content' }, h('h3', { id: 'content' }, t.content), content),
  );
}
