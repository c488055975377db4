/**
 * Policy-change notices from Teams: `notice` in a personal chat gives privacy admins a compose card,
 * then a preview exactly as channels will see it, then a summary that fills in as teams receive it.
 * Every step checks the admin list again: card data can be replayed or forged by anyone.
 */
import type { TurnContext } from 'botbuilder';
import { noticeComposeCard, noticePreviewCard, noticeSummaryCard, type NoticeDraft } from '../cards/notice-cards';
import { statusCard } from '../cards/request-cards';
import type { Intent } from '../intents/classify';
import type { Logger } from '../logger';
import type { InstallationRegistry } from '../notices/installations';
import type { NoticeService } from '../notices/notice-service';
import { validateNotice } from '../notices/validate';
import { strings } from '../strings';
import { conversationKind } from './activity-text';
import type { CardAction, CardActionResult, CardActionRouter } from './card-actions';
import type { Feature } from './feature';
import { cardMessage } from './card-message';
import { referenceOf } from './proactive';
import { isPrivacyAdmin } from './requester';

const s = strings.notices;
const DRAFT_ID = /^NT-[0-9A-F]{16}$/;

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
    router.register('notice.preview', (turn, action) => this.asAdmin(turn, () => this.preview(action)));
    router.register('notice.edit', (turn, action) => this.asAdmin(turn, async () => ({ card: noticeComposeCard({ ...draftOf(action), teams: await this.teams(), values: draftOf(action) }) })));
    router.register('notice.send', (turn, action) => this.asAdmin(turn, () => this.send(turn, action)));
    router.register('notice.cancel', (turn) => this.asAdmin(turn, async () => ({ card: statusCard(s.cancelledTitle, s.cancelledText) })));
  }

  private async preview(action: CardAction): Promise<CardActionResult> {
    const draft = draftOf(action);
    const checked = this.check(draft);
    if (!checked.ok) return { card: noticeComposeCard({ draftId: draft.draftId, teams: await this.teams(), values: draft, problems: checked.problems }) };
    const targets = await this.targetCount(checked.notice.teamIds);
    if (targets === 0) return { card: noticeComposeCard({ draftId: draft.draftId, teams: await this.teams(), values: draft, problems: [s.noTeams] }) };
    return { card: noticePreviewCard(checked.notice, draft, targets) };
  }

  private async send(turn: TurnContext, action: CardAction): Promise<CardActionResult> {
    const draft = draftOf(action);
    const checked = this.check(draft);
    if (!checked.ok) return { card: noticeComposeCard({ draftId: draft.draftId, teams: await this.teams(), values: draft, problems: checked.problems }) };
    const { teamIds, ...content } = checked.notice;
    // The card being replaced is the summary's home: its updates go to the same message.
    const origin = turn.activity.replyToId ? { reference: referenceOf(turn.activity), activityId: turn.activity.replyToId } : undefined;
    const notice = await this.options.notices.create(content, { id: draft.draftId, teamIds, via: 'teams', origin });
    const status = await this.options.notices.status(notice.id);
    return { card: noticeSummaryCard(notice.title, status!) };
  }

  private check(draft: NoticeDraft) {
    if (!DRAFT_ID.test(draft.draftId)) return { ok: false as const, problems: [s.formExpired] };
    const teamIds = draft.target === 'chosen' ? draft.teamIds.split(',').filter(Boolean) : undefined;
    if (teamIds && teamIds.length === 0) return { ok: false as const, problems: [s.noTeamsChosen] };
    return validateNotice({ title: draft.title, text: draft.text, url: draft.url, effectiveDate: draft.effectiveDate, ...(teamIds ? { teamIds } : {}) });
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
    return (await this.options.installations.active()).map((item) => ({ id: item.teamId, name: item.teamName || item.teamId })).sort((a, b) => a.name.localeCompare(b.name));
  }

  private isAdmin(turn: TurnContext): boolean {
    return isPrivacyAdmin(turn, this.options.adminIds);
  }
}

function draftOf(action: CardAction): NoticeDraft {
  const text = (name: string, max: number) => (typeof action.data[name] === 'string' ? (action.data[name] as string).slice(0, max) : '');
  return {
    draftId: text('draftId', 40),
    title: text('title', 1000),
    text: text('text', 10_000),
    url: text('url', 3000),
    effectiveDate: text('effectiveDate', 20),
    target: action.data.target === 'chosen' ? 'chosen' : 'all',
    teamIds: text('teamIds', 100_000),
  };
}
