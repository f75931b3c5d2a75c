/**
 * Comparison across the corpus: a meeting × instrument or meeting × crime type matrix. Each
 * regional preparatory meeting is its region at one Congress (LAC-15), so the rows read as
 * regions. A cell counts the recommendations of the meeting citing the instrument (CITES),
 * or the paragraphs and recommendations of the meeting naming the crime type (MENTIONS or
 * ADDRESSES); a meeting's reports in several languages count a recommendation once (its
 * `ref`), and the cell lists them, each with its language versions.
 */
import type { Driver } from 'neo4j-driver';
import type { CompareResponse } from '../../contract/api.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { unitInScope, WHOLE_CORPUS, type Scope } from './scope.ts';
import { meetingsInScope } from './meetings.ts';
import { scalarToJson } from './values.ts';
import { naturalCompare } from './order.ts';

export type CompareColumns = 'instrument' | 'crime';

export interface CompareOptions extends ReadOptions {
  columns: CompareColumns;
  scope?: Scope;
}

/** What each kind of column counts: the facts joining a text unit to the column's node. */
const FACTS: Record<CompareColumns, string> = {
  instrument: 'MATCH (u:Recommendation)-[:CITES]->(c:Instrument)',
  crime: 'MATCH (u:Paragraph|Recommendation)-[:MENTIONS|ADDRESSES]->(c:CrimeType)',
};

type Unit = CompareResponse['cells'][number]['items'][number];

/** The matrix (see the module comment): rows are the meetings in scope, columns the nodes some row counts, most counted first. */
export async function compareMatrix(driver: Driver, options: CompareOptions): Promise<CompareResponse> {
  const scope = options.scope ?? WHOLE_CORPUS;
  const [facts, meetings] = await Promise.all([
    readQuery(
      driver,
      `${FACTS[options.columns]}
       WHERE ${unitInScope('u')}
       MATCH (rep:Report {id: u.report})-[:REPORT_OF]->(m:Meeting)
       RETURN DISTINCT m.id AS meeting, c.id AS column, c.name_zh AS name_zh, c.name_en AS name_en, coalesce(c.short_en, c.name_en) AS short_en, coalesce(c.short_zh, c.name_zh) AS short_zh,
              u.id AS unit, coalesce(u.ref, u.id) AS ref, u.report AS report, rep.language AS language, labels(u)[0] AS kind, u.paragraph AS paragraph, u.letter AS letter, u.number AS number`,
      { reports: scope.reports },
      options,
    ),
    meetingsInScope(driver, scope, options),
  ]);
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const rows: CompareResponse['rows'] = meetings
    .map((m) => ({ ...m }))
    .sort((a, b) => (a.congress ?? 0) - (b.congress ?? 0) || (a.region_code ?? '').localeCompare(b.region_code ?? '') || a.meeting.localeCompare(b.meeting));

  const columns = new Map<string, CompareResponse['columns'][number]>();
  const cells = new Map<string, Map<string, Unit>>();
  for (const r of facts.records) {
    const column = String(r.get('column'));
    if (!columns.has(column)) {
      columns.set(column, {
        id: column,
        name_zh: str(r.get('name_zh')),
        name_en: str(r.get('name_en')),
        short_zh: str(r.get('short_zh')),
        short_en: str(r.get('short_en')),
        total: 0,
      });
    }
    const key = `${String(r.get('meeting'))}\u0000${column}`;
    const units = cells.get(key) ?? new Map<string, Unit>();
    cells.set(key, units);
    const ref = String(r.get('ref'));
    const kind = String(r.get('kind'));
    const paragraph = scalarToJson(r.get(kind === 'Paragraph' ? 'number' : 'paragraph'));
    const label = kind === 'Recommendation' ? `${String(paragraph)}(${String(r.get('letter'))})` : `¶${String(paragraph)}`;
    const unit = units.get(ref) ?? { ref, label, kind, versions: [] };
    unit.versions.push({ id: String(r.get('unit')), report: String(r.get('report')), language: str(r.get('language')) });
    units.set(ref, unit);
  }
  const byPlace = (a: Unit, b: Unit) => naturalCompare(a.label, b.label);
  const out: CompareResponse['cells'] = [];
  for (const [key, units] of cells) {
    const [meeting, column] = key.split('\u0000') as [string, string];
    const items = [...units.values()].sort(byPlace);
    for (const item of items) item.versions.sort((a, b) => (a.language ?? '').localeCompare(b.language ?? '') || a.id.localeCompare(b.id));
    out.push({ meeting, column, count: items.length, items });
    columns.get(column)!.total += items.length;
  }
  const columnList = [...columns.values()].sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
  const order = new Map(rows.map((r, i) => [r.meeting, i]));
  const colOrder = new Map(columnList.map((c, i) => [c.id, i]));
  out.sort((a, b) => (order.get(a.meeting) ?? 0) - (order.get(b.meeting) ?? 0) || (colOrder.get(a.column) ?? 0) - (colOrder.get(b.column) ?? 0));
  return { columnsOf: options.columns, reports: scope.reports, rows, columns: columnList, cells: out };
}
