/** Notices as Teams messages: the notice card in channels (posted, updated in place, deleted), the summary card for the admin. */
import { noticeCard, noticeSummaryCard } from '../cards/notice-cards';
import type { ConversationRef } from '../outbound/conversation-ref';
import type { NoticePublisher } from '../notices/publisher';
import type { Notice, NoticeOrigin, NoticeStatus } from '../notices/types';
import { cardMessage } from './card-message';
import type { Proactive } from './proactive';
import { DEFAULT_LANGUAGE, inLanguage, type Language } from '../strings';

export class TeamsNoticePublisher implements NoticePublisher {
  constructor(
    private readonly proactive: Pick<Proactive, 'post' | 'update' | 'delete'>,
    /** A channel has no one language: its cards speak the organisation's (CONTENT_LANGUAGE's, when the bot speaks it). */
    private readonly language: Language = DEFAULT_LANGUAGE,
  ) {}

  post(channel: ConversationRef, notice: Notice) {
    return this.proactive.post(
      channel,
      inLanguage(this.language, () => cardMessage(noticeCard(notice))),
    );
  }

  update(channel: ConversationRef, activityId: string, notice: Notice) {
    return this.proactive.update(
      channel,
      activityId,
      inLanguage(this.language, () => cardMessage(noticeCard(notice))),
    );
  }

  delete(channel: ConversationRef, activityId: string) {
    return this.proactive.delete(channel, activityId);
  }

  showProgress(origin: NoticeOrigin, notice: Notice, status: NoticeStatus) {
    return this.proactive.update(
      origin.reference,
      origin.activityId,
      inLanguage(this.language, () => cardMessage(noticeSummaryCard(notice, status))),
    );
  }
}
