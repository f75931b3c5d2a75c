/**
 * The pure half of the loader: a report's graph.json checked against what Neo4j
 * can hold and grouped into batches by label and relationship type, plus the
 * rules that merge what one report brings into what other reports already put
 * in the database (the same rules as ingest's mergeGraphs).
 *
 * Bookkeeping: every node and relationship the loader writes carries `_reports`,
 * the ids of the reports that contributed it, in the order they were first loaded.
 * A node two or more reports share also carries `_contrib`: JSON giving each
 * report's own properties, so that replacing or removing one report recomputes
 * the node exactly from the others. Reports mostly say the same of an entity (a
 * State reads alike in every Chinese report), so `_contrib` holds each distinct
 * set once, `{sets: [...], of: [i, …]}` with `of` in `_reports` order: a State
 * in 200 reports carries two sets, not 200 (every read of the node ships it). Properties starting with `_` are
 * the loader's, not the model's: exports leave them out.
 */
import neo4j, { type Integer } from 'neo4j-driver';
import { mergeGraphs } from '../ingest/mergeGraphs.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES, type GraphJson, type NodeLabel, type Properties, type PropertyValue, type RelationshipType } from '../contract/model.ts';
import { truncateGraphemes } from '../contract/truncate.ts';

export const REPORTS_KEY = '_reports';
export const CONTRIB_KEY = '_contrib';

/** What the loader sends as a property value: JSON scalars with whole numbers as Neo4j integers. */
export type DbValue = string | number | boolean | Integer | string[] | number[] | boolean[] | Integer[];
export type DbProperties = Record<string, DbValue>;

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
  /** Ids of the graph's nodes, and keys (sharedKey) of its shared relationships. */
  nodeIds: Set<string>;
  sharedRelKeys: Set<string>;
}

/** A graph the loader refuses (says what and where, in one line). */
export class LoadInputError extends Error {}

const LABELS = new Set<string>(NODE_LABELS);
const TYPES = new Set<string>(RELATIONSHIP_TYPES);

