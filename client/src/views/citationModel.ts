import type { SerializedGraph } from '../graph/build.ts';
import { recommendationRef } from '../i18n/names.ts';
import { spanPairs } from '../api/details.ts';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { CSV_OPTIONS } from '../../../server/api/formats/csv.ts';

/** One recommendation citing one instrument, as `/api/citations` lists it. */
export interface CitationRow {
  rec: string;
  /** "24(c)" */
  ref: string;
  paragraph: number | null;
  recText: string;
  instrument: string;
  instrumentName_zh: string | null;
  instrumentName_en: string | null;
  instrumentShort_zh: string | null;
  instrumentShort_en: string | null;
  evidence: string | null;
  spans: [number, number][];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function pick(row: Obj, ...keys: string[]): unknown {
  for (const key of keys) {
    const path = key.split('.');
    let value: unknown = row;
    for (const part of path) value = isObj(value) ? value[part] : undefined;
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** The citation table from `/api/citations`, whether a bare list or wrapped (`rows`, `citations`), flat or nested. */
export function normalizeCitations(body: unknown): CitationRow[] {
  const list = Array.isArray(body) ? body : isObj(body) ? ((body.rows ?? body.citations ?? body.results ?? []) as unknown[]) : [];
  const rows: CitationRow[] = [];
  for (const raw of Array.isArray(list) ? list : []) {
    if (!isObj(raw)) continue;
    const recValue = pick(raw, 'recommendation.id', 'recommendationId', 'recommendation', 'rec.id', 'rec', 'recId', 'from');
    const instValue = pick(raw, 'instrument.id', 'instrumentId', 'instrument', 'to');
    const rec = str(recValue);
    const instrument = str(instValue);
    if (!rec || !instrument) continue;
    const paragraph = pick(raw, 'paragraph', 'recommendation.paragraph', 'rec.paragraph');
    rows.push({
      rec,
      ref: str(pick(raw, 'ref', 'label', 'recommendation.ref')) ?? recommendationRef(rec, { paragraph, letter: pick(raw, 'letter', 'recommendation.letter') }),
      paragraph: typeof paragraph === 'number' ? paragraph : typeof paragraph === 'string' && /^\d+$/.test(paragraph) ? Number(paragraph) : (Number(/:(\d+)\(/.exec(rec)?.[1]) || null),
      recText: str(pick(raw, 'text', 'recommendationText', 'recommendation_text', 'recommendation.text', 'rec.text')) ?? '',
      instrument,
      instrumentName_zh: str(pick(raw, 'instrument_name_zh', 'instrumentName_zh', 'name_zh', 'instrument.name_zh')),
      instrumentName_en: str(pick(raw, 'instrument_name_en', 'instrumentName_en', 'name_en', 'instrument.name_en')),
      // `instrument_name` is the name the report uses: for a Chinese report, the short Chinese title.
      instrumentShort_zh: str(pick(raw, 'instrument_short_zh', 'instrumentShort_zh', 'short_zh', 'instrument.short_zh', 'instrument_name')),
      instrumentShort_en: str(pick(raw, 'instrument_short_en', 'instrumentShort_en', 'short_en', 'instrument.short_en')),
      evidence: str(pick(raw, 'evidence', 'cites.evidence')),
      spans: spanPairs(pick(raw, 'spans', 'cites.spans')),
    });
  }
  return rows;
}

export interface Trace {
  subject: string;
  kind: 'instrument' | 'recommendation';
  /** Instruments in play: the subject's (or the cited ones) and those joined to them by SUPPLEMENTS. */
  instruments: string[];
  /** Rows where the subject cites or is cited (first ring). */
  direct: CitationRow[];
  /** Rows one step further: what the same recommendations also cite, or who else cites the same instruments. */
  indirect: CitationRow[];
}

/** SUPPLEMENTS pairs: [protocol or resolution, the convention it supplements]. */
export type Supplements = readonly (readonly [string, string])[];

function family(seeds: Iterable<string>, supplements: Supplements): Set<string> {
  const out = new Set(seeds);
  for (const [a, b] of supplements) {
    if (out.has(a) || out.has(b)) {
      out.add(a);
      out.add(b);
    }
  }
  return out;
}

/**
 * Citations both ways around a subject. For an instrument: the
 * recommendations citing it or an instrument supplementing it (a protocol of a
 * convention), then the other instruments those recommendations cite. For a
 * recommendation: the instruments it cites (and their protocols), then the
 * other recommendations citing those instruments.
 */
export function traceCitations(rows: readonly CitationRow[], subject: string, supplements: Supplements = []): Trace {
  const isInstrument = rows.some((r) => r.instrument === subject) || subject.startsWith('instrument:') || supplements.some(([a, b]) => a === subject || b === subject);
  if (isInstrument) {
    const instruments = family([subject], supplements);
    const direct = rows.filter((r) => instruments.has(r.instrument));
    const recs = new Set(direct.map((r) => r.rec));
    const indirect = rows.filter((r) => recs.has(r.rec) && !instruments.has(r.instrument));
    return { subject, kind: 'instrument', instruments: [...instruments], direct, indirect };
  }
  const direct = rows.filter((r) => r.rec === subject);
  const instruments = family(direct.map((r) => r.instrument), supplements);
  const indirect = rows.filter((r) => instruments.has(r.instrument) && r.rec !== subject);
  return { subject, kind: 'recommendation', instruments: [...instruments], direct, indirect };
}

/** Every citation at once, as a trace without a subject (the view's starting picture). */
export function allCitations(rows: readonly CitationRow[], supplements: Supplements = []): Trace {
  return { subject: '', kind: 'instrument', instruments: [...family(rows.map((r) => r.instrument), supplements)], direct: [...rows], indirect: [] };
}

/**
 * The trace as a graph for the canvas: recommendations and instruments joined
 * by CITES, instruments joined by SUPPLEMENTS. `instrumentProps` names the
 * instruments no row names (an uncited protocol).
 */
export function traceGraph(trace: Trace, supplements: Supplements = [], instrumentProps: ReadonlyMap<string, Record<string, unknown>> = new Map()): SerializedGraph {
  const nodes = new Map<string, { key: string; attributes: Obj }>();
  const edges = new Map<string, SerializedGraph['edges'][number]>();
  const addInstrument = (id: string, row?: CitationRow) => {
    if (nodes.has(id)) return;
    const props = instrumentProps.get(id) ?? (row ? {
      name_zh: row.instrumentName_zh,
      name_en: row.instrumentName_en,
      short_zh: row.instrumentShort_zh,
      short_en: row.instrumentShort_en,
    } : {});
    nodes.set(id, { key: id, attributes: { labels: ['Instrument'], properties: props } });
  };
  for (const row of [...trace.direct, ...trace.indirect]) {
    if (!nodes.has(row.rec)) {
      nodes.set(row.rec, { key: row.rec, attributes: { labels: ['Recommendation'], properties: { paragraph: row.paragraph, text: row.recText } } });
    }
    addInstrument(row.instrument, row);
    const key = `CITES:${row.rec}->${row.instrument}`;
    edges.set(key, { key, source: row.rec, target: row.instrument, attributes: { type: 'CITES', properties: { evidence: row.evidence, paragraph: row.paragraph } } });
  }
  for (const id of trace.instruments) addInstrument(id);
  for (const [a, b] of supplements) {
    if (!nodes.has(a) || !nodes.has(b)) continue;
    const key = `SUPPLEMENTS:${a}->${b}`;
    edges.set(key, { key, source: a, target: b, attributes: { type: 'SUPPLEMENTS', properties: {} } });
  }
  if (trace.subject && !nodes.has(trace.subject)) {
    nodes.set(trace.subject, { key: trace.subject, attributes: { labels: [trace.kind === 'instrument' ? 'Instrument' : 'Recommendation'], properties: instrumentProps.get(trace.subject) ?? {} } });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export interface CitationMatrix {
  /** Row keys: paragraph numbers holding recommendations, ascending. */
  rows: number[];
  /** Column keys: instrument ids, most cited first. */
  columns: string[];
  /** counts[row][column] */
  counts: number[][];
  max: number;
  rowTotals: number[];
  columnTotals: number[];
}

/** Recommendations grouped by paragraph × instruments: how many recommendations of each paragraph cite each instrument. */
export function citationMatrix(rows: readonly CitationRow[]): CitationMatrix {
  const columnTotals = new Map<string, number>();
  for (const r of rows) columnTotals.set(r.instrument, (columnTotals.get(r.instrument) ?? 0) + 1);
  const columns = [...columnTotals.keys()].sort((a, b) => columnTotals.get(b)! - columnTotals.get(a)! || a.localeCompare(b));
  const rowKeys = [...new Set(rows.map((r) => r.paragraph ?? 0))].sort((a, b) => a - b);
  const counts = rowKeys.map(() => columns.map(() => 0));
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.rec}|${r.instrument}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const i = rowKeys.indexOf(r.paragraph ?? 0);
    const j = columns.indexOf(r.instrument);
    counts[i]![j]! += 1;
  }
  const max = Math.max(0, ...counts.flat());
  return {
    rows: rowKeys,
    columns,
    counts,
    max,
    rowTotals: counts.map((row) => row.reduce((a, b) => a + b, 0)),
    columnTotals: columns.map((_c, j) => counts.reduce((a, row) => a + row[j]!, 0)),
  };
}

/**
 * A table as CSV (RFC 4180, CRLF records) by csv-stringify with the product's CSV
 * options: quoted where needed, text cells a spreadsheet would take for a formula
 * neutralised (server/api/formats/csv.ts). Null is an empty cell.
 */
export function toCsv(table: readonly (readonly (string | number | null)[])[]): string {
  return stringify(
    table.map((row) => [...row]),
    { ...CSV_OPTIONS, record_delimiter: 'windows' },
  );
}

/** The heat-map as CSV: a header of instrument names, one line per paragraph. */
export function matrixCsv(matrix: CitationMatrix, columnName: (id: string) => string, rowName: (paragraph: number) => string): string {
  return toCsv([
    ['paragraph', ...matrix.columns.map(columnName), 'total'],
    ...matrix.rows.map((p, i) => [rowName(p), ...matrix.counts[i]!, matrix.rowTotals[i]!]),
    ['total', ...matrix.columnTotals, matrix.columnTotals.reduce((a, b) => a + b, 0)],
  ]);
}
