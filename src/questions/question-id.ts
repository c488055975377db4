/**
 * Question references: `Q-` and eight characters of Crockford's base32, made as request ids are (no
 * I, L, O or U, so a reference read out or copied by hand is not misread), about 40 random bits.
 */
import { newReference } from '../requests/request-id';

const QUESTION_ID = /^Q-[0-9A-HJKMNP-TV-Z]{8}$/;

export function newQuestionId(): string {
  return newReference('Q');
}

export function isQuestionId(value: unknown): value is string {
  return typeof value === 'string' && QUESTION_ID.test(value);
}
