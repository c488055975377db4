/** Notice cards: what channels see, and the admin's compose, preview and delivery summary. */
import type { NoticeContent, NoticeStatus } from '../notices/types';
import { format, strings } from '../strings';
import { formatDate } from '../text/dates';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import composeJson from './templates/notice-compose.json';
import noticeJson from './templates/notice.json';
import previewJson from './templates/notice-preview.json';
import summaryJson from './templates/notice-summary.json';

const s = strings.notices;

interface NoticeCardData {
  speak: string;
  title: string;
  text: string;
  url?: string;
  effective?: string;
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

interface SummaryData {
  speak: string;
  title: string;
  state: string;
  id: string;
  delivered: string;
  failed: string;
  pending: string;
}

const noticeTemplate = cardTemplate<NoticeCardData>(noticeJson);
const composeTemplate = cardTemplate<ComposeData>(composeJson);
const previewTemplate = cardTemplate<PreviewData>(previewJson);
const summaryTemplate = cardTemplate<SummaryData>(summaryJson);

/** What every team's General channel receives. */
export function noticeCard(notice: NoticeContent): AdaptiveCard {
  return renderCard(noticeTemplate, {
    speak: format(s.speakChannel, { title: notice.title }),
    title: notice.title,
    text: notice.text,
    ...(notice.url ? { url: notice.url } : {}),
    ...(notice.effectiveDate ? { effective: format(s.effective, { date: formatDate(`${notice.effectiveDate}T00:00:00Z`) }) } : {}),
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
    values: { title: '', text: '', url: '', effectiveDate: '', target: 'all', teamIds: '', ...input.values },
    problems: input.problems ?? [],
  });
}

/** Exactly what channels will see, framed, with Send / Edit / Cancel. */
export function noticePreviewCard(content: NoticeContent, draft: NoticeDraft, targets: number): AdaptiveCard {
  const channel = noticeCard(content);
  return renderCard(previewTemplate, {
    heading: format(s.previewHeading, { teams: teamCount(targets) }),
    channelBody: channel.body,
    ...(content.url ? { url: content.url } : {}),
    sendTitle: format(s.send, { teams: teamCount(targets) }),
    draft,
  });
}

export function noticeSummaryCard(title: string, status: NoticeStatus): AdaptiveCard {
  const state = status.status === 'done' ? s.summaryDone : s.summarySending;
  return renderCard(summaryTemplate, {
    speak: format(s.summarySpeak, { title: format(s.summaryTitle, { title }), state, delivered: status.delivered, failed: status.failed, pending: status.pending }),
    title: format(s.summaryTitle, { title }),
    state,
    id: status.id,
    delivered: String(status.delivered),
    failed: String(status.failed),
    pending: String(status.pending),
  });
}

function teamCount(count: number): string {
  return count === 1 ? s.oneTeam : format(s.manyTeams, { count });
}
