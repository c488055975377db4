/** Request ids: `PR-` and eight characters, made as every reference is (src/ids/reference.ts). */
import { newReference, referenceFormat } from '../ids/reference';

export const REQUEST_ID_FORMAT = referenceFormat('PR');

export function newRequestId(): string {
  return newReference('PR');
}

export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID_FORMAT.test(value);
}
