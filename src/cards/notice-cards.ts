/**
 * Notice cards: what channels see (with "I have read this"), and the admin's compose, preview, the
 * summary that fills in, who has read it, the edit form and the recall confirmation.
 */
import type { Acknowledgement, Notice, NoticeContent, NoticeStatus } from '../notices/types';
import { format, strings } from '../strings';
import { formatDate } from '../text/dates';
import { plainText, safeLinks } from '../text/markdown';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import type { CardVerb } from './verbs';
import acksJson from './templates/notice-acks.json';
import composeJson from './templates/notice-compose.json';
import editJson from './templates/notice-edit.json';
import noticeJson from './templates/notice.json';
import previewJson from './templates/notice-preview.json';
import recallJson from './templates/notice-recall.json';
import summaryJson from './templates/notice-summary.json';

const s = strings.notices;

interface NoticeCardData {
  speak: string;
  title: string;
  text: string;
  url?: string;
  effective?: string;
  /** The notice's id: present on channel copies, which then offer "I have read this". */
  noticeId?: string;
  updated?: string;
  acknowledged?: string;
}

/** The draft as the preview's buttons carry it: everything needed to send or edit, nothing else. */
export interface NoticeDraft {
  readonly draftId: string;
  readonly title: string;
  readonly text: string;
  readonly url: string;
  readonly effectiveDate: string;
  readonly target: 'all' | 'chosen';
  readonly teamIds: string;
  /** YYYY-MM-DD and HH:mm in the admin's time zone; both empty to send at once. */
  readonly sendDate: string;
  readonly sendTime: string;
}

interface ComposeData {
  draftId: string;
  allTeams: string;
  teams: ReadonlyArray<{ id: string; name: string }>;
  values: Omit<NoticeDraft, 'draftId'>;
  problems: readonly string[];
}

interface PreviewData {
  heading: string;
  channelBody: unknown;
  url?: string;
  sendTitle: string;
  draft: NoticeDraft;
}

interface Fact {
  title: string;
  value: string;
}

interface SummaryData {
  speak: string;
  title: string;
  state: string;
  id: string;
  facts: Fact[];
  actions: Array<{ title: string; verb: CardVerb }>;
}

interface AcksData {
  speak: string;
  title: string;
  summary: string;
  people: Fact[];
  more?: string;
}

interface EditData {
  title: string;
  noticeId: string;
  values: { title: string; text: string; url: string };
  problems: readonly string[];
}

interface RecallData {
  title: string;
  text: string;
  confirm: string;
  noticeId: string;
}

const noticeTemplate = cardTemplate<NoticeCardData>(noticeJson);
const composeTemplate = cardTemplate<ComposeData>(composeJson);
const previewTemplate = cardTemplate<PreviewData>(previewJson);
const summaryTemplate = cardTemplate<SummaryData>(summaryJson);
const acksTemplate = cardTemplate<AcksData>(acksJson);
const editTemplate = cardTemplate<EditData>(editJson);
const recallTemplate = cardTemplate<RecallData>(recallJson);

/** A card lists this many people; the API gives the whole list. */
export const ACKS_SHOWN = 50;

/**
 * What every team's General channel receives. A sent notice (with its id) offers "I have read
 * this", says when it was last edited, and, for the person who confirmed, that they did.
 */
export function noticeCard(notice: NoticeContent & Partial<Pick<Notice, 'id' | 'updatedAt'>>, options: { acknowledgedAt?: string } = {}): AdaptiveCard {
  return renderCard(noticeTemplate, {
    speak: format(s.speakChannel, { title: notice.title }),
    title: notice.title,
    text: safeLinks(notice.text),
    ...(notice.url ? { url: notice.url } : {}),
    ...(notice.effectiveDate ? { effective: format(s.effective, { date: formatDate(`${notice.effectiveDate}T00:00:00Z`) }) } : {}),
    ...(notice.updatedAt ? { updated: format(s.updatedOn, { date: formatDate(notice.updatedAt) }) } : {}),
    ...(options.acknowledgedAt
      ? { acknowledged: format(s.acknowledgedOn, { date: formatDate(options.acknowledgedAt) }) }
      : notice.id
        ? { noticeId: notice.id }
        : {}),
  });
}

export function noticeComposeCard(input: {
  draftId: string;
  teams: ReadonlyArray<{ id: string; name: string }>;
  values?: Partial<Omit<NoticeDraft, 'draftId'>>;
  problems?: readonly string[];
}): AdaptiveCard {
  return renderCard(composeTemplate, {
    draftId: input.draftId,
    allTeams: format(s.targetAll, { count: input.teams.length }),
    // A card has room for a reasonable pick list; larger organisations send to all or use the API.
    teams: input.teams.slice(0, 100),
    values: { title: '', text: '', url: '', effectiveDate: '', target: 'all', teamIds: '', sendDate: '', sendTime: '', ...input.values },
    problems: input.problems ?? [],
  });
}

