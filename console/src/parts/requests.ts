/**
 * Requests: the table by due date with its filters and pages, overdue rows marked; a request's
 * history, audit trail, the Change status form (admins) and Replay for a dead-lettered one.
 */
import { consoleText } from '../text';
import { ApiError, get, send } from '../api';
import { clear, day, field, format, h, moment, select } from '../dom';
import type { Shell } from '../shell';
import type { Me, RequestDetail, RequestPage } from '../types';
import { auditTrail } from './audit';

const t = consoleText.requests;

export async function showRequests(shell: Shell, me: Me): Promise<void> {
  const kindName = (id: string) => me.kinds.find((kind) => kind.id === id)?.name ?? id;
  const statusName = (id: string) => (t.statuses as Record<string, string>)[id] ?? id;
  const statusFilter = select([
    { value: '', label: t.any },
    { value: 'open', label: t.open },
    ...Object.entries(t.statuses).map(([value, label]) => ({ value, label })),
  ]);
  const kindFilter = select([{ value: '', label: t.any }, ...me.kinds.map((kind) => ({ value: kind.id, label: kind.name }))]);
  const overdue = h('input', { type: 'checkbox', id: 'overdue-only' });
  const tableArea = h('div', { class: 'table-area' });
  const detailArea = h('div', { class: 'detail' });
  let page = 1;

  const load = async () => {
    const query = new URLSearchParams({ page: String(page) });
    if (statusFilter.value) query.set('status', statusFilter.value);
    if (kindFilter.value) query.set('kind', kindFilter.value);
    if (overdue.checked) query.set('overdue', '1');
    const result = await get<RequestPage>(`requests?${query}`);
    clear(tableArea, table(result), pager(result));
  };

  const table = (result: RequestPage) => {
    const body = h('tbody');
    for (const row of result.rows) {
      body.appendChild(
        h(
          'tr',
          { class: row.overdue ? 'overdue' : undefined },
          h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => void openRequest(row.id) }, row.id)),
          h('td', {}, kindName(row.kind)),
          h('td', {}, statusName(row.status)),
          h('td', {}, day(row.dueBy), row.overdue ? h('span', { class: 'tag bad' }, t.overdue) : null),
        ),
      );
    }
    const c = t.columns;
    return h(
      'table',
      {},
      h('caption', {}, format(t.caption, { shown: result.rows.length, total: result.total })),
      h('thead', {}, h('tr', {}, ...[c.id, c.kind, c.status, c.due].map((name) => h('th', { scope: 'col' }, name)))),
      body,
    );
  };

  const pager = (result: RequestPage) =>
    h(
      'div',
      { class: 'pager' },
      h('button', { type: 'button', disabled: result.page <= 1, onclick: () => void go(result.page - 1) }, t.previous),
      h('span', {}, format(t.page, { page: result.page, pages: result.pages })),
      h('button', { type: 'button', disabled: result.page >= result.pages, onclick: () => void go(result.page + 1) }, t.next),
    );

  const go = async (to: number) => {
    page = to;
    await guarded(shell, load);
  };

  const openRequest = async (id: string) => {
    await guarded(shell, async () => renderDetail(await get<RequestDetail>(`requests/${encodeURIComponent(id)}`)));
    detailArea.querySelector('h3')?.focus();
  };

  const renderDetail = (request: RequestDetail) => {
    const history = h('ol', { class: 'history' });
    for (const event of request.history) {
      const h_ = t.history;
      const text =
        event.event === 'failed'
          ? format(h_.failed, { reason: event.reason })
          : event.event === 'progress'
            ? `${moment(event.at)}: ${format(h_.progress, { status: statusName(event.status) })}${event.message ? ` · “${event.message}”` : ''}${event.link ? ` · ${event.link}` : ''}`
            : `${moment(event.at)}: ${h_[event.event]}`;
      history.appendChild(h('li', {}, text));
    }
    clear(
      detailArea,
      h('h3', { tabindex: '-1' }, format(t.detail, { id: request.id })),
      h(
        'p',
        {},
        `${kindName(request.kind)} · ${statusName(request.status)} · ${t.columns.due} ${day(request.dueBy)}`,
        request.overdue ? h('span', { class: 'tag bad' }, t.overdue) : null,
      ),
      h('h4', {}, t.historyTitle),
      history,
      me.can.changeRequests ? changeForm(request) : null,
      me.can.changeRequests && request.failed ? h('button', { type: 'button', onclick: () => void replay(request.id) }, t.replay) : null,
      auditTrail(request.audit),
    );
  };

  const changeForm = (request: RequestDetail) => {
    const status = select(
      me.statuses.map((value) => ({ value, label: statusName(value) })),
      request.progress?.status ?? 'in_progress',
    );
    const message = h('textarea', { rows: '3', maxlength: '2000' });
    const link = h('input', { type: 'url', inputmode: 'url', placeholder: 'https://' });
    const dueBy = h('input', { type: 'date' });
    const form = h(
      'form',
      { 'aria-label': t.changeStatus, class: 'card' },
      h('h4', {}, t.changeStatus),
      field(t.status, status),
      field(t.message, message),
      field(t.link, link),
      field(t.dueBy, dueBy),
      h('button', { type: 'submit', class: 'primary' }, t.save),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void guarded(shell, async () => {
        const body = {
          status: status.value,
          message: message.value.trim(),
          link: link.value.trim(),
          dueBy: dueBy.value ? new Date(`${dueBy.value}T23:59:59Z`).toISOString() : '',
        };
        renderDetail(await send<RequestDetail>('POST', `requests/${encodeURIComponent(request.id)}/status`, body));
        shell.say(consoleText.page.saved);
        await load();
      });
    });
    return form;
  };

  const replay = (id: string) =>
    guarded(shell, async () => {
      renderDetail(await send<RequestDetail>('POST', `requests/${encodeURIComponent(id)}/replay`));
      shell.say(t.replayed);
      await load();
    });

  const filters = h(
    'form',
    { class: 'filters', 'aria-label': t.filters },
    field(t.status, statusFilter),
    field(t.kind, kindFilter),
    h('div', { class: 'field check' }, overdue, h('label', { for: 'overdue-only' }, t.overdueOnly)),
    h('button', { type: 'submit' }, t.apply),
  );
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    void go(1);
  });
  clear(shell.main, h('h2', {}, t.heading), filters, h('div', { class: 'split' }, tableArea, detailArea));
  await load();
}

/** Runs a step and says what went wrong, with every problem the server listed. */
export async function guarded(shell: Shell, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (err) {
    const problems = err instanceof ApiError && err.problems.length ? ` ${err.problems.join(' ')}` : '';
    shell.say(format(consoleText.page.failed, { message: `${(err as Error).message}${problems}` }), 'bad');
  }
}
