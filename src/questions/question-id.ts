/** Question references: `Q-` and eight characters, made as every reference is (src/ids/reference.ts). */
import { newReference, referenceFormat } from '../ids/reference';

const QUESTION_ID = referenceFormat('Q');

export function newQuestionId(): string {
  return newReference('Q');
}

export function isQuestionId(value: unknown): value is string {
  return typeof value === 'string' && QUESTION_ID.test(value);
}
