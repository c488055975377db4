/**
 * When a request is due. GDPR Art. 12(3) gives one month from receipt; a calendar month ending on a
 * day the next month lacks (31 January) ends on that month's last day (28 or 29 February).
 * `REQUEST_DUE_DAYS` replaces this with a fixed number of days where the organisation wants one.
 */
export function dueDate(receivedAt: Date, dueDays: number | undefined): Date {
  if (dueDays !== undefined) return new Date(receivedAt.getTime() + dueDays * 86_400_000);
  return addCalendarMonths(receivedAt, 1);
}

/**
 * The latest a request may be extended to: Art. 12(3) allows "two further months" where requests
 * are complex or numerous, counted from the first due date.
 */
export function latestExtendedDue(receivedAt: Date, dueDays: number | undefined): Date {
  return addCalendarMonths(dueDate(receivedAt, dueDays), 2);
}

function addCalendarMonths(from: Date, months: number): Date {
  const date = new Date(from.getTime());
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date;
}
