/**
 * CSV for people who open it in Excel, whichever list separator their locale uses (`,` or `;`):
 * every cell quoted (RFC 4180), CRLF line ends, and no formulas. A cell that starts with = + - @
 * (or a tab or carriage return, which some programs skip before reading one) would run as a formula
 * when opened, so it gets an apostrophe in front; so does every such character right after a `,` or
 * `;` (spaces between allowed), because a program that splits on the other separator than ours
 * starts a cell there: `x;=HYPERLINK(...)` stays text either way.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SEPARATOR = /([,;][ ]*)([=+\-@\t\r])/g;

/** Any value as a safe cell: what is not a string (a name stored as something else) is written as text too. */
export function csvCell(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
  const safe = (FORMULA_START.test(text) ? `'${text}` : text).replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One row, with its line end. */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
