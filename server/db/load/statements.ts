/**
 * How the loader runs Cypher inside its write transaction: with `replan=skip`,
 * labels and types spliced into the text only from MODEL's fixed lists (every
 * value travels as a parameter), and what each statement changed counted.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../contract/model.ts';
import { REPORTS_KEY } from './contributions.ts';

/**
 * Run one statement with `replan=skip`: a loader query's plan (constraint-index
 * MERGE, element-id seeks, whole-graph scans) does not depend on how many nodes
 * there are, and re-planning each query because the first load changed the
 * statistics would double the cost of the next load. Schema changes still clear
 * the cache.
 */
export function run(tx: ManagedTransaction, cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
  return tx.run(`CYPHER replan=skip ${cypher}`, params);
}

/** What a load or removal changed in the database. */
export interface Counters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export function newCounters(): Counters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
}

/** Add what a statement changed to `c`. */
export function count(c: Counters, result: QueryResult): void {
  const u = result.summary.counters.updates();
  c.nodesCreated += u.nodesCreated;
  c.nodesDeleted += u.nodesDeleted;
  c.relationshipsCreated += u.relationshipsCreated;
  c.relationshipsDeleted += u.relationshipsDeleted;
  c.propertiesSet += u.propertiesSet;
}

/** How many nodes or relationships match `pattern`, as `n`: a count-store look-up for `(:L)` or `()-[:T]->()`. */
export function countStatement(pattern: string): string {
  return `MATCH ${pattern} RETURN count(*) AS n`;
}

/** Whether any node or relationship matches the pattern (a count-store look-up for one label or type). */
export async function holdsAny(tx: ManagedTransaction, pattern: string): Promise<boolean> {
  const result = await run(tx, countStatement(pattern));
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}

/**
 * `UNWIND $rows AS row` ({eid, props}) setting each node's properties to `row.props`,
 * the node found by its element id (a NodeByElementIdSeek). Gives `count(n) AS n`,
 * the nodes found.
 */
export const SET_NODES_BY_ELEMENT_ID = 'UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n = row.props RETURN count(n) AS n';

/**
 * The same for relationships of type `t`, found by element id. The type must be in
 * the pattern: Neo4j 5 plans `MATCH ()-[r]->() WHERE elementId(r) = …` without a
 * type as a scan of every relationship per row (quadratic in the database for a
 * batch), and `()-[r:T]->()` as a DirectedRelationshipByElementIdSeek.
 */
export function setRelationshipsByElementId(t: RelationshipType): string {
  return `UNWIND $rows AS row MATCH ()-[r:${relType(t)}]->() WHERE elementId(r) = row.eid SET r = row.props RETURN count(r) AS n`;
}

/**
 * `UNWIND $rows AS row` ({id, props}) setting each node of label `l` to `row.props`, the
 * node found through the label's id constraint (a NodeUniqueIndexSeek). Gives
 * each node found as `id`, `eid` (its element id).
 */
export function setNodesById(l: NodeLabel): string {
  return `UNWIND $rows AS row MATCH (n:${label(l)} {id: row.id}) SET n = row.props RETURN row.id AS id, elementId(n) AS eid`;
}

/**
 * `UNWIND $rows AS row` ({a, b, …}) with each relationship's ends as `a` and `b`,
 * found by element id (a NodeByElementIdSeek each, cheaper for Neo4j than an index
 * seek): an end's element id is `$prefix + row.a`. The prefix is what every element
 * id of the batch begins with (`commonPrefix`), sent once: the rows carry only the
 * rest, a few characters, where whole element ids are twice as long as the ids.
 */
export const RELATIONSHIP_ENDS = 'UNWIND $rows AS row MATCH (a) WHERE elementId(a) = $prefix + row.a MATCH (b) WHERE elementId(b) = $prefix + row.b';

/**
 * Create one report's relationships of type `t` ({a, b, props}, ends as in
 * RELATIONSHIP_ENDS): `_reports` is `[row.props.report]`, the report a relationship of
 * one report names (plan.ts checks it is the report loaded), set in the statement
 * rather than sent with every row.
 */
export function createOwnRelationships(t: RelationshipType): string {
  return `${RELATIONSHIP_ENDS} CREATE (a)-[r:${relType(t)}]->(b) SET r = row.props, r.${REPORTS_KEY} = [row.props.report]`;
}

/** The longest string every one of `strings` begins with ('' for none). Opaque to what the strings are. */
export function commonPrefix(strings: Iterable<string>): string {
  let prefix: string | undefined;
  for (const s of strings) {
    if (prefix === undefined) prefix = s;
    else if (!s.startsWith(prefix)) {
      let n = 0;
      while (n < prefix.length && n < s.length && prefix.charCodeAt(n) === s.charCodeAt(n)) n++;
      prefix = prefix.slice(0, n);
    }
    if (prefix === '') break;
  }
  return prefix ?? '';
}

/** A label of MODEL's list (and only such a label) for Cypher text; throws otherwise. */
export function label(l: string): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(l)) throw new Error(`not a MODEL label: ${l}`);
  return l as NodeLabel;
}

/** A relationship type of MODEL's list (and only such a type) for Cypher text; throws otherwise. */
export function relType(t: string): RelationshipType {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(t)) throw new Error(`not a MODEL relationship type: ${t}`);
  return t as RelationshipType;
}
