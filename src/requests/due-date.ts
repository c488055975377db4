/**
 * When a request is due. GDPR Art. 12(3) gives one month from receipt; a calendar month ending on a
 * day the next month lacks (31 January) ends on that month's last day (28 or 29 February).
 * `REQUEST_DUE_DAYS` replaces this with a fixed number of days where the organisation wants one.
 */
export function dueDate(receivedAt: Date, dueDays: number | undefined): Date {
  if (dueDays !== undefined) return new Date(receivedAt.getTime() + dueDays * 86_400_000);
  const due = new Date(receivedAt.getTime());
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDay));
  return due;
}
