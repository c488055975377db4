/** The references and person keys both features hand out and key their records by. */
import { userKey } from '../../src/ids/person-key';
import { newReference, referenceFormat } from '../../src/ids/reference';
import { isQuestionId, newQuestionId } from '../../src/questions/question-id';
import { isRequestId, newRequestId } from '../../src/requests/request-id';

describe('references', () => {
  it('are the prefix and eight characters that cannot be misread', () => {
    const made = Array.from({ length: 200 }, () => newReference('PR'));
    for (const id of made) expect(id).toMatch(/^PR-[0-9A-Z]{8}$/);
    expect(made.join('')).not.toMatch(/[ILOU]/);
    expect(new Set(made).size).toBe(made.length);
  });

  it('are recognised by their own format only', () => {
    expect(isRequestId(newRequestId())).toBe(true);
    expect(isQuestionId(newQuestionId())).toBe(true);
    expect(isRequestId(newQuestionId())).toBe(false);
    expect(isQuestionId(newRequestId())).toBe(false);
    expect(referenceFormat('PR').test('PR-0123456I')).toBe(false);
    expect(referenceFormat('PR').test('PR-01234567 ')).toBe(false);
    expect(isRequestId('pr-01234567')).toBe(false);
  });
});

describe('person keys', () => {
  it('are stable per person, differ between tenants and do not carry the object id', () => {
    const key = userKey({ tenantId: 't1', aadObjectId: 'object-1' });
    expect(userKey({ tenantId: 't1', aadObjectId: 'object-1' })).toBe(key);
    expect(userKey({ tenantId: 't2', aadObjectId: 'object-1' })).not.toBe(key);
    expect(key).not.toContain('object-1');
    expect(key).toMatch(/^[0-9a-f]{24}$/);
  });
});