/** Check a one-report graph and group it into rows by label and by relationship type. */
export function planLoad(input: GraphJson): LoadPlan {
  if (!input || !Array.isArray(input.reports) || !Array.isArray(input.nodes) || !Array.isArray(input.relationships)) {
    throw new LoadInputError('not a graph: expected {reports, nodes, relationships}');
  }
  if (input.reports.length !== 1) {
    throw new LoadInputError(`a load takes the graph of exactly one report (so that it can be replaced on its own); this one holds ${input.reports.length}: ${input.reports.join(', ') || 'none'}`);
  }
  const report = input.reports[0]!;
  // Duplicates collapse exactly as when ingest merges graphs, so the database equals mergeGraphs of its reports.
  const graph = mergeGraphs([input]);

  const labelsOf = new Map<string, NodeLabel[]>();
  const nodeGroups = new Map<string, NodeGroup>();
  for (const node of graph.nodes) {
    if (typeof node.id !== 'string' || node.id === '') throw new LoadInputError(`a node has no id: ${truncateGraphemes(JSON.stringify(node), 100)}`);
    if (!Array.isArray(node.labels) || node.labels.length === 0) throw new LoadInputError(`node ${node.id} has no labels`);
    for (const label of node.labels) if (!LABELS.has(label)) throw new LoadInputError(`node ${node.id} has label ${JSON.stringify(label)}, which MODEL.md does not know`);
    const labels = [...new Set(node.labels)];
    labelsOf.set(node.id, labels);
    const key = labels.join(':');
    let group = nodeGroups.get(key);
    if (!group) nodeGroups.set(key, (group = { labels, rows: [] }));
    const { id: ownId, ...properties } = node.properties ?? {};
    if (ownId !== undefined && ownId !== node.id) throw new LoadInputError(`node ${node.id} has a property id ${JSON.stringify(ownId)} that differs from its id`);
    toDbProperties(properties, `node ${node.id}`); // refuse what Neo4j cannot store, before writing anything
    group.rows.push({ id: node.id, properties });
  }
  if (!labelsOf.get(report)?.includes('Report')) throw new LoadInputError(`the graph has no Report node ${report}`);

  const relGroups = new Map<string, RelGroup>();
  const sharedSeen = new Set<string>();
  graph.relationships.forEach((rel, i) => {
    const where = `relationship ${i} (${rel.type} ${rel.start} → ${rel.end})`;
    if (!TYPES.has(rel.type)) throw new LoadInputError(`${where}: type ${JSON.stringify(rel.type)} is not one MODEL.md knows`);
    const startLabel = labelsOf.get(rel.start)?.[0];
    const endLabel = labelsOf.get(rel.end)?.[0];
    if (!startLabel) throw new LoadInputError(`${where}: no node ${rel.start} in the graph`);
    if (!endLabel) throw new LoadInputError(`${where}: no node ${rel.end} in the graph`);
    toDbProperties(rel.properties ?? {}, where); // refuse what Neo4j cannot store, before writing anything
    const own = rel.properties?.report;
    if (own !== undefined && own !== report) throw new LoadInputError(`${where}: says it comes from ${String(own)}, but the graph is report ${report}`);
    const shared = own === undefined;
    if (shared) {
      const key = sharedKey(rel.type, rel.start, rel.end);
      if (sharedSeen.has(key)) throw new LoadInputError(`${where}: a second ${rel.type} between the same nodes without a report to tell them apart`);
      sharedSeen.add(key);
    }
    const groupKey = `${rel.type}:${startLabel}:${endLabel}:${shared}`;
    let group = relGroups.get(groupKey);
    if (!group) relGroups.set(groupKey, (group = { type: rel.type, startLabel, endLabel, shared, rows: [] }));
    group.rows.push({ start: rel.start, end: rel.end, properties: rel.properties ?? {} });
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
 * graph.json properties as Neo4j stores them: nulls left out (Neo4j has no null
 * property), whole numbers as integers, lists of one type without nulls.
 */
export function toDbProperties(properties: Record<string, PropertyValue>, where: string): DbProperties {
  const out: DbProperties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === '' || key.startsWith('_')) {
      throw new LoadInputError(`${where}: property name ${JSON.stringify(key)} is not allowed (names starting with _ are the loader's bookkeeping)`);
    }
    if (value === null || value === undefined) continue;
    out[key] = toDbValue(value, `${where}, property ${key}`);
  }
  return out;
}

function toDbValue(value: unknown, where: string): DbValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new LoadInputError(`${where}: ${value} is not a number Neo4j can store`);
    return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [] as string[];
    const kinds = new Set(value.map((v) => (v === null ? 'null' : typeof v)));
    if (kinds.size !== 1 || kinds.has('null') || kinds.has('object') || kinds.has('undefined')) {
      throw new LoadInputError(`${where}: a list must hold values of one type (string, number or boolean) and no nulls; got ${truncateGraphemes(JSON.stringify(value), 80)}`);
    }
    if (kinds.has('number')) {
      const numbers = value as number[];
      if (!numbers.every(Number.isFinite)) throw new LoadInputError(`${where}: a list holds a number Neo4j cannot store`);
      // A list is stored with one element type: all integers, or all floats.
      return numbers.every(Number.isSafeInteger) ? numbers.map((n) => neo4j.int(n)) : numbers;
    }
    return value as string[] | boolean[];
  }
  throw new LoadInputError(`${where}: ${truncateGraphemes(JSON.stringify(value), 80)} is not a scalar or a list of scalars`);
}

/** Values read back from Neo4j (integers as neo4j Integers) as plain JSON values. */
export function fromDbValue(value: unknown): PropertyValue {
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (Array.isArray(value)) return value.map((v) => fromDbValue(v) as string | number | boolean);
  return value as PropertyValue;
}

export function fromDbProperties(properties: Record<string, unknown>): Record<string, PropertyValue> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, fromDbValue(v)]));
}

/**
 * How what a report brings merges into what other reports already put in the
 * database — the rules of ingest's mergeGraphs, with a missing property counted
 * as null (Neo4j stores no nulls): the first report to bring a node or shared
 * relationship names it; a property it lacks is filled from the next; these lists
 * are united; these counts add up.
 */
export const MERGE_RULES = {
  unitedLists: { node: ['aliases', 'listedIn'], CO_OCCURS: ['paragraphs', 'reports'] } as Partial<Record<string, readonly string[]>>,
  addedCounts: { CO_OCCURS: ['count'] } as Partial<Record<string, readonly string[]>>,
};

/** Who contributed a node or shared relationship, in load order, and what each one said. */
export interface Contributions {
  reports: string[];
  byReport: Record<string, Properties>;
}

export const NO_CONTRIBUTIONS: Contributions = { reports: [], byReport: {} };

