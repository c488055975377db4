/**
 * Policy-change notices in Teams. Privacy admins: `notice` in a personal chat gives a compose card
 * (now or at a date and time), then a preview exactly as channels will see it, then a summary that
 * fills in as teams receive it, from which they see who has read it, edit it or recall it. Everyone
 * in a team: "I have read this" on the channel copy.
 *
 * Every admin step checks the admin list again: card data can be replayed or forged by anyone. An
 * acknowledgement takes the person and the team from the authenticated activity; the card only says
 * which notice, and the service checks that this team's channel received it.
 */
import type { Activity, TurnContext } from 'botbuilder';
import {
  ACKS_SHOWN,
  noticeAcknowledgementsCard,
  noticeCard,
  noticeComposeCard,
  noticeEditCard,
  noticePreviewCard,
  noticeRecallCard,
  noticeSummaryCard,
  type NoticeDraft,
} from '../cards/notice-cards';
import { statusCard } from '../cards/status-card';
import { AppError } from '../errors';
import type { Intent } from '../intents/classify';
import type { Logger } from '../logger';
import { earliestAcknowledgements } from '../notices/acknowledgements';
import type { InstallationRegistry } from '../notices/installations';
import type { NoticeService } from '../notices/notice-service';
import { knownTimeZone, offsetOfTimestamp, wallTimeToIso, type ClientZone } from '../notices/send-at';
import type { Notice } from '../notices/types';
import { validateChanges, validateNotice } from '../notices/validate';
import { format, strings } from '../strings';
import { plainText } from '../text/markdown';
import { conversationKind } from './activity-text';
import type { CardAction, CardActionResult, CardActionRouter } from './card-actions';
import type { Feature } from './feature';
import { cardMessage } from './card-message';
import { referenceOf } from './proactive';
import { isPrivacyAdmin } from './requester';

const s = strings.notices;
const NOTICE_ID = /^NT-[0-9A-F]{16}$/;

export interface NoticesFeatureOptions {
  readonly notices: NoticeService;
  readonly installations: InstallationRegistry;
  readonly adminIds: readonly string[];
  readonly logger: Logger;
}

export class NoticesFeature implements Feature {
  readonly name = 'notices';

  constructor(private readonly options: NoticesFeatureOptions) {}

  async onMessage(turn: TurnContext, intent: Intent): Promise<boolean> {
    if (intent.type !== 'notice') return false;
    if (!this.isAdmin(turn)) {
      this.options.logger.info({ code: 'FORBIDDEN' }, 'notice refused: not an admin');
      await turn.sendActivity(s.adminOnly);
    } else if (conversationKind(turn.activity) !== 'personal') {
      await turn.sendActivity(s.personalOnly);
    } else {
      await turn.sendActivity(cardMessage(noticeComposeCard({ draftId: this.options.notices.newId(), teams: await this.teams() })));
    }
    return true;
  }

  registerActions(router: CardActionRouter): void {
    router.register('notice.preview', (turn, action) => this.asAdmin(turn, () => this.preview(turn, action)));
    router.register('notice.edit', (turn, action) =>
      this.asAdmin(turn, async () => ({ card: noticeComposeCard({ ...draftOf(action), teams: await this.teams(), values: draftOf(action) }) })),
    );
    router.register('notice.send', (turn, action) => this.asAdmin(turn, () => this.send(turn, action)));
    router.register('notice.cancel', (turn) => this.asAdmin(turn, async () => ({ card: statusCard(s.cancelledTitle, s.cancelledText) })));

    router.register('notice.ack', (turn, action) => this.acknowledge(turn, action));

    // The summary card's buttons refresh it in place and open what they ask for as a new message, so
    // the summary keeps filling in while the admin reads, edits or confirms.
    router.register('notice.summary', (turn, action) => this.asAdmin(turn, async () => ({ card: await this.summary(await this.noticeOf(action)) })));
    router.register('notice.acks', (turn, action) => this.asAdmin(turn, () => this.whoRead(action)));
    router.register('notice.change', (turn, action) => this.asAdmin(turn, () => this.openEdit(action)));
    router.register('notice.update', (turn, action) => this.asAdmin(turn, () => this.saveEdit(action)));
    router.register('notice.recall', (turn, action) => this.asAdmin(turn, () => this.askRecall(action)));
    router.register('notice.recall.confirm', (turn, action) => this.asAdmin(turn, () => this.recall(action)));
    router.register('notice.keep', (turn) => this.asAdmin(turn, async () => ({ card: statusCard(s.editUnchangedTitle, s.editUnchangedText) })));
  }

