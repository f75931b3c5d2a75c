/**
 * Checks a graph against MODEL.md: unique ids, every end exists, required
 * properties present, only scalars (or lists of scalars) as values, provenance
 * on every relationship drawn from text, spans inside the text they point into,
 * evidence equal to the text at its first span, and footnotes where MODEL.md puts
 * them (a list of strings; on a Paragraph or Recommendation each with the offset in
 * its text where its mark stood).
 */
import {
  NODE_LABELS,
  PROVENANCE_PROPERTIES,
  RELATIONSHIP_TYPES,
  REQUIRED_NODE_PROPERTIES,
  type GraphJson,
  type GraphNode,
  type GraphRelationship,
  type NodeLabel,
  type PropertyValue,
} from '../contract/model.ts';
import { truncateGraphemes } from '../contract/truncate.ts';

/** Which labels each relationship type may join (MODEL.md § Relationship types). */
const ENDPOINTS: Record<GraphRelationship['type'], [NodeLabel[], NodeLabel[]]> = {
  IN_REPORT: [['Paragraph', 'Recommendation'], ['Report']],
  REPORT_OF: [['Report'], ['Meeting']],
  UNDER: [['Recommendation'], ['AgendaItem', 'Theme', 'Workshop']],
  PART_OF: [['Paragraph'], ['AgendaItem', 'Theme', 'Workshop']],
  MENTIONS: [
    ['Paragraph', 'Recommendation'],
    ['State', 'Organization', 'Person', 'CrimeType', 'Instrument', 'Document'],
  ],
  CITES: [['Recommendation'], ['Instrument']],
  ADDRESSES: [['Recommendation'], ['CrimeType']],
  SPOKE_ON: [
    ['State', 'Organization'],
    ['AgendaItem', 'Theme'],
  ],
  ATTENDED: [['State', 'Organization'], ['Meeting']],
  HELD_ROLE: [['Person'], ['Meeting']],
  REPRESENTS: [['Person'], ['State', 'Organization']],
  SUPPLEMENTS: [['Instrument'], ['Instrument']],
  CO_OCCURS: [['CrimeType'], ['CrimeType']],
  LINKED_TO: [['CrimeType'], ['CrimeType']],
};

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function validValue(v: PropertyValue | undefined): boolean {
  return Array.isArray(v) ? v.every(isScalar) : isScalar(v);
}

export function validateGraph(graph: GraphJson): string[] {
  const errors: string[] = [];
  const nodes = new Map<string, GraphNode>();
  if (!Array.isArray(graph.reports) || !Array.isArray(graph.nodes) || !Array.isArray(graph.relationships)) {
    return ['graph must have arrays "reports", "nodes" and "relationships"'];
  }
  for (const n of graph.nodes) {
    if (typeof n.id !== 'string' || n.id === '') {
      errors.push(`node without an id: ${truncateGraphemes(JSON.stringify(n), 80)}`);
      continue;
    }
    if (nodes.has(n.id)) errors.push(`duplicate node id ${n.id}`);
    nodes.set(n.id, n);
    if (!Array.isArray(n.labels) || n.labels.length === 0) errors.push(`${n.id}: no labels`);
    for (const label of n.labels ?? []) {
      if (!(NODE_LABELS as readonly string[]).includes(label)) {
        errors.push(`${n.id}: unknown label ${label}`);
        continue;
      }
      for (const key of REQUIRED_NODE_PROPERTIES[label]) {
        if (!(key in n.properties) || n.properties[key] === undefined) errors.push(`${n.id}: missing required property ${key}`);
      }
    }
    for (const [key, value] of Object.entries(n.properties)) {
      if (!validValue(value)) errors.push(`${n.id}: property ${key} is not a scalar or a list of scalars`);
    }
    errors.push(...footnoteProblems(n));
  }
  for (const r of graph.reports) if (!nodes.get(r)?.labels.includes('Report')) errors.push(`report ${r} has no Report node`);

  graph.relationships.forEach((r, i) => {
    const where = `relationship ${i} (${r.type} ${r.start} → ${r.end})`;
    if (!(RELATIONSHIP_TYPES as readonly string[]).includes(r.type)) {
      errors.push(`${where}: unknown type`);
      return;
    }
    const start = nodes.get(r.start);
    const end = nodes.get(r.end);
    if (!start) errors.push(`${where}: start ${r.start} is not a node`);
    if (!end) errors.push(`${where}: end ${r.end} is not a node`);
    const [from, to] = ENDPOINTS[r.type];
    if (start && !start.labels.some((l) => from.includes(l))) errors.push(`${where}: ${r.type} cannot start at ${start.labels.join('/')}`);
    if (end && !end.labels.some((l) => to.includes(l))) errors.push(`${where}: ${r.type} cannot end at ${end.labels.join('/')}`);
    for (const key of PROVENANCE_PROPERTIES[r.type] ?? []) {
      if (r.properties[key] === undefined || r.properties[key] === null) errors.push(`${where}: missing provenance ${key}`);
    }
    for (const [key, value] of Object.entries(r.properties)) {
      if (!validValue(value)) errors.push(`${where}: property ${key} is not a scalar or a list of scalars`);
    }
    const spans = r.properties.spans;
    if (spans === undefined) return;
    const text = spannedText(r, start, nodes);
    if (text === null) {
      errors.push(`${where}: spans but no text they point into`);
      return;
    }
    if (!Array.isArray(spans) || spans.length === 0 || spans.length % 2 !== 0) {
      errors.push(`${where}: spans must be a non-empty flat list of start, end pairs`);
      return;
    }
    for (let k = 0; k < spans.length; k += 2) {
      const a = spans[k];
      const b = spans[k + 1];
      if (typeof a !== 'number' || typeof b !== 'number' || !Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > text.length || a >= b) {
        errors.push(`${where}: span [${a}, ${b}) lies outside the text (length ${text.length})`);
      }
    }
    const evidence = r.properties.evidence;
    if (typeof evidence === 'string' && typeof spans[0] === 'number' && typeof spans[1] === 'number' && text.slice(spans[0], spans[1]) !== evidence) {
      errors.push(`${where}: evidence "${evidence}" is not the text at its first span ("${text.slice(spans[0], spans[1])}")`);
    }
  });
  return errors;
}