/** The contributions behind a node's or relationship's properties as Neo4j holds them. */
export function contributionsOf(db: Record<string, unknown>): Contributions {
  const reports = Array.isArray(db[REPORTS_KEY]) ? (db[REPORTS_KEY] as string[]) : [];
  if (typeof db[CONTRIB_KEY] === 'string') return { reports, byReport: parseContrib(db[CONTRIB_KEY], reports) };
  // One contributor: the properties are exactly what it brought.
  const own: Properties = {};
  for (const [k, v] of Object.entries(db)) if (!k.startsWith('_') && k !== 'id') own[k] = fromDbValue(v);
  return { reports, byReport: Object.fromEntries(reports.map((r) => [r, canonical(own)])) };
}

interface StoredContrib {
  sets: Properties[];
  of: number[];
}

/** `_contrib` as stored; also the first form (an object keyed by report) of databases loaded before. */
function parseContrib(text: string, reports: readonly string[]): Record<string, Properties> {
  const parsed = JSON.parse(text) as StoredContrib | Record<string, Properties>;
  if (!Array.isArray(parsed.sets) || !Array.isArray(parsed.of)) return parsed as Record<string, Properties>;
  const { sets, of } = parsed as StoredContrib;
  return Object.fromEntries(reports.map((r, i) => [r, sets[of[i]!] ?? {}]));
}

/** `_contrib` to store: each distinct set once, and which one each report (in `reports` order) said. */
function storedContrib(c: Contributions): string {
  const sets: Properties[] = [];
  const index = new Map<string, number>();
  const of = c.reports.map((r) => {
    const p = c.byReport[r] ?? {};
    const key = JSON.stringify(p); // canonical: keys sorted
    let i = index.get(key);
    if (i === undefined) {
      i = sets.push(p) - 1;
      index.set(key, i);
    }
    return i;
  });
  return JSON.stringify({ sets, of } satisfies StoredContrib);
}

/** A contribution as stored: keys sorted, nulls left out (a missing property counts as null), so equal means equal. */
function canonical(p: Properties): Properties {
  const out: Properties = {};
  for (const key of Object.keys(p).sort()) if (p[key] !== null && p[key] !== undefined) out[key] = p[key]!;
  return out;
}

/** `report`'s properties set: replaced where it was (its place in the order kept), else added last. */
export function withContribution(c: Contributions, report: string, properties: Properties): Contributions {
  return { reports: c.reports.includes(report) ? c.reports : [...c.reports, report], byReport: { ...c.byReport, [report]: canonical(properties) } };
}

export function withoutContribution(c: Contributions, report: string): Contributions {
  const { [report]: _dropped, ...byReport } = c.byReport;
  return { reports: c.reports.filter((r) => r !== report), byReport };
}

/** The properties: the contributions folded in load order by the rules for `kind` ('node' or a relationship type). */
export function foldContributions(kind: string, c: Contributions): Properties {
  const united = MERGE_RULES.unitedLists[kind] ?? [];
  const added = MERGE_RULES.addedCounts[kind] ?? [];
  let merged: Properties | undefined;
  for (const report of c.reports) {
    const p = c.byReport[report];
    if (!p) continue;
    if (!merged) {
      merged = { ...p };
      continue;
    }
    for (const key of added) merged[key] = Number(merged[key] ?? 0) + Number(p[key] ?? 0);
    for (const key of united) if (key in p || key in merged) merged[key] = unite(merged[key], p[key]);
    for (const [key, value] of Object.entries(p)) {
      if ((merged[key] === null || merged[key] === undefined) && value !== null) merged[key] = value;
    }
  }
  return merged ?? {};
}

function unite(a: PropertyValue | undefined, b: PropertyValue | undefined): PropertyValue {
  return [...new Set([...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])])];
}

/** What the loader writes (`SET x = …`): the fold and the bookkeeping (`_contrib` once two reports share it). */
export function dbPropertiesOf(kind: string, c: Contributions, where: string): DbProperties {
  const props: DbProperties = { ...toDbProperties(foldContributions(kind, c), where), [REPORTS_KEY]: c.reports };
  if (c.reports.length > 1) props[CONTRIB_KEY] = storedContrib(c);
  return props;
}

/** The identity of a shared relationship: one per (type, start, end). */
export function sharedKey(type: string, start: string, end: string): string {
  return JSON.stringify([type, start, end]);
}

/** Split rows into batches of at most `size`. */
export function batches<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
