/**
 * CSV for people who open it in Excel: RFC 4180 quoting, CRLF line ends, and no formulas. A cell
 * that starts with = + - @ (or a tab or carriage return, which some programs skip before reading
 * one) would run as a formula when opened, so it is prefixed with an apostrophe: a name typed as
 * `=HYPERLINK(...)` in someone's profile stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header row, then one row per record. */
export function csvTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
