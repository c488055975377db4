/** When a request is due: one calendar month by GDPR Art. 12(3), or REQUEST_DUE_DAYS days. */
import { dueDate } from '../../src/requests/due-date';

const at = (iso: string) => new Date(iso);

describe('request due dates', () => {
  it('is one calendar month after receipt by default', () => {
    expect(dueDate(at('2026-11-24T10:00:00Z'), undefined).toISOString()).toBe('2026-12-24T10:00:00.000Z');
    expect(dueDate(at('2026-12-15T08:30:00Z'), undefined).toISOString()).toBe('2027-01-15T08:30:00.000Z');
  });

  it('ends on the last day of a shorter month', () => {
    expect(dueDate(at('2027-01-31T12:00:00Z'), undefined).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(dueDate(at('2028-01-31T12:00:00Z'), undefined).toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(dueDate(at('2027-03-31T12:00:00Z'), undefined).toISOString()).toBe('2027-04-30T12:00:00.000Z');
  });

  it('counts REQUEST_DUE_DAYS days when set', () => {
    expect(dueDate(at('2026-11-24T10:00:00Z'), 30).toISOString()).toBe('2026-12-24T10:00:00.000Z');
    expect(dueDate(at('2026-11-24T10:00:00Z'), 45).toISOString()).toBe('2027-01-08T10:00:00.000Z');
  });
});
