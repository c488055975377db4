/**
 * Notifications as cards in a person's personal chat. Each feature registers the renderer of its
 * kinds; a kind with no renderer, or data its renderer refuses, is rejected (never retried).
 */
import type { AdaptiveCard } from '../cards/render';
import { AppError } from '../errors';
import type { PersonalMessenger } from '../notifications/messenger';
import type { Notification } from '../notifications/types';
import type { OutboundResult } from '../outbound/outcome';
import { DEFAULT_LANGUAGE, inLanguage, type Language } from '../strings';
import { cardMessage } from './card-message';
import type { Proactive } from './proactive';

/** The card for a notification's data, or undefined when the data is not what the kind needs. */
export type NotificationRenderer = (data: Readonly<Record<string, unknown>>) => AdaptiveCard | undefined;

export class TeamsPersonalMessenger implements PersonalMessenger {
  private readonly renderers = new Map<string, NotificationRenderer>();

  constructor(
    private readonly proactive: Pick<Proactive, 'postToUser'>,
    /** The recipient's language: the card is written in it. */
    private readonly languageOf: (userId: string) => Promise<Language> = async () => DEFAULT_LANGUAGE,
  ) {}

  register(kind: string, render: NotificationRenderer): void {
    if (this.renderers.has(kind)) throw new AppError('INTERNAL', `notification kind registered twice: ${kind}`, { kind });
    this.renderers.set(kind, render);
  }

  async send(notification: Notification): Promise<OutboundResult> {
    const language = await this.languageOf(notification.to.userId);
    const card = inLanguage(language, () => this.renderers.get(notification.kind)?.(notification.data));
    if (!card) return { ok: false, verdict: 'rejected', status: 0, reason: 'unrenderable' };
    const { to } = notification;
    return this.proactive.postToUser({ serviceUrl: to.serviceUrl, tenantId: to.tenantId, channelId: to.channelId }, to.userId, cardMessage(card));
  }
}
