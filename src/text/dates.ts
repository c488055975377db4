/** Dates as people read them on cards, in the language of the turn. */
import { strings } from '../strings';

// One formatter per locale: toLocaleDateString builds a new one on every call (about 0.3 ms).
const formats = new Map<string, Intl.DateTimeFormat>();

/** "24 December 2026", "24. Dezember 2026", "24 décembre 2026": unambiguous, unlike 12/24/2026. */
export function formatDate(iso: string): string {
  const locale = strings.locale;
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(new Date(iso));
}