/**
 * `footnotes` (MODEL.md § Footnotes): a non-empty list of non-empty strings, on a Report, a
 * Paragraph or a Recommendation; on the last two `footnoteAt` beside it, one integer offset
 * per footnote, inside the node's text, in order.
 */
function footnoteProblems(n: GraphNode): string[] {
  const { footnotes, footnoteAt, text } = n.properties;
  if (footnotes === undefined && footnoteAt === undefined) return [];
  const where = `${n.id}: footnotes`;
  if (!n.labels.some((l) => l === 'Report' || l === 'Paragraph' || l === 'Recommendation'))
    return [`${where} on a ${n.labels.join('/')}: only a Report, Paragraph or Recommendation has footnotes`];
  if (!Array.isArray(footnotes) || footnotes.length === 0 || !footnotes.every((f) => typeof f === 'string' && f.trim() !== ''))
    return [`${where} must be a non-empty list of non-empty strings`];
  if (n.labels.includes('Report'))
    return footnoteAt === undefined ? [] : [`${where}: a Report's footnotes have no footnoteAt (they stand in no text of the graph)`];
  if (!Array.isArray(footnoteAt) || footnoteAt.length !== footnotes.length) return [`${where}: footnoteAt must give one offset per footnote`];
  const length = typeof text === 'string' ? text.length : -1;
  for (const [i, at] of footnoteAt.entries()) {
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > length)
      return [`${where}: footnoteAt ${String(at)} lies outside the text (length ${length})`];
    if (i > 0 && at < (footnoteAt[i - 1] as number)) return [`${where}: footnoteAt must be in the order of the text`];
  }
  return [];
}

/**
 * Spans point into the start node's text; for facts about entities (which have
 * no text) into the `unit` they were read from, or else the cited paragraph.
 */
function spannedText(r: GraphRelationship, start: GraphNode | undefined, nodes: Map<string, GraphNode>): string | null {
  if (typeof start?.properties.text === 'string') return start.properties.text;
  const { report, paragraph, unit } = r.properties;
  if (typeof unit === 'string') {
    const text = nodes.get(unit)?.properties.text;
    return typeof text === 'string' ? text : null;
  }
  if (typeof report !== 'string' || typeof paragraph !== 'number') return null;
  const para = nodes.get(`para:${report.replace(/^report:/, '')}:${paragraph}`);
  return typeof para?.properties.text === 'string' ? para.properties.text : null;
}
