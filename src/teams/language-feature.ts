/**
 * The language each turn is spoken in, and `language`, which lets a person choose another. Every
 * turn runs inside `inLanguage` (see PrivacyBot.run): the person's choice, else their Teams locale
 * (the activity's `locale`, else the `clientInfo` entity's), else the bot's default.
 */
import type { Middleware, TurnContext } from 'botbuilder';
import { languageCard } from '../cards/language-card';
import type { Intent } from '../intents/classify';
import { LanguagePreferences, type LanguageRecord } from '../languages/preferences';
import type { Logger } from '../logger';
import { format, inLanguage, isLanguage, languageOfLocale, strings, type Language } from '../strings';
import type { CardActionResult, CardActionRouter } from './card-actions';
import { cardMessage } from './card-message';
import type { Feature } from './feature';
import { personKey } from './requester';

/** The language Teams reports for the sender: the activity's locale, else the clientInfo entity's. */
export function reportedLanguage(turn: TurnContext): Language | undefined {
  const fromActivity = languageOfLocale(turn.activity.locale);
  if (fromActivity) return fromActivity;
  const clientInfo = turn.activity.entities?.find((entity) => entity?.type === 'clientInfo') as { locale?: unknown } | undefined;
  return languageOfLocale(clientInfo?.locale);
}

/** Every key a person is known by: Entra object id and Teams id, so a proactive message finds them by either. */
export function personKeysOf(from: TurnContext['activity']['from'] | undefined): string[] {
  const keys = [personKey(from)];
  if (from?.aadObjectId && from.id) keys.push(personKey({ id: from.id }));
  return keys;
}

/** The keys of a notification's recipient, whose id is a Teams user id or an Entra object id. */
export function recipientKeys(userId: string): string[] {
  return [personKey({ aadObjectId: userId }), personKey({ id: userId })];
}

/** Where a turn keeps its language, for what runs outside the turn's own flow (the adapter's error handler). */
export const TURN_LANGUAGE = Symbol('turnLanguage');

export class LanguageFeature implements Feature {
  readonly name = 'language';

  constructor(
    private readonly preferences: LanguagePreferences,
    private readonly logger: Logger,
  ) {}

  /** Works out the turn's language, remembers what Teams reported, and runs the turn in it. */
  async run(turn: TurnContext, work: () => Promise<void>): Promise<void> {
    const keys = turn.activity.from ? personKeysOf(turn.activity.from) : [];
    const reported = reportedLanguage(turn);
    let record: LanguageRecord = {};
    if (keys.length > 0) {
      try {
        record = await this.preferences.get(keys);
        // Also once a day, so a person who keeps using the bot keeps their record (see retention in preferences.ts).
        if ((reported && record.seen !== reported) || this.preferences.needsSeen(record))
          record = await this.preferences.update(keys, (known) => ({ ...known, ...(reported ? { seen: reported } : {}) }));
      } catch (err) {
        // A store hiccup must not cost the person their answer: the reported language will do.
        this.logger.warn({ err: (err as Error).name }, 'language preference unavailable');
      }
    }
    const language = LanguagePreferences.languageOf(record, reported);
    turn.turnState.set(TURN_LANGUAGE, language);
    await inLanguage(language, work);
  }

  /** First in the adapter's chain, so everything after it (rate limits, the bot) speaks the turn's language. */
  middleware(): Middleware {
    return { onTurn: (turn, next) => this.run(turn, next) };
  }

  /** The language to write to a recipient in, on the bot's own initiative. */
  async languageOfRecipient(userId: string): Promise<Language> {
    try {
      return LanguagePreferences.languageOf(await this.preferences.get(recipientKeys(userId)), undefined);
    } catch {
      return LanguagePreferences.languageOf({}, undefined);
    }
  }

  /** Says, once per person and content language, that answers come from content in another language. */
  async tellContentLanguage(turn: TurnContext, contentLanguage: string): Promise<void> {
    const keys = personKeysOf(turn.activity.from);
    const record = await this.preferences.get(keys);
    if (record.toldContent?.includes(contentLanguage)) return;
    await this.preferences.update(keys, (known) => ({ ...known, toldContent: [...(known.toldContent ?? []), contentLanguage] }));
    const name = new Intl.DisplayNames([strings.locale], { type: 'language' }).of(contentLanguage) ?? contentLanguage;
    await turn.sendActivity(format(strings.language.contentFallback, { language: name }));
  }

  async onMessage(turn: TurnContext, intent: Intent): Promise<boolean> {
    if (intent.type !== 'language') return false;
    await turn.sendActivity(cardMessage(languageCard()));
    return true;
  }

  registerActions(router: CardActionRouter): void {
    router.register('language.choose', (turn, action) => this.choose(turn, action.data.language));
  }

  private async choose(turn: TurnContext, choice: unknown): Promise<CardActionResult> {
    const keys = personKeysOf(turn.activity.from);
    if (choice === 'teams') {
      await this.preferences.update(keys, ({ chosen: _chosen, ...rest }) => rest);
      const language = LanguagePreferences.languageOf({}, reportedLanguage(turn));
      this.logger.info({ language }, 'language follows Teams');
      return inLanguage(language, () => ({ send: [strings.language.following], card: languageCard() }));
    }
    if (!isLanguage(choice)) return { send: [strings.common.unknownAction] };
    await this.preferences.update(keys, (known) => ({ ...known, chosen: choice }));
    this.logger.info({ language: choice }, 'language chosen');
    return inLanguage(choice, () => ({ send: [strings.language.chosen], card: languageCard() }));
  }
}
