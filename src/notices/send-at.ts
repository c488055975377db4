/**
 * The moment a date and a time typed on a card mean. The compose card's Input.Date and Input.Time
 * give a wall-clock time with no zone; the admin means their own. Teams tells the bot the client's
 * zone (an IANA name) and its current offset with every activity: the name gives the right offset on
 * the day itself (across a change to or from summer time), the offset is the fallback, UTC the last.
 */

export interface ClientZone {
  /** IANA name, such as Europe/Berlin. */
  readonly timeZone?: string;
  /** Minutes east of UTC now, from the client's local timestamp. */
  readonly offsetMinutes?: number;
}

/** True for a zone name this runtime knows. */
export function knownTimeZone(name: string | undefined): name is string {
  if (!name) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `date` YYYY-MM-DD and `time` HH:mm in the client's zone, as an ISO instant; undefined if either is malformed. */
export function wallTimeToIso(date: string, time: string, zone: ClientZone): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return undefined;
  let instant: number;
  if (knownTimeZone(zone.timeZone)) {
    // Twice: the first guess uses the offset at the wall time read as UTC, which can sit across a change.
    instant = wall - offsetMinutes(zone.timeZone, wall) * 60_000;
    instant = wall - offsetMinutes(zone.timeZone, instant) * 60_000;
  } else {
    instant = wall - (zone.offsetMinutes ?? 0) * 60_000;
  }
  return new Date(instant).toISOString();
}

/** The zone's offset from UTC at an instant, in minutes east. */
function offsetMinutes(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The offset in an ISO timestamp such as 2026-05-04T10:00:00.000+02:00, in minutes east. */
export function offsetOfTimestamp(timestamp: string | undefined): number | undefined {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(timestamp ?? '');
  if (!match) return /Z$/.test(timestamp ?? '') ? 0 : undefined;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}
