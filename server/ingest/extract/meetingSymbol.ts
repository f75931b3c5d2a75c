/**
 * Which meeting a report is of, told by document symbol, so that the Chinese and the
 * English reports of one meeting become one Meeting node and their paragraphs line up.
 *
 * A United Nations meeting issues its documents under one symbol series (ST/SGB/2023/1,
 * "Symbols of United Nations documents"; the Dag Hammarskjöld Library's guide to UN document
 * symbols): the regional preparatory meeting for Latin America of the Fifteenth Congress is
 * `A/CONF.241/RPM.2`, and its report (`…/1`), provisional agenda, draft report (`…/L.1` with
 * addenda `…/L.1/Add.1`), list of participants (`…/INF/1`) and conference room papers
 * (`…/CRP.1`) all sit under it. Every language version of the report carries the same symbols.
 *
 * Where the series is read, first found first:
 *  1. the masthead: a symbol standing alone on one of the first lines (the report's own
 *     symbol, `A/CONF.241/RPM.5/1`; its series is the symbol without its last element);
 *  2. the report's own documents, listed in its annex and cited in its text: the series
 *     holding the most distinct documents of those kinds (`…/1`, `…/L.1`, `…/INF/1`,
 *     `…/CRP.1`), provided it holds at least two and no other series holds as many.
 * Otherwise there is no series (the caller keeps the report's own meeting and says so): a
 * meeting is never guessed.
 */
import type { GraphJson, GraphNode } from '../../contract/model.ts';
import type { ReportStructure } from '../parse/types.ts';
import { ids } from './ids.ts';
import { findSymbols } from './symbols.ts';

export interface MeetingSymbol {
  /** The meeting's symbol series (`A/CONF.241/RPM.2`), or null when it cannot be told. */
  series: string | null;
  /** The report's own symbol when its masthead gives it (`A/CONF.241/RPM.5/1`), else null. */
  symbol: string | null;
}

/** A whole line that is one document symbol. */
const SYMBOL_LINE = /^[A-Z]{1,6}(?:\/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+$/;
/** A meeting's own document: its series, then a number, L.n, INF/n or CRP.n, then addenda, corrigenda, revisions. */
const OWN_DOCUMENT = /^(?<series>[A-Z]{1,6}(?:\/[A-Za-z0-9.]+)+?)\/(?:\d+|L\.\d+|INF\/\d+|CRP\.\d+)(?:\/(?:Add|Corr|Rev)\.\d+)*$/;
/** How far into the text a masthead may be. */
const MASTHEAD_LINES = 12;

/** The series a symbol belongs to: everything before its last element (`A/CONF.241/RPM.5/1` → `A/CONF.241/RPM.5`). */
export function seriesOf(symbol: string): string | null {
  const own = OWN_DOCUMENT.exec(symbol);
  if (own?.groups?.series && own.groups.series.includes('/')) return own.groups.series;
  return null;
}

/**
 * The meeting's symbol series and the report's own symbol (see the module comment).
 * `text` is the report's text as parsed (its first lines may hold a masthead); `extracted`,
 * for a PDF or Word file, the text as extracted before layout recovery took the masthead out
 * (a masthead's two sides on one line are split at the tab the reader puts between them).
 */
export function meetingSymbol(structure: ReportStructure, text: string, extracted?: string): MeetingSymbol {
  const firstLines = (t: string) =>
    t
      .split('\n', 200)
      .flatMap((l) => l.split('\t'))
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .slice(0, MASTHEAD_LINES);
  for (const line of [...(extracted !== undefined ? firstLines(extracted) : []), ...firstLines(text)]) {
    if (!SYMBOL_LINE.test(line)) continue;
    const series = seriesOf(line);
    if (series) return { series, symbol: line };
  }
  const symbols = new Set<string>();
  for (const row of structure.annex) for (const s of row.symbols) symbols.add(s);
  for (const p of structure.paragraphs) for (const hit of findSymbols(p.text)) symbols.add(hit.symbol);
  const counts = new Map<string, number>();
  for (const s of symbols) {
    const series = seriesOf(s);
    if (series) counts.set(series, (counts.get(series) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 2 || (second && second[1] === best[1])) return { series: null, symbol: null };
  return { series: best[0], symbol: null };
}

/**
 * The graph with its meeting told by symbol: the Meeting node `meeting:<key>` becomes
 * `meeting:<series>` (every relationship to it follows), Report and Meeting carry `series`
 * (and the Report its own `symbol` when the masthead gives it), and every Paragraph and
 * Recommendation a `ref`, the same in every language version of the report:
 * `A/CONF.241/RPM.2 ¶24` and `A/CONF.241/RPM.2 24(c)` (the report's key stands in for the
 * series when there is none, so such a report aligns with nothing). Pure: a new graph.
 */
export function withMeetingSymbol(graph: GraphJson, key: string, ms: MeetingSymbol): GraphJson {
  const oldMeeting = ids.meeting(key);
  const newMeeting = ms.series ? `meeting:${ms.series}` : oldMeeting;
  const base = ms.series ?? key;
  const rename = (id: string) => (id === oldMeeting ? newMeeting : id);
  const nodes = graph.nodes.map((node): GraphNode => {
    const p = node.properties;
    if (node.id === oldMeeting) return { ...node, id: newMeeting, properties: { ...p, series: ms.series } };
    if (node.labels.includes('Report')) return { ...node, properties: { ...p, series: ms.series, symbol: ms.symbol } };
    if (node.labels.includes('Paragraph')) return { ...node, properties: { ...p, ref: `${base} ¶${String(p.number)}` } };
    if (node.labels.includes('Recommendation')) return { ...node, properties: { ...p, ref: `${base} ${String(p.paragraph)}(${String(p.letter)})` } };
    return node;
  });
  const relationships = graph.relationships.map((r) =>
    r.start === oldMeeting || r.end === oldMeeting ? { ...r, start: rename(r.start), end: rename(r.end) } : r,
  );
  return { ...graph, nodes, relationships };
}
