/**
 * The cards of a request after it was sent: the update a requester gets when the privacy team
 * reports progress, the steps of withdrawing a request, and the privacy admins' daily digest.
 */
import type { DigestData, DigestItem } from '../requests/digest';
import type { StatusChangedData } from '../requests/progress';
import type { PrivacyRequest } from '../requests/types';
import { format, strings } from '../strings';
import { formatDate } from '../text/dates';
import { safeLinks } from '../text/markdown';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import { kindName, requestFacts } from './request-cards';
import { statusCard, type Fact } from './status-card';
import digestJson from './templates/request-digest.json';
import updateJson from './templates/request-update.json';

interface UpdateCardData {
  speak: string;
  style: 'good' | 'warning' | 'attention' | 'emphasis';
  title: string;
  message?: string;
  facts: Fact[];
  link?: string;
  linkNote?: string;
}

interface DigestCardData {
  speak: string;
  intro: string;
  sections: ReadonlyArray<{
    heading: string;
    color: 'Attention' | 'Warning';
    items: ReadonlyArray<{ id: string; kindName: string; line: string }>;
    more?: string;
  }>;
}

const updateTemplate = cardTemplate<UpdateCardData>(updateJson);
const digestTemplate = cardTemplate<DigestCardData>(digestJson);

const s = strings.requests;
const STYLES = { in_progress: 'emphasis', needs_info: 'warning', extended: 'warning', completed: 'good', rejected: 'attention' } as const;
/** Keeps a digest well under Teams' message size whatever the backlog. */
const DIGEST_ITEMS_SHOWN = 25;

export function requestUpdateCard(update: StatusChangedData): AdaptiveCard {
  const title = s.update.titles[update.status];
  return renderCard(updateTemplate, {
    speak: format(s.update.speak, { title, id: update.requestId }),
    style: STYLES[update.status],
    title,
    ...(update.message ? { message: safeLinks(update.message) } : {}),
    facts: [
      { title: s.factReference, value: update.requestId },
      { title: s.factKind, value: kindName(update.kind) },
      { title: s.factStatus, value: s.statusNames[update.status] },
      { title: s.factDue, value: formatDate(update.dueBy) },
      { title: s.factUpdated, value: formatDate(update.updatedAt) },
    ],
    ...(update.link ? { link: update.link, linkNote: format(s.update.linkNote, { host: new URL(update.link).host }) } : {}),
  });
}

export function withdrawConfirmCard(request: PrivacyRequest): AdaptiveCard {
  const w = s.withdraw;
  return statusCard(
    format(w.confirmTitle, { id: request.id }),
    format(w.confirmText, { kind: kindName(request.kind).toLowerCase() }),
    'warning',
    requestFacts(request),
    [
      { title: w.confirm, verb: 'request.withdraw.confirm', data: { requestId: request.id } },
      { title: w.keep, verb: 'request.withdraw.keep', data: { requestId: request.id } },
    ],
  );
}

export function withdrawnCard(request: PrivacyRequest): AdaptiveCard {
  return statusCard(s.withdraw.doneTitle, format(s.withdraw.doneText, { id: request.id }), 'good', requestFacts(request));
}

export function digestCard(digest: DigestData): AdaptiveCard {
  const d = s.digest;
  const counts = { overdue: digest.overdue.length, soon: digest.dueSoon.length, days: digest.reminderDays };
  const section = (heading: string, color: 'Attention' | 'Warning', items: readonly DigestItem[]) => ({
    heading: `${heading} (${items.length})`,
    color,
    items: items.slice(0, DIGEST_ITEMS_SHOWN).map((item) => ({
      id: item.id,
      kindName: kindName(item.kind),
      line: format(d.item, { due: formatDate(item.dueBy), status: s.statusNames[item.status] }),
    })),
    ...(items.length > DIGEST_ITEMS_SHOWN ? { more: format(d.more, { count: items.length - DIGEST_ITEMS_SHOWN }) } : {}),
  });
  return renderCard(digestTemplate, {
    speak: format(d.speak, counts),
    intro: format(d.intro, { ...counts, date: formatDate(digest.asOf) }),
    sections: [
      ...(digest.overdue.length > 0 ? [section(d.overdueHeading, 'Attention', digest.overdue)] : []),
      ...(digest.dueSoon.length > 0 ? [section(format(d.soonHeading, counts), 'Warning', digest.dueSoon)] : []),
    ],
  });
}
