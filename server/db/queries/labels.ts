/**
 * Node look-ups by `id`. Uniqueness constraints (and so indexes) are per label, so
 * a look-up names the label: the id's prefix says which (MODEL.md § Node labels).
 * Labels reach Cypher text only from MODEL's fixed list, never from a request.
 */
import { ID_PREFIX_LABELS, NODE_LABELS, type NodeLabel } from '../../contract/model.ts';

const KNOWN = new Set<string>(NODE_LABELS);

export function isNodeLabel(value: string): value is NodeLabel {
  return KNOWN.has(value);
}

/** The label an id's prefix names, if it names one. */
export function labelForId(id: string): NodeLabel | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? ID_PREFIX_LABELS[id.slice(0, colon)] : undefined;
}

/** `` `Label` `` for a label of MODEL's list; throws for anything else (a programming error). */
export function labelText(label: string): string {
  if (!KNOWN.has(label)) throw new Error(`not a MODEL label: ${label}`);
  return `\`${label}\``;
}

/**
 * Cypher that binds `variable` to the node whose id is `$param`, through the index:
 * the label from the id's prefix, else a union of index seeks over every label.
 * Use as a subquery: `CALL () { <this> } …`, it returns `variable`.
 */
export function matchNodeById(id: string, variable: string, param: string): string {
  const label = labelForId(id);
  if (label) return `MATCH (${variable}:${labelText(label)} {id: $${param}}) RETURN ${variable}`;
  return NODE_LABELS.map((l) => `MATCH (${variable}:${labelText(l)} {id: $${param}}) RETURN ${variable}`).join(' UNION ');
}

/** A label expression `A|B|C` from labels of MODEL's list. */
export function labelExpression(labels: readonly string[]): string {
  return labels.map(labelText).join('|');
}

/** The display name of a node: its `name`, else what its label suggests (24(c), ¶24, a symbol, a title). */
export function displayName(labels: readonly string[], properties: Record<string, unknown>, id: string): string {
  const p = properties;
  if (typeof p.name === 'string' && p.name !== '') return p.name;
  if (labels.includes('Recommendation') && p.paragraph != null && typeof p.letter === 'string') return `${String(p.paragraph)}(${p.letter})`;
  if (labels.includes('Paragraph') && p.number != null) return `¶${String(p.number)}`;
  for (const key of ['symbol', 'title_zh', 'title_en', 'name_zh', 'name_en']) {
    if (typeof p[key] === 'string' && p[key] !== '') return p[key] as string;
  }
  return id;
}