  private async preview(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    const draft = draftOf(action);
    const checked = this.check(turn, draft);
    if (!checked.ok) return { card: noticeComposeCard({ draftId: draft.draftId, teams: await this.teams(), values: draft, problems: checked.problems }) };
    const targets = await this.targetCount(checked.notice.teamIds);
    if (targets === 0) return { card: noticeComposeCard({ draftId: draft.draftId, teams: await this.teams(), values: draft, problems: [s.noTeams] }) };
    const schedule = checked.notice.sendAt ? { sendAt: checked.notice.sendAt, timeZone: zoneName(turn) } : undefined;
    return { card: noticePreviewCard(checked.notice, draft, targets, schedule) };
  }

  private async send(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    const draft = draftOf(action);
    const checked = this.check(turn, draft);
    if (!checked.ok) return { card: noticeComposeCard({ draftId: draft.draftId, teams: await this.teams(), values: draft, problems: checked.problems }) };
    const { teamIds, sendAt, ...content } = checked.notice;
    const timeZone = zoneName(turn);
    // The card being replaced is the summary's home: its updates go to the same message.
    const origin = turn.activity.replyToId
      ? { reference: referenceOf(turn.activity), activityId: turn.activity.replyToId, ...(timeZone ? { timeZone } : {}) }
      : undefined;
    const notice = await this.options.notices.create(content, { id: draft.draftId, teamIds, via: 'teams', origin, sendAt });
    return { card: await this.summary(notice) };
  }

  /** "I have read this", from a channel copy. */
  private async acknowledge(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    const noticeId = noticeIdOf(action);
    const teamId = teamOf(turn.activity);
    const aadObjectId = turn.activity.from?.aadObjectId?.toLowerCase();
    const result =
      noticeId && teamId && aadObjectId ? await this.options.notices.acknowledge(noticeId, teamId, { aadObjectId, name: displayName(turn) }) : undefined;
    if (!result || result.outcome === 'refused') {
      const reason = result?.outcome === 'refused' ? result.reason : 'bad-card-data';
      this.options.logger.warn({ code: 'FORBIDDEN', noticeId, reason }, 'acknowledgement refused');
      throw new AppError('FORBIDDEN', reason === 'withdrawn' ? s.ackWithdrawn : s.ackRefused, { reason });
    }
    this.options.logger.info({ noticeId, outcome: result.outcome }, 'acknowledgement');
    // Without Universal Actions (Action.Submit) there is no card to refresh for just this person: a short reply says it instead.
    if (action.via === 'submit') return { send: [format(s.acknowledgedReply, { name: plainText(displayName(turn)) })] };
    const notice = await this.options.notices.notice(noticeId!);
    return { card: noticeCard(notice!, { acknowledgedAt: result.at }) };
  }

  private async whoRead(action: CardAction): Promise<CardActionResult> {
    const notice = await this.noticeOf(action);
    const pages = await this.options.notices.acknowledgements(notice.id);
    const { earliest, count } = pages ? await earliestAcknowledgements(pages, ACKS_SHOWN) : { earliest: [], count: 0 };
    return {
      card: await this.summary(notice),
      send: [cardMessage(noticeAcknowledgementsCard(notice, earliest, Boolean(notice.acknowledgementsErasedAt), count))],
    };
  }

  private async openEdit(action: CardAction): Promise<CardActionResult> {
    const notice = await this.noticeOf(action);
    const form = notice.recalledAt
      ? statusCard(s.notEditableTitle, s.notEditableText, 'attention')
      : noticeEditCard(notice, { title: notice.title, text: notice.text, url: notice.url ?? '' });
    return { card: await this.summary(notice), send: [cardMessage(form)] };
  }

  private async saveEdit(action: CardAction): Promise<CardActionResult> {
    const notice = await this.noticeOf(action);
    const values = { title: textOf(action, 'title', 1000), text: textOf(action, 'text', 10_000), url: textOf(action, 'url', 3000) };
    // Only what the admin changed counts as an edit: saving the form untouched changes nothing.
    const changed = Object.fromEntries(
      Object.entries(values).filter(([field, value]) => value !== ((notice as unknown as Record<string, unknown>)[field] ?? '')),
    );
    if (Object.keys(changed).length === 0) return { card: statusCard(s.editUnchangedTitle, s.editUnchangedText) };
    const checked = validateChanges(changed);
    if (!checked.ok) return { card: noticeEditCard(notice, values, checked.problems) };
    const result = await this.options.notices.edit(notice.id, checked.changes);
    if (!result.ok)
      return {
        card:
          result.reason === 'recalled'
            ? statusCard(s.notEditableTitle, s.notEditableText, 'attention')
            : statusCard(s.noSuchNoticeTitle, s.noSuchNotice, 'attention'),
      };
    return { card: statusCard(s.editSavedTitle, s.editSavedText, 'good') };
  }

  private async askRecall(action: CardAction): Promise<CardActionResult> {
    const notice = await this.noticeOf(action);
    const status = await this.options.notices.status(notice.id);
    return { card: noticeSummaryCard(notice, status!), send: [cardMessage(noticeRecallCard(notice, status?.status === 'scheduled'))] };
  }

