import type { CypherSummary } from '../../../server/contract/api.ts';
import type { Json } from '../../../server/contract/graph.ts';
import { primaryLabel } from '../graph/build.ts';
import { fullName } from '../i18n/names.ts';

/** A value from a Cypher result row, as the table shows it. */
export type CellValue =
  | { kind: 'node'; id: string; label: string; text: string }
  | { kind: 'relationship'; id: string; type: string; text: string }
  | { kind: 'scalar'; text: string }
  | { kind: 'list'; items: CellValue[]; separator?: string }
  | { kind: 'map'; text: string };

type JsonObject = { [key: string]: Json };
const isObj = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: Json | undefined): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * A cell as the console's answer holds it (CypherResult in the OpenAPI document):
 * a node is `{id, labels, properties}`, a relationship `{id, type, start, end,
 * properties}`, a path `{nodes, relationships}`; anything else is data (a map
 * that only looks like one of these is shown as a node or relationship too).
 */
export function describeValue(value: Json, lang: 'zh' | 'en' = 'zh'): CellValue {
  if (Array.isArray(value)) return { kind: 'list', items: value.map((v) => describeValue(v, lang)) };
  if (isObj(value)) {
    const props = value.properties !== undefined && isObj(value.properties) ? value.properties : null;
    if (props && typeof value.id === 'string' && isStrings(value.labels)) {
      const label = primaryLabel(value.id, value.labels);
      return { kind: 'node', id: value.id, label, text: fullName({ id: value.id, label, props }, lang) };
    }
    if (Array.isArray(value.nodes) && Array.isArray(value.relationships)) {
      // A path: its nodes in order.
      return { kind: 'list', items: value.nodes.map((n) => describeValue(n, lang)), separator: ' → ' };
    }
    if (props && typeof value.id === 'string' && typeof value.type === 'string') {
      return { kind: 'relationship', id: value.id, type: value.type, text: `:${value.type}` };
    }
    return { kind: 'map', text: JSON.stringify(value) };
  }
  if (value === null) return { kind: 'scalar', text: 'null' };
  return { kind: 'scalar', text: typeof value === 'string' ? value : JSON.stringify(value) };
}

/** A row's values in column order (the console sends each row as an object keyed by column). */
export function rowValues(row: Readonly<Record<string, Json>>, columns: readonly string[]): Json[] {
  return columns.map((c) => row[c] ?? null);
}

/** What the summary says was capped (rows, graph size), for a notice above the table. */
export function cappedNotes(summary: Pick<CypherSummary, 'rowsTruncated' | 'graphTruncated'>): ('rowsTruncated' | 'graphTruncated')[] {
  return (['rowsTruncated', 'graphTruncated'] as const).filter((key) => summary[key]);
}
