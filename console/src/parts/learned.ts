/**
 * Learned: what the bot answers from. Taught lines and entries, newest first, with when, where
 * each goes, the Markdown to paste and Forget (admins); then the content files' entries.
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
  const where = (item: Learned['taught'][number]) =>
    item.kind === 'entry' ? t.newEntry : item.title && item.target ? format(t.lineOf, { title: item.title, file: item.target.file }) : t.lineGone;
  const taught =
    learned.taught.length === 0
      ? h('p', { class: 'quiet' }, t.taughtNone)
      : h(
          'ul',
          { class: 'taught' },
          ...learned.taught.map((item) =>
            h(
              'li',
              { 'aria-label': item.question },
              h('strong', {}, format(t.taughtLine, { when: moment(item.taughtAt), question: item.question })),
              h('p', { class: 'quiet' }, where(item)),
              h('pre', { 'aria-label': t.markdown }, item.markdown),
              me.can.forget
                ? h(
                    'button',
                    {
                      type: 'button',
                      'aria-label': `${t.forget}: ${item.question}`,
                      onclick: () =>
                        void guarded(shell, async () => {
                          await send('DELETE', `learned/${encodeURIComponent(item.id)}`);
                          await showLearned(shell, me);
                          shell.say(t.forgotten);
                        }),
                    },
                    t.forget,
                  )
                : null,
            ),
          ),
        );
  const content = h(
    'ul',
    { class: 'entries' },
    ...learned.content.map((entry) =>
      h(
        'li',
        {},
        format(t.contentRow, { title: entry.title, file: entry.file }),
        entry.alsoAsked.length ? h('span', { class: 'quiet' }, ` · ${format(t.alsoAsked, { lines: entry.alsoAsked.join('; ') })}`) : null,
      ),
    ),
  );
  clear(
    shell.main,
    h('h2', {}, t.heading),
    h('section', { 'aria-labelledby': 'taught' }, h('h3', { id: 'taught' }, t.taught), taught),
    h('section', { 'aria-labelledby': 'content' }, h('h3', { id: 'content' }, t.content), content),
  );
}
