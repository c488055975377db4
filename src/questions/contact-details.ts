/**
 * Email addresses and phone numbers taken out of a question before it is kept for the content (a
 * suggestion, a taught line): the privacy team needs the words people ask with, not how to reach them.
 */
import { strings } from '../strings';

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/g;
/** Seven digits or more, with the separators people write them with. */
const PHONE = /\+?\d[\d\s().-]{6,}\d/g;

export function withoutContactDetails(text: string): string {
  return text
    .replace(EMAIL, strings.learned.emailRemoved)
    .replace(PHONE, (digits) => (digits.replace(/\D/g, '').length >= 7 ? strings.learned.phoneRemoved : digits));
}
