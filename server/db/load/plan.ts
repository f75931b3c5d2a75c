/**
 * The loader's plan of one report: its graph.json checked against what Neo4j can
 * hold (each node once, each relationship once, every value storable) and grouped
 * into rows by label and by relationship type, before anything is written.
 */
import {
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type GraphJson,
  type NodeLabel,
  type Properties,
  type PropertyValue,
  type RelationshipType,
} from '../../contract/model.ts';
import { truncateGraphemes } from '../../contract/truncate.ts';
import { isShared, relationshipKey } from '../../ingest/mergeRules.ts';

export interface NodeRow {
  id: string;
  /** The node's properties as graph.json gives them (nulls kept, no id). */
  properties: Properties;
}
export interface RelRow {
  start: string;
  end: string;
  /** As graph.json gives them (nulls kept). */
  properties: Properties;
}

export interface NodeGroup {
  /** Labels of the group's nodes; the first one is the one MERGE matches on. */
  labels: NodeLabel[];
  rows: NodeRow[];
}

export interface RelGroup {
  type: RelationshipType;
  startLabel: NodeLabel;
  endLabel: NodeLabel;
  /**
   * A relationship with a `report` property belongs to that report alone: after
   * the report's old version is removed it is simply created. One without (IN_REPORT,
   * SUPPLEMENTS, CO_OCCURS) may be shared by reports: one per (start, type, end), merged.
   */
  shared: boolean;
  rows: RelRow[];
}

export interface LoadPlan {
  report: string;
  nodeGroups: NodeGroup[];
  relGroups: RelGroup[];
  nodeCount: number;
  relationshipCount: number;
  /** Ids of the graph's nodes, and keys (sharedRelationshipKey) of its shared relationships. */
  nodeIds: Set<string>;
  sharedRelKeys: Set<string>;
}

/** A graph the loader refuses (says what and where, in one line). */
export class LoadInputError extends Error {}

const LABELS = new Set<string>(NODE_LABELS);
const TYPES = new Set<string>(RELATIONSHIP_TYPES);

/**
 * Check a one-report graph and group it into rows by label and by relationship
 * type. The graph must be as ingest makes it: each node once, each relationship
 * once (by its identity, mergeRules.ts), every value one Neo4j can store.
 * Throws LoadInputError naming what and where otherwise.
 */
