/**
 * Notices: each notice with its delivery and read counts (a chart and the table), compose (now or
 * scheduled), edit, recall, and the acknowledgements as CSV. Sending, editing and recalling are for
 * privacy admins; the rest of the team reads.
 */
import { consoleText } from '../text';
import { download, get, send } from '../api';
import { clear, field, h, moment } from '../dom';
import type { Shell } from '../shell';
import type { Me, NoticeDetail, NoticeRow } from '../types';
import { auditTrail } from './audit';
import { barChart } from './charts';
import { guarded } from './requests';

const t = consoleText.notices;
const stateName = (state: string) => (t.states as Record<string, string>)[state] ?? state;

export async function showNotices(shell: Shell, me: Me): Promise<void> {
  const detailArea = h('div', { class: 'detail' });
  const listArea = h('div');

  const load = async () => {
    const { notices } = await get<{ notices: NoticeRow[] }>('notices');
    const c = t.columns;
    const counts = t.counts;
    const body = h('tbody');
    for (const notice of notices) {
      body.appendChild(
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => void open(notice.id) }, notice.title)),
          h('td', {}, stateName(notice.status)),
          h('td', {}, String(notice.targets)),
          h('td', {}, String(notice.delivered)),
          h('td', {}, String(notice.acknowledged)),
          h('td', {}, moment(notice.sendAt ?? notice.createdAt)),
        ),
      );
    }
    clear(
      listArea,
      notices.length === 0
        ? h('p', { class: 'quiet' }, consoleText.page.none)
        : h(
            'div',
            {},
            barChart(
              t.chart,
              c.title,
              notices.map((notice) => notice.title),
              // Delivered in the brand colour, failed red, read green, pending amber.
              (
                [
                  ['delivered', 1],
                  ['failed', 2],
                  ['acknowledged', 3],
                  ['pending', 4],
                ] as const
              ).map(([key, colour]) => ({ label: counts[key], colour, values: notices.map((notice) => notice[key]) })),
              false,
            ),
            h(
              'table',
              {},
              h('caption', {}, t.heading),
              h(
                'thead',
                {},
                h('tr', {}, ...[c.title, c.status, c.targets, c.delivered, c.acknowledged, c.created].map((name) => h('th', { scope: 'col' }, name))),
              ),
              body,
            ),
          ),
    );
  };

  const open = (id: string) =>
    guarded(shell, async () => {
      render(await get<NoticeDetail>(`notices/${encodeURIComponent(id)}`));
      detailArea.querySelector('h3')?.focus();
    });

  const render = (notice: NoticeDetail) => {
    const recalled = notice.status === 'recalled' || notice.status === 'recalling' || notice.status === 'cancelled';
    const actions = h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          onclick: () =>
            void guarded(shell, () => download(`notices/${encodeURIComponent(notice.id)}/acknowledgements.csv`, `${notice.id}-acknowledgements.csv`)),
        },
        t.csv,
      ),
      me.can.changeNotices && !recalled ? h('button', { type: 'button', onclick: () => edit(notice) }, t.edit) : null,
      me.can.changeNotices && !recalled ? h('button', { type: 'button', class: 'danger', onclick: () => void recall(notice.id) }, t.recall) : null,
    );
    const c = t.counts;
    clear(
      detailArea,
      h('h3', { tabindex: '-1' }, notice.title),
      h('p', { class: 'notice-text' }, notice.text),
      notice.url ? h('p', {}, notice.url) : null,
      h(
        'p',
        {},
        `${stateName(notice.status)} · ${c.delivered} ${notice.delivered} · ${c.failed} ${notice.failed} · ${c.pending} ${notice.pending} · ${c.acknowledged} ${notice.acknowledged}`,
      ),
      actions,
      h('div', { class: 'edit-area' }),
      auditTrail(notice.audit),
    );
  };

  const edit = (notice: NoticeDetail) => {
    const area = detailArea.querySelector('.edit-area')!;
    const title = h('input', { type: 'text', maxlength: '120', value: notice.title });
    const text = h('textarea', { rows: '5', maxlength: '4000' });
    text.value = notice.text;
    const url = h('input', { type: 'url', value: notice.url ?? '' });
    const form = h(
      'form',
      { 'aria-label': t.edit, class: 'card' },
      field(t.title, title),
      field(t.text, text),
      field(t.url, url),
      h('button', { type: 'submit', class: 'primary' }, t.saveEdit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void guarded(shell, async () => {
        const changes: Record<string, string> = { title: title.value.trim(), text: text.value.trim() };
        if (url.value.trim()) changes.url = url.value.trim();
        render(await send<NoticeDetail>('PATCH', `notices/${encodeURIComponent(notice.id)}`, changes));
        shell.say(consoleText.page.saved);
        await load();
      });
    });
    clear(area, form);
    title.focus();
  };

  const recall = (id: string) =>
    guarded(shell, async () => {
      if (!window.confirm(t.recallConfirm)) return;
      render(await send<NoticeDetail>('DELETE', `notices/${encodeURIComponent(id)}`));
      shell.say(consoleText.page.saved);
      await load();
    });

  const compose = () => {
    const title = h('input', { type: 'text', maxlength: '120', required: true });
    const text = h('textarea', { rows: '5', maxlength: '4000', required: true });
    const url = h('input', { type: 'url' });
    const sendAt = h('input', { type: 'datetime-local' });
    const submit = h('button', { type: 'submit', class: 'primary' }, t.send);
    // With a time, the button says what it will do.
    sendAt.addEventListener('input', () => (submit.textContent = sendAt.value ? t.schedule : t.send));
    const form = h(
      'form',
      { 'aria-label': t.compose, class: 'card' },
      h('h3', {}, t.compose),
      field(t.title, title),
      field(t.text, text),
      field(t.url, url),
      field(t.sendAt, sendAt),
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void guarded(shell, async () => {
        const notice: Record<string, string> = { title: title.value.trim(), text: text.value.trim() };
        if (url.value.trim()) notice.url = url.value.trim();
        if (sendAt.value) notice.sendAt = new Date(sendAt.value).toISOString();
        const created = await send<NoticeDetail>('POST', 'notices', notice);
        form.reset();
        submit.textContent = t.send;
        shell.say(consoleText.page.saved);
        await load();
        render(created);
      });
    });
    return form;
  };

  clear(
    shell.main,
    h('h2', {}, t.heading),
    me.can.changeNotices ? compose() : h('p', { class: 'quiet' }, t.adminsOnly),
    h('div', { class: 'split' }, listArea, detailArea),
  );
  await load();
}
