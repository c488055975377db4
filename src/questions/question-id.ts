/**
 * Question references: `Q-` and eight characters of Crockford's base32 (no I, L, O or U, so a
 * reference read out or copied by hand is not misread), about 40 random bits.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const QUESTION_ID = /^Q-[0-9A-HJKMNP-TV-Z]{8}$/;

export function newQuestionId(): string {
  return `Q-${Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
}

export function isQuestionId(value: unknown): value is string {
  return typeof value === 'string' && QUESTION_ID.test(value);
}
