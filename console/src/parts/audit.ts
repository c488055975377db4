/** An item's audit trail: who changed what in the console, and when. */
import { consoleText } from '../text';
import { format, h, moment } from '../dom';
import type { AuditRecord } from '../types';

export function auditTrail(records: readonly AuditRecord[]): HTMLElement {
  const section = h('section', { class: 'audit', 'aria-label': consoleText.page.auditTitle }, h('h3', {}, consoleText.page.auditTitle));
  if (records.length === 0) {
    section.appendChild(h('p', { class: 'quiet' }, consoleText.page.auditEmpty));
    return section;
  }
  const list = h('ol');
  for (const record of records) {
    const template = (consoleText.audit as Record<string, string>)[record.action] ?? record.action;
    const params = { ...record.params };
    // Records keep codes; people read words.
    if (params.status) params.status = (consoleText.requests.statuses as Record<string, string>)[params.status] ?? params.status;
    if (params.at) params.at = moment(params.at);
    list.appendChild(h('li', {}, format(consoleText.page.auditRow, { at: moment(record.at), what: format(template, params), who: record.by.name })));
  }
  section.appendChild(list);
  return section;
}
