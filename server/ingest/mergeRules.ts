/**
 * The one home of two rules of the graph model, for everything that puts graphs
 * together: ingest (GraphBuilder within a report, mergeGraphs across reports) and
 * the loader (what a report brings, folded into what other reports already put
 * in Neo4j: server/db/load/contributions.ts).
 *
 * Identity. A node is its `id`. A relationship drawn from one report's text
 * carries that report (`report`) and is the same fact as another when type, ends,
 * report, paragraph, unit, role and kind agree; a relationship without `report`
 * (IN_REPORT, SUPPLEMENTS, CO_OCCURS) may be brought by several reports and is
 * one per type and ends (docs/MODEL.md § Relationships).
 *
 * Merging. When two reports (or two passes) bring the same node or relationship,
 * the first names it; a property it lacks or holds as null is filled from the
 * next (Neo4j stores no nulls, so missing and null are one); the lists below are
 * united (first order kept, duplicates dropped); the counts below add up.
 */
import type { GraphRelationship, Properties, PropertyValue } from '../contract/model.ts';

/** The properties that, with type and ends, tell two facts of one report apart. */
const FACT_KEYS = ['report', 'paragraph', 'unit', 'role', 'kind'] as const;

/** A relationship without a `report` property: one that several reports may bring (one per type and ends). */
export function isShared(rel: Pick<GraphRelationship, 'properties'>): boolean {
  return rel.properties.report === undefined;
}

/** The identity of a shared relationship: its type and ends. */
export function sharedRelationshipKey(type: string, start: string, end: string): string {
  return JSON.stringify([type, start, end]);
}

/** The identity of a relationship (see the module comment): equal keys, same relationship. */
export function relationshipKey(rel: Pick<GraphRelationship, 'type' | 'start' | 'end' | 'properties'>): string {
  if (isShared(rel)) return sharedRelationshipKey(rel.type, rel.start, rel.end);
  return JSON.stringify([rel.type, rel.start, rel.end, ...FACT_KEYS.map((key) => rel.properties[key] ?? null)]);
}

/** What merges how, by kind: `node`, or a relationship type. */
export const MERGE_RULES: {
  unitedLists: Readonly<Partial<Record<string, readonly string[]>>>;
  addedCounts: Readonly<Partial<Record<string, readonly string[]>>>;
} = {
  unitedLists: { node: ['aliases', 'listedIn'], CO_OCCURS: ['paragraphs', 'reports'] },
  addedCounts: { CO_OCCURS: ['count'] },
};

/** The kind whose rules apply: `node` for a node, the type for a relationship. */
export type MergeKind = 'node' | GraphRelationship['type'];

/**
 * `first` with `next` merged in by the rules for `kind` (see the module comment);
 * a new object, neither argument changed. Keys keep `first`'s order, new ones follow.
 */
export function mergeProperties(kind: MergeKind | string, first: Properties, next: Properties): Properties {
  const merged: Properties = { ...first };
  for (const key of MERGE_RULES.addedCounts[kind] ?? []) merged[key] = Number(merged[key] ?? 0) + Number(next[key] ?? 0);
  for (const key of MERGE_RULES.unitedLists[kind] ?? []) if (key in next || key in merged) merged[key] = unite(merged[key], next[key]);
  for (const [key, value] of Object.entries(next)) {
    if ((merged[key] === null || merged[key] === undefined) && value !== null) merged[key] = value;
  }
  return merged;
}

function unite(a: PropertyValue | undefined, b: PropertyValue | undefined): PropertyValue {
  return [...new Set([...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])])];
}