export function planLoad(graph: GraphJson): LoadPlan {
  if (!graph || !Array.isArray(graph.reports) || !Array.isArray(graph.nodes) || !Array.isArray(graph.relationships)) {
    throw new LoadInputError('not a graph: expected {reports, nodes, relationships}');
  }
  if (graph.reports.length !== 1) {
    throw new LoadInputError(
      `a load takes the graph of exactly one report (so that it can be replaced on its own); this one holds ${graph.reports.length}: ${graph.reports.join(', ') || 'none'}`,
    );
  }
  const report = graph.reports[0]!;

  const labelsOf = new Map<string, NodeLabel[]>();
  const nodeGroups = new Map<string, NodeGroup>();
  for (const node of graph.nodes) {
    if (typeof node.id !== 'string' || node.id === '') throw new LoadInputError(`a node has no id: ${truncateGraphemes(JSON.stringify(node), 100)}`);
    if (labelsOf.has(node.id)) throw new LoadInputError(`node ${node.id} is in the graph twice: a graph holds each node once (mergeGraphs merges graphs)`);
    if (!Array.isArray(node.labels) || node.labels.length === 0) throw new LoadInputError(`node ${node.id} has no labels`);
    for (const label of node.labels)
      if (!LABELS.has(label)) throw new LoadInputError(`node ${node.id} has label ${JSON.stringify(label)}, which MODEL.md does not know`);
    const labels = [...new Set(node.labels)];
    labelsOf.set(node.id, labels);
    const key = labels.join(':');
    let group = nodeGroups.get(key);
    if (!group) nodeGroups.set(key, (group = { labels, rows: [] }));
    const { id: ownId, ...properties } = node.properties ?? {};
    if (ownId !== undefined && ownId !== node.id)
      throw new LoadInputError(`node ${node.id} has a property id ${JSON.stringify(ownId)} that differs from its id`);
    checkStorable(properties, `node ${node.id}`); // refuse what Neo4j cannot store, before writing anything
    group.rows.push({ id: node.id, properties });
  }
  if (!labelsOf.get(report)?.includes('Report')) throw new LoadInputError(`the graph has no Report node ${report}`);

  const relGroups = new Map<string, RelGroup>();
  const sharedSeen = new Set<string>();
  const seen = new Map<string, number>();
  graph.relationships.forEach((rel, i) => {
    const where = `relationship ${i} (${rel.type} ${rel.start} → ${rel.end})`;
    if (!TYPES.has(rel.type)) throw new LoadInputError(`${where}: type ${JSON.stringify(rel.type)} is not one MODEL.md knows`);
    const startLabel = labelsOf.get(rel.start)?.[0];
    const endLabel = labelsOf.get(rel.end)?.[0];
    if (!startLabel) throw new LoadInputError(`${where}: no node ${rel.start} in the graph`);
    if (!endLabel) throw new LoadInputError(`${where}: no node ${rel.end} in the graph`);
    const properties = rel.properties ?? {};
    checkStorable(properties, where); // refuse what Neo4j cannot store, before writing anything
    const shared = isShared({ properties });
    if (!shared && properties.report !== report)
      throw new LoadInputError(`${where}: says it comes from ${String(properties.report)}, but the graph is report ${report}`);
    const key = relationshipKey({ ...rel, properties });
    const first = seen.get(key);
    if (first !== undefined) {
      throw new LoadInputError(
        `${where}: the same relationship as relationship ${first}${shared ? ' (one without a report is one per type and ends)' : ''}; a graph holds each once (mergeGraphs merges graphs)`,
      );
    }
    seen.set(key, i);
    if (shared) sharedSeen.add(key);
    const groupKey = `${rel.type}:${startLabel}:${endLabel}:${shared}`;
    let group = relGroups.get(groupKey);
    if (!group) relGroups.set(groupKey, (group = { type: rel.type, startLabel, endLabel, shared, rows: [] }));
    group.rows.push({ start: rel.start, end: rel.end, properties });
  });

  return {
    report,
    nodeGroups: [...nodeGroups.values()],
    relGroups: [...relGroups.values()],
    nodeCount: graph.nodes.length,
    relationshipCount: graph.relationships.length,
    nodeIds: new Set(labelsOf.keys()),
    sharedRelKeys: sharedSeen,
  };
}

/**
 * Refuse what Neo4j cannot store, naming where (LoadInputError): property names
 * that are empty or start with `_` (the loader's bookkeeping), numbers that are not
 * finite, lists that mix types or hold nulls, nested values. Nulls pass: they are
 * not stored.
 */
export function checkStorable(properties: Record<string, PropertyValue>, where: string): void {
  for (const [key, value] of Object.entries(properties)) {
    if (key === '' || key.startsWith('_')) {
      throw new LoadInputError(`${where}: property name ${JSON.stringify(key)} is not allowed (names starting with _ are the loader's bookkeeping)`);
    }
    if (value !== null && value !== undefined) checkValue(value, `${where}, property ${key}`);
  }
}

function checkValue(value: unknown, where: string): void {
  if (typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new LoadInputError(`${where}: ${value} is not a number Neo4j can store`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    const kinds = new Set(value.map((v) => (v === null ? 'null' : typeof v)));
    if (kinds.size !== 1 || kinds.has('null') || kinds.has('object') || kinds.has('undefined')) {
      throw new LoadInputError(
        `${where}: a list must hold values of one type (string, number or boolean) and no nulls; got ${truncateGraphemes(JSON.stringify(value), 80)}`,
      );
    }
    if (kinds.has('number') && !(value as number[]).every(Number.isFinite)) throw new LoadInputError(`${where}: a list holds a number Neo4j cannot store`);
    return;
  }
  throw new LoadInputError(`${where}: ${truncateGraphemes(JSON.stringify(value), 80)} is not a scalar or a list of scalars`);
}

/** Split rows into batches of at most `size`. */
export function batches<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
