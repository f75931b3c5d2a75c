import { primaryLabel } from '../graph/build.ts';
import { fullName } from '../i18n/names.ts';

/** A value from a Cypher result row, as the table shows it. */
export type CellValue =
  | { kind: 'node'; id: string; label: string; text: string }
  | { kind: 'relationship'; id: string | null; type: string; text: string }
  | { kind: 'scalar'; text: string }
  | { kind: 'list'; items: CellValue[]; separator?: string }
  | { kind: 'map'; text: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function nodeText(props: Obj, id: string): string {
  for (const key of ['name_zh', 'name', 'name_en', 'title_zh', 'title_en', 'symbol']) {
    if (typeof props[key] === 'string' && props[key]) return props[key] as string;
  }
  return id;
}

/** Nodes are `{id, labels, properties}`, relationships `{id?, type, properties, start?, end?}`; anything else is data. */
export function describeValue(value: unknown, lang: 'zh' | 'en' = 'zh'): CellValue {
  if (Array.isArray(value)) return { kind: 'list', items: value.map((v) => describeValue(v, lang)) };
  if (isObj(value)) {
    const props = isObj(value.properties) ? value.properties : null;
    if (props && Array.isArray(value.labels)) {
      const id = typeof props.id === 'string' ? props.id : String(value.id ?? value.elementId ?? '');
      const label = primaryLabel(id, value.labels.filter((l): l is string => typeof l === 'string'));
      return { kind: 'node', id, label, text: id ? fullName({ id, label, props }, lang) : nodeText(props, id) };
    }
    if (Array.isArray(value.nodes) && Array.isArray(value.relationships)) {
      // A path: its nodes in order.
      return { kind: 'list', items: value.nodes.map((n) => describeValue(n, lang)), separator: ' → ' };
    }
    if (props && typeof value.type === 'string') {
      return { kind: 'relationship', id: typeof value.id === 'string' ? value.id : null, type: value.type, text: `:${value.type}` };
    }
    return { kind: 'map', text: JSON.stringify(value) };
  }
  if (value === null || value === undefined) return { kind: 'scalar', text: 'null' };
  return { kind: 'scalar', text: typeof value === 'string' ? value : JSON.stringify(value) };
}

/** A row's values in column order, whether the API sends rows as arrays or as objects keyed by column. */
export function rowValues(row: unknown, columns: readonly string[]): unknown[] {
  if (Array.isArray(row)) return row;
  if (isObj(row)) return columns.map((c) => row[c]);
  return [row];
}

/** What the summary says was capped (rows, graph size, time), for a notice above the table. */
export function cappedNotes(summary: Record<string, unknown>): string[] {
  const notes: string[] = [];
  for (const [key, value] of Object.entries(summary)) {
    if (value === true && /truncat|capp|limit/i.test(key)) notes.push(key);
    if (isObj(value) && (value.hit === true || value.truncated === true || value.reached === true)) notes.push(key);
  }
  return notes;
}
