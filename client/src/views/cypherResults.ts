import type { CypherResponse } from '../../../server/contract/api.ts';
import type { Json } from '../../../server/contract/graph.ts';
import { toCsv } from './citationModel.ts';
import { describeValue, rowValues, type CellValue } from './cypherModel.ts';

/** Rows per page of the console's table. */
export const PAGE_SIZE = 100;

/** The page holding row `index` and the rows it shows: `{page, pages, from, to}` (from inclusive, to exclusive, 0-based). */
export function pageOf(rowCount: number, page: number, size = PAGE_SIZE): { page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(rowCount / size));
  const current = Math.max(0, Math.min(pages - 1, Math.trunc(page)));
  return { page: current, pages, from: current * size, to: Math.min(rowCount, (current + 1) * size) };
}

function plain(value: CellValue): string {
  switch (value.kind) {
    case 'node':
    case 'relationship':
      return value.id;
    case 'list':
      return value.items.map(plain).join(' | ');
    default:
      return value.text;
  }
}

function names(value: CellValue): string | null {
  if (value.kind === 'node') return value.text;
  if (value.kind === 'relationship') return value.type;
  if (value.kind === 'list' && value.items.some((i) => i.kind === 'node' || i.kind === 'relationship'))
    return value.items.map((i) => names(i) ?? plain(i)).join(' | ');
  return null;
}

/**
 * The whole result (every row the console returned, within its row cap) as a
 * table for CSV: one column per result column; a column holding nodes or
 * relationships gives their ids, with a `<column>_name` column beside it
 * (names in `lang`; relationship types), so a spreadsheet reads both.
 */
export function resultTable(result: Pick<CypherResponse, 'columns' | 'rows'>, lang: 'zh' | 'en'): (string | number | null)[][] {
  const described = result.rows.map((row) => rowValues(row, result.columns).map((v) => describeValue(v, lang)));
  const named = result.columns.map((_c, j) => described.some((row) => names(row[j]!) !== null));
  const header = result.columns.flatMap((c, j) => (named[j] ? [c, `${c}_name`] : [c]));
  const body = described.map((row) =>
    row.flatMap((cell, j) => {
      const value = cell.kind === 'scalar' && cell.text === 'null' ? null : plain(cell);
      return named[j] ? [value, names(cell)] : [value];
    }),
  );
  return [header, ...body];
}

/** The result as CSV (see resultTable; the project's CSV writer, toCsv). */
export function resultCsv(result: Pick<CypherResponse, 'columns' | 'rows'>, lang: 'zh' | 'en'): string {
  return toCsv(resultTable(result, lang));
}

/** The result as JSON, as the API answered it: the query, its parameters, columns, rows and summary. */
export function resultJson(query: string, params: Record<string, Json>, result: CypherResponse): string {
  return JSON.stringify({ query, params, columns: result.columns, rows: result.rows, summary: result.summary }, null, 2);
}
