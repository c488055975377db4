/** Dates as people read them on cards, in the bot's language. */
import { strings } from '../strings';

/** "24 December 2026": unambiguous in every English locale, unlike 12/24/2026. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(strings.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