  private async recall(action: CardAction): Promise<CardActionResult> {
    const notice = await this.noticeOf(action);
    const result = await this.options.notices.recall(notice.id);
    if (!result.ok) return { card: statusCard(s.noSuchNoticeTitle, s.noSuchNotice, 'attention') };
    return { card: result.notice.cancelled ? statusCard(s.cancelledSendingTitle, s.cancelledSendingText) : statusCard(s.recalledTitle, s.recalledText) };
  }

  private async summary(notice: Notice) {
    const status = await this.options.notices.status(notice.id);
    if (!status) return statusCard(s.noSuchNoticeTitle, s.noSuchNotice, 'attention');
    return noticeSummaryCard(notice, status);
  }

  private async noticeOf(action: CardAction): Promise<Notice> {
    const id = noticeIdOf(action);
    const notice = id ? await this.options.notices.notice(id) : undefined;
    if (!notice) throw new AppError('NOT_FOUND', s.noSuchNotice, { verb: action.verb });
    return notice;
  }

  private check(turn: TurnContext, draft: NoticeDraft) {
    if (!NOTICE_ID.test(draft.draftId)) return { ok: false as const, problems: [s.formExpired] };
    const teamIds = draft.target === 'chosen' ? draft.teamIds.split(',').filter(Boolean) : undefined;
    if (teamIds && teamIds.length === 0) return { ok: false as const, problems: [s.noTeamsChosen] };
    if (Boolean(draft.sendDate) !== Boolean(draft.sendTime)) return { ok: false as const, problems: [s.problems.sendTimeIncomplete] };
    const sendAt = draft.sendDate ? (wallTimeToIso(draft.sendDate, draft.sendTime, clientZone(turn)) ?? 'unreadable') : undefined;
    return validateNotice({
      title: draft.title,
      text: draft.text,
      url: draft.url,
      effectiveDate: draft.effectiveDate,
      ...(teamIds ? { teamIds } : {}),
      ...(sendAt ? { sendAt } : {}),
    });
  }

  private async asAdmin(turn: TurnContext, next: () => Promise<CardActionResult>): Promise<CardActionResult> {
    if (!this.isAdmin(turn)) {
      this.options.logger.warn({ code: 'FORBIDDEN' }, 'notice action refused: not an admin');
      return { card: statusCard(s.adminOnlyTitle, s.adminOnly, 'attention') };
    }
    return next();
  }

  private async targetCount(teamIds: readonly string[] | undefined): Promise<number> {
    const active = await this.options.installations.active();
    if (!teamIds) return active.length;
    const wanted = new Set(teamIds);
    return active.filter((item) => wanted.has(item.teamId)).length;
  }

  private async teams() {
    return (await this.options.installations.active())
      .map((item) => ({ id: item.teamId, name: item.teamName || item.teamId }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private isAdmin(turn: TurnContext): boolean {
    return isPrivacyAdmin(turn, this.options.adminIds);
  }
}

/** The team whose channel the activity comes from, as Teams says (never card data). */
function teamOf(activity: Partial<Activity>): string | undefined {
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  return typeof team?.id === 'string' && team.id ? team.id : undefined;
}

/** The notice a card's button names, if it is well formed (card data can be forged). */
function noticeIdOf(action: CardAction): string | undefined {
  const id = action.data.noticeId;
  return typeof id === 'string' && NOTICE_ID.test(id) ? id : undefined;
}

function clientZone(turn: TurnContext): ClientZone {
  // botbuilder keeps the timestamp as the client sent it, offset included, beside the parsed Date.
  const offsetMinutes = offsetOfTimestamp((turn.activity as { rawLocalTimestamp?: string }).rawLocalTimestamp);
  return { timeZone: zoneName(turn), ...(offsetMinutes !== undefined ? { offsetMinutes } : {}) };
}

function zoneName(turn: TurnContext): string | undefined {
  const name = turn.activity.localTimezone;
  return knownTimeZone(name) ? name : undefined;
}

function textOf(action: CardAction, name: string, max: number): string {
  return typeof action.data[name] === 'string' ? (action.data[name] as string).slice(0, max) : '';
}

function draftOf(action: CardAction): NoticeDraft {
  const text = (name: string, max: number) => textOf(action, name, max);
  return {
    draftId: text('draftId', 40),
    title: text('title', 1000),
    text: text('text', 10_000),
    url: text('url', 3000),
    effectiveDate: text('effectiveDate', 20),
    target: action.data.target === 'chosen' ? 'chosen' : 'all',
    teamIds: text('teamIds', 100_000),
    sendDate: text('sendDate', 20),
    sendTime: text('sendTime', 20),
  };
}

/** The display name Teams sent, as text: anything else in its place (a list, an object) is no name. */
function displayName(turn: TurnContext): string {
  const name: unknown = turn.activity.from?.name;
  return typeof name === 'string' ? name.slice(0, 200) : '';
}
