/** The card `language` shows: one button per language the bot speaks, each named in itself, and "follow Teams". */
import { LANGUAGES } from '../strings';
import { cardTemplate, renderCard, type AdaptiveCard } from './render';
import languageJson from './templates/language.json';

interface LanguageCardData {
  choices: ReadonlyArray<{ tag: string; name: string }>;
}

const languageTemplate = cardTemplate<LanguageCardData>(languageJson);

/** "Deutsch", "Français": a language's own name for itself, from the runtime's locale data. */
export function languageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

export function languageCard(): AdaptiveCard {
  return renderCard(languageTemplate, { choices: LANGUAGES.map((tag) => ({ tag, name: languageName(tag) })) });
}