/** Exactly what channels will see, framed, with Send (or Schedule) / Edit / Cancel. */
export function noticePreviewCard(content: NoticeContent, draft: NoticeDraft, targets: number, schedule?: { sendAt: string; timeZone?: string }): AdaptiveCard {
  const channel = noticeCard(content);
  const teams = teamCount(targets);
  const sendAt = schedule?.sendAt;
  return renderCard(previewTemplate, {
    heading: schedule ? format(s.scheduledHeading, { teams, when: formatDateTime(schedule.sendAt, schedule.timeZone) }) : format(s.previewHeading, { teams }),
    channelBody: channel.body,
    ...(content.url ? { url: content.url } : {}),
    sendTitle: format(sendAt ? s.schedule : s.send, { teams }),
    draft,
  });
}

/** The admin's view of a notice sent from Teams: counts, and what can still be done with it. */
export function noticeSummaryCard(notice: Pick<Notice, 'id' | 'title' | 'origin'>, status: NoticeStatus): AdaptiveCard {
  const title = format(s.summaryTitle, { title: notice.title });
  const when = status.sendAt ? formatDateTime(status.sendAt, notice.origin?.timeZone) : '';
  const state = format(s.summaryStates[status.status], { when });
  const facts: Fact[] = [
    ...(status.status === 'scheduled' ? [{ title: s.scheduledFor, value: when }] : []),
    { title: s.delivered, value: String(status.delivered) },
    { title: s.failed, value: String(status.failed) },
    { title: s.pending, value: String(status.pending) },
    { title: s.acknowledged, value: String(status.acknowledged) },
    ...(status.updated !== undefined ? [{ title: s.updatedCopies, value: format(s.copiesCount, { count: status.updated, delivered: status.delivered }) }] : []),
    ...(status.deleted !== undefined ? [{ title: s.deletedCopies, value: format(s.copiesCount, { count: status.deleted, delivered: status.delivered }) }] : []),
    { title: s.reference, value: status.id },
  ];
  const standing = status.status !== 'recalled' && status.status !== 'recalling' && status.status !== 'cancelled';
  const whileStanding: Array<{ title: string; verb: CardVerb }> = [
    { title: s.editNotice, verb: 'notice.change' },
    { title: status.status === 'scheduled' ? s.cancelSending : s.recallNotice, verb: 'notice.recall' },
  ];
  const actions: Array<{ title: string; verb: CardVerb }> = [
    { title: s.whoRead, verb: 'notice.acks' },
    ...(standing ? whileStanding : []),
    { title: s.refresh, verb: 'notice.summary' },
  ];
  return renderCard(summaryTemplate, {
    speak: format(s.summarySpeak, {
      title,
      state,
      delivered: status.delivered,
      failed: status.failed,
      pending: status.pending,
      acknowledged: status.acknowledged,
    }),
    title,
    state,
    id: status.id,
    facts,
    actions,
  });
}

/** Who has confirmed reading a notice (the earliest ACKS_SHOWN of `count`, earliest first), for its admin. */
export function noticeAcknowledgementsCard(
  notice: Pick<Notice, 'id' | 'title'>,
  acknowledgements: readonly Acknowledgement[],
  erased: boolean,
  count = acknowledgements.length,
): AdaptiveCard {
  const title = format(s.acksTitle, { title: notice.title });
  const summary = erased ? s.acksErased : count === 0 ? s.acksNone : count === 1 ? s.acksOne : format(s.acksCount, { count });
  return renderCard(acksTemplate, {
    speak: `${title}. ${summary}`,
    title,
    summary,
    people: acknowledgements.slice(0, ACKS_SHOWN).map((item) => ({ title: plainText(item.name || item.aadObjectId), value: formatDate(item.at) })),
    ...(count > ACKS_SHOWN ? { more: format(s.acksMore, { count: count - ACKS_SHOWN, id: notice.id }) } : {}),
  });
}

/** The edit form: title, text and link, filled in with the notice as it stands (or as last typed). */
export function noticeEditCard(
  notice: Pick<Notice, 'id' | 'title'>,
  values: { title: string; text: string; url: string },
  problems: readonly string[] = [],
): AdaptiveCard {
  return renderCard(editTemplate, { title: format(s.editTitle, { title: notice.title }), noticeId: notice.id, values, problems });
}

/** "Recall it?" (or, before it goes out, "cancel sending?"), with the way back. */
export function noticeRecallCard(notice: Pick<Notice, 'id' | 'title'>, scheduled: boolean): AdaptiveCard {
  return renderCard(recallTemplate, {
    title: format(s.recallTitle, { title: notice.title }),
    text: scheduled ? s.cancelText : s.recallText,
    confirm: scheduled ? s.cancelConfirm : s.recallConfirm,
    noticeId: notice.id,
  });
}

/** "4 January 2027, 10:00 (Europe/Berlin)": in the admin's zone when Teams told us it, else UTC, and it says which. */
function formatDateTime(iso: string, timeZone = 'UTC'): string {
  const at = new Date(iso);
  const day = at.toLocaleDateString(strings.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const time = at.toLocaleTimeString(strings.locale, { hour: '2-digit', minute: '2-digit', timeZone });
  return `${day}, ${time} ${timeZone === 'UTC' ? 'UTC' : `(${timeZone})`}`;
}

function teamCount(count: number): string {
  return count === 1 ? s.oneTeam : format(s.manyTeams, { count });
}
