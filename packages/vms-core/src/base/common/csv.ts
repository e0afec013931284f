/**
 * CSV as RFC 4180 writes it, for the log exports: comma-separated, CRLF line ends, a field
 * quoted when it holds a comma, a quote, CR or LF, with quotes doubled inside.
 *
 * Logs carry text from outside the site (a generic event's packet, a user name someone typed),
 * and spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a
 * formula. Such a field gets a leading apostrophe, the usual guard, so opening an export never
 * runs what a sender wrote; the apostrophe is the only change made to the text.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its line end. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
