/**
 * How every CSV the product writes is written: the server's downloads
 * (`/api/citations?format=csv`, `/api/export?format=csv`) and the viewer's citation
 * matrix. csv-stringify does the quoting (RFC 4180); these options add the defence
 * against formula injection (OWASP, "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection): a text cell a spreadsheet
 * would read as a formula gets a leading apostrophe, which Excel, LibreOffice Calc
 * and Google Sheets take as "this is text" and do not show.
 *
 * Pure (no csv-stringify import here): the server passes these options to
 * `csv-stringify/sync`, the viewer to `csv-stringify/browser/esm/sync`.
 */
import type { Options } from 'csv-stringify';

/**
 * Characters that start a formula when a cell begins with them: = + - @ (and their
 * full-width forms, which Apple Numbers and some locales fold), and the tab,
 * carriage return, line feed and NUL that OWASP and ASVS 1.2.10 list because
 * importers strip them and then read what follows.
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n\0]/;

/**
 * Leading characters a spreadsheet's import may trim before deciding whether a
 * cell is a formula: white space of any kind, control characters, and the
 * invisible format characters (BOM, zero-width space/joiners, word joiner,
 * bidirectional marks).
 */
const TRIMMABLE_LEAD = /^[\s\p{Cc}\p{Cf}]*/u;

/**
 * The cell as a spreadsheet will read it as text: `'` before a cell that begins
 * (after anything an importer might trim) with a formula character; other cells
 * unchanged. `'=HYPERLINK("http://x", "y")` → `'=HYPERLINK(…)`, `-5 kg` → `'-5 kg`,
 * `  =1+1` → `'  =1+1`, `e-mail` unchanged. Numbers are not strings and never
 * reach this (a negative number stays a number).
 */
export function neutraliseFormula(cell: string): string {
  if (cell === '') return cell;
  if (FORMULA_START.test(cell)) return `'${cell}`;
  const rest = cell.slice(TRIMMABLE_LEAD.exec(cell)![0].length);
  return rest !== cell && FORMULA_START.test(rest) ? `'${cell}` : cell;
}

/**
 * Options for csv-stringify: RFC 4180 quoting (any field holding a quote, comma,
 * CR or LF is quoted), and every text cell through `neutraliseFormula`. csv-stringify's own `escape_formulas` does the same
 * for a formula character in first place; the cast also catches one behind
 * leading white space or invisible characters.
 */
export const CSV_OPTIONS = {
  escape_formulas: true,
  // csv-stringify quotes a field holding its own record delimiter only: a bare CR or LF
  // inside an unquoted field would end the record for every reader.
  quoted_match: /[\r\n]/,
  cast: { string: (value: string) => neutraliseFormula(value) },
} as const satisfies Options;
