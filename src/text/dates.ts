/** Dates as people read them on cards, in the bot's language. */
import { strings } from '../strings';

// One formatter for the process: toLocaleDateString builds a new one on every call (about 0.3 ms).
const DATE_FORMAT = new Intl.DateTimeFormat(strings.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "24 December 2026": unambiguous in every English locale, unlike 12/24/2026. */
export function formatDate(iso: string): string {
  return DATE_FORMAT.format(new Date(iso));
}
