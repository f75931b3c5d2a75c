import type { CitationRowJson } from '../../../server/contract/api.ts';
import type { JsonProperties } from '../../../server/contract/graph.ts';
import type { GraphData } from '../graph/build.ts';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { CSV_OPTIONS } from '../../../server/contract/csv.ts';

/** One recommendation citing one instrument, as `/api/citations` lists it (Citation in the OpenAPI document). */
export type CitationRow = CitationRowJson;

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
  const isInstrument =
    rows.some((r) => r.instrument === subject) || subject.startsWith('instrument:') || supplements.some(([a, b]) => a === subject || b === subject);
  if (isInstrument) {
    const instruments = family([subject], supplements);
    const direct = rows.filter((r) => instruments.has(r.instrument));
    const recs = new Set(direct.map((r) => r.recommendation));
    const indirect = rows.filter((r) => recs.has(r.recommendation) && !instruments.has(r.instrument));
    return { subject, kind: 'instrument', instruments: [...instruments], direct, indirect };
  }
  const direct = rows.filter((r) => r.recommendation === subject);
  const instruments = family(
    direct.map((r) => r.instrument),
    supplements,
  );
  const indirect = rows.filter((r) => instruments.has(r.instrument) && r.recommendation !== subject);
  return { subject, kind: 'recommendation', instruments: [...instruments], direct, indirect };
}

/** Every citation at once, as a trace without a subject (the view's starting picture). */
export function allCitations(rows: readonly CitationRow[], supplements: Supplements = []): Trace {
  return {
    subject: '',
    kind: 'instrument',
    instruments: [
      ...family(
        rows.map((r) => r.instrument),
        supplements,
      ),
    ],
    direct: [...rows],
    indirect: [],
  };
}

/**
 * The trace as a graph for the canvas: recommendations and instruments joined
 * by CITES, instruments joined by SUPPLEMENTS. `instrumentProps` names the
 * instruments no row names (an uncited protocol).
 */
export function traceGraph(trace: Trace, supplements: Supplements = [], instrumentProps: ReadonlyMap<string, JsonProperties> = new Map()): GraphData {
  const nodes = new Map<string, GraphData['nodes'][number]>();
  const edges = new Map<string, GraphData['edges'][number]>();
  const addInstrument = (id: string, row?: CitationRow) => {
    if (nodes.has(id)) return;
    const props =
      instrumentProps.get(id) ??
      (row
        ? {
            name_zh: row.instrument_name_zh,
            name_en: row.instrument_name_en,
            // `instrument_name` is the name the report uses: for a Chinese report, the short Chinese title.
            short_zh: row.instrument_name,
            short_en: row.instrument_short_en,
          }
        : {});
    nodes.set(id, { key: id, attributes: { labels: ['Instrument'], properties: props } });
  };
  for (const row of [...trace.direct, ...trace.indirect]) {
    if (!nodes.has(row.recommendation)) {
      nodes.set(row.recommendation, {
        key: row.recommendation,
        attributes: { labels: ['Recommendation'], properties: { paragraph: row.paragraph, text: row.text } },
      });
    }
    addInstrument(row.instrument, row);
    const key = `CITES:${row.recommendation}->${row.instrument}`;
    edges.set(key, {
      key,
      source: row.recommendation,
      target: row.instrument,
      attributes: { type: 'CITES', properties: { evidence: row.evidence, paragraph: row.paragraph } },
    });
  }
  for (const id of trace.instruments) addInstrument(id);
  for (const [a, b] of supplements) {
    if (!nodes.has(a) || !nodes.has(b)) continue;
    const key = `SUPPLEMENTS:${a}->${b}`;
    edges.set(key, { key, source: a, target: b, attributes: { type: 'SUPPLEMENTS', properties: {} } });
  }
  if (trace.subject && !nodes.has(trace.subject)) {
    nodes.set(trace.subject, {
      key: trace.subject,
      attributes: { labels: [trace.kind === 'instrument' ? 'Instrument' : 'Recommendation'], properties: instrumentProps.get(trace.subject) ?? {} },
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** A row of the matrix: one paragraph of one meeting's recommendations. */
export interface MatrixRow {
  /** The meeting's tag (LAC-15), which tells ¶24 of one report from ¶24 of another. */
  tag: string | null;
  /** A report of the meeting (the first seen). */
  report: string | null;
  paragraph: number;
}

export interface CitationMatrix {
  /** Rows: paragraphs holding recommendations, by meeting tag and then number. */
  rows: MatrixRow[];
  /** Column keys: instrument ids, most cited first. */
  columns: string[];
  /** counts[row][column] */
  counts: number[][];
  max: number;
  rowTotals: number[];
  columnTotals: number[];
}

/**
 * Recommendations grouped by meeting and paragraph × instruments: how many recommendations of
 * each paragraph cite each instrument. A recommendation in two language versions of one
 * meeting's report (same tag, same label) counts once.
 */
export function citationMatrix(rows: readonly CitationRow[]): CitationMatrix {
  const seen = new Set<string>();
  const distinct = rows.filter((r) => {
    const key = `${r.tag ?? r.report ?? ''}|${r.label}|${r.instrument}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const columnTotals = new Map<string, number>();
  for (const r of distinct) columnTotals.set(r.instrument, (columnTotals.get(r.instrument) ?? 0) + 1);
  const columns = [...columnTotals.keys()].sort((a, b) => columnTotals.get(b)! - columnTotals.get(a)! || a.localeCompare(b));
  const rowKey = (r: CitationRow) => `${r.tag ?? r.report ?? ''}\u0000${r.paragraph ?? 0}`;
  const rowsByKey = new Map<string, MatrixRow>();
  for (const r of distinct) if (!rowsByKey.has(rowKey(r))) rowsByKey.set(rowKey(r), { tag: r.tag, report: r.report, paragraph: r.paragraph ?? 0 });
  const keys = [...rowsByKey.keys()].sort((a, b) => {
    const x = rowsByKey.get(a)!;
    const y = rowsByKey.get(b)!;
    return (x.tag ?? x.report ?? '').localeCompare(y.tag ?? y.report ?? '') || x.paragraph - y.paragraph;
  });
  const counts = keys.map(() => columns.map(() => 0));
  for (const r of distinct) counts[keys.indexOf(rowKey(r))]![columns.indexOf(r.instrument)]! += 1;
  const max = Math.max(0, ...counts.flat());
  return {
    rows: keys.map((k) => rowsByKey.get(k)!),
    columns,
    counts,
    max,
    rowTotals: counts.map((row) => row.reduce((a, b) => a + b, 0)),
    columnTotals: columns.map((_c, j) => counts.reduce((a, row) => a + row[j]!, 0)),
  };
}

/**
 * The rows of one recommendation citing one instrument, once per meeting: of a meeting's
 * reports in several languages, the row in `lang` when there is one (no two rows look alike).
 */
export function distinctCitations(rows: readonly CitationRow[], lang: string): CitationRow[] {
  const kept = new Map<string, CitationRow>();
  for (const r of rows) {
    const key = `${r.tag ?? r.report ?? ''}|${r.label}|${r.instrument}`;
    const have = kept.get(key);
    if (!have || (have.language !== lang && r.language === lang)) kept.set(key, r);
  }
  const keep = new Set(kept.values());
  return rows.filter((r) => keep.has(r));
}

/**
 * A table as CSV (RFC 4180, CRLF records) by csv-stringify with the product's CSV
 * options: quoted where needed, text cells a spreadsheet would take for a formula
 * neutralised (server/contract/csv.ts). Null is an empty cell.
 */
export function toCsv(table: readonly (readonly (string | number | null)[])[]): string {
  return stringify(
    table.map((row) => [...row]),
    { ...CSV_OPTIONS, record_delimiter: 'windows' },
  );
}

/** The heat-map as CSV: a header of instrument names, one line per meeting and paragraph (its tag in the first column). */
export function matrixCsv(matrix: CitationMatrix, columnName: (id: string) => string, rowName: (paragraph: number) => string): string {
  return toCsv([
    ['meeting', 'paragraph', ...matrix.columns.map(columnName), 'total'],
    ...matrix.rows.map((row, i) => [row.tag ?? row.report ?? '', rowName(row.paragraph), ...matrix.counts[i]!, matrix.rowTotals[i]!]),
    ['total', '', ...matrix.columnTotals, matrix.columnTotals.reduce((a, b) => a + b, 0)],
  ]);
}

/** The instruments that supplement `instrument`, however indirectly (a protocol of a convention, a resolution of its COP). */
export function supplementing(instrument: string, supplements: Supplements): Set<string> {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [a, b] of supplements) {
      if ((b === instrument || out.has(b)) && a !== instrument && !out.has(a)) {
        out.add(a);
        grew = true;
      }
    }
  }
  return out;
}

/** How many recommendations cite an instrument: directly, and through each instrument that supplements it. */
export interface CitationCounts {
  /** Recommendations citing the instrument itself. */
  direct: number;
  /** Recommendations citing a supplementing instrument (and not the instrument itself), by that instrument. */
  via: { instrument: string; count: number }[];
  /** Distinct recommendations either way. */
  total: number;
}

/**
 * The one count of an instrument's citations, used wherever the number appears
 * (the trace's picker and table, the details panel), so they cannot disagree:
 * `direct` citations of the instrument, and `via` each instrument supplementing
 * it (UNTOC: 1 direct, 1 through COP resolution 12/4). docs/MODEL.md: SUPPLEMENTS.
 */
export function citationCounts(rows: readonly CitationRow[], supplements: Supplements, instrument: string): CitationCounts {
  const directRecs = new Set(rows.filter((r) => r.instrument === instrument).map((r) => r.recommendation));
  const others = supplementing(instrument, supplements);
  const viaRecs = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!others.has(r.instrument) || directRecs.has(r.recommendation)) continue;
    const set = viaRecs.get(r.instrument) ?? new Set<string>();
    set.add(r.recommendation);
    viaRecs.set(r.instrument, set);
  }
  const via = [...viaRecs.entries()]
    .map(([id, recs]) => ({ instrument: id, count: recs.size }))
    .sort((a, b) => b.count - a.count || a.instrument.localeCompare(b.instrument));
  const all = new Set([...directRecs, ...[...viaRecs.values()].flatMap((s) => [...s])]);
  return { direct: directRecs.size, via, total: all.size };
}
