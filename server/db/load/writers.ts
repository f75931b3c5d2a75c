/**
 * The loader's writes of one batch, inside its transaction: nodes (merged with
 * what other reports put there), relationships of one report (created), and
 * relationships several reports may bring (merged like nodes). Ends are found by
 * the element ids the node writes return.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { NodeLabel, Properties, RelationshipType } from '../../contract/model.ts';
import { sharedRelationshipKey } from '../../ingest/mergeRules.ts';
import { NO_CONTRIBUTIONS, REPORTS_KEY, contributionsOf, dbPropertiesOf, withContributions, type Contributions } from './contributions.ts';
import type { Written } from './memory.ts';
import { toDbProperties } from './properties.ts';
import { SET_NODES_BY_ELEMENT_ID, count, label, run, setRelationshipsByElementId, type Counters } from './statements.ts';

/** A node or shared relationship of this load: what each report (in load order) says of it. */
export interface Folded {
  says: Array<[report: string, properties: Properties]>;
}
export interface NodeItem extends Folded {
  id: string;
  labels: NodeLabel[];
}
export interface SharedRelItem extends Folded {
  type: RelationshipType;
  start: string;
  end: string;
}
export interface OwnRelItem {
  type: RelationshipType;
  start: string;
  end: string;
  report: string;
  properties: Properties;
}

/**
 * How a write finds what is there: `others` when another report is loaded (read
 * before writing), `create` when nothing of the label or type is; `known`, what an
 * earlier transaction of this load wrote (updated by element id, not read).
 */
export interface WriteMode {
  others: boolean;
  create: boolean;
  known: ReadonlyMap<string, Written>;
}

const ENDS = 'UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b';

/** This load's contributions on top of what the database holds (`have`: NO_CONTRIBUTIONS for an empty database). */
export function folded(have: Contributions, item: Folded): Contributions {
  return withContributions(have, item.says);
}

/**
 * Nodes merge in TypeScript (contributions.ts): read what the batch's nodes hold
 * now (when another report is loaded), add this load's contributions, write the
 * fold. Nodes an earlier transaction of this load wrote (`mode.known`) are updated
 * by element id from what it wrote, without a read. Records each node's element id
 * in `elementIds`, and what it wrote in `written`.
 */
export async function writeNodes(
  tx: ManagedTransaction,
  l: NodeLabel,
  rows: readonly NodeItem[],
  mode: WriteMode,
  elementIds: Map<string, string>,
  written: Map<string, Written>,
  c: Counters,
): Promise<void> {
  const known = mode.known.size === 0 ? [] : rows.filter((r) => mode.known.has(r.id));
  const fresh = known.length === 0 ? rows : rows.filter((r) => !mode.known.has(r.id));
  if (known.length > 0) {
    const update = known.map((r) => {
      const before = mode.known.get(r.id)!;
      const contributions = folded(before.contributions, r);
      written.set(r.id, { eid: before.eid, contributions });
      elementIds.set(r.id, before.eid);
      return { eid: before.eid, props: { ...dbPropertiesOf('node', contributions), id: r.id } };
    });
    const result = await run(tx, SET_NODES_BY_ELEMENT_ID, { rows: update });
    const n = Number(result.records[0]?.get('n') ?? 0);
    if (n !== update.length) throw new Error(`${l}: ${update.length - n} node(s) an earlier transaction of this load wrote are gone`);
    count(c, result);
  }
  if (fresh.length > 0) {
    const have = new Map<string, Contributions>();
    if (mode.others) {
      const read = await run(tx, `UNWIND $ids AS id MATCH (n:${l} {id: id}) RETURN id, properties(n) AS props`, { ids: fresh.map((r) => r.id) });
      for (const r of read.records) have.set(String(r.get('id')), contributionsOf(r.get('props') as Record<string, unknown>));
    }
    const contributions = new Map(fresh.map((r) => [r.id, folded(have.get(r.id) ?? NO_CONTRIBUTIONS, r)]));
    const props = fresh.map((r) => ({ id: r.id, props: { ...dbPropertiesOf('node', contributions.get(r.id)!), id: r.id } }));
    const write = mode.create ? `CREATE (n:${l})` : `MERGE (n:${l} {id: row.id})`;
    const result = await run(tx, `UNWIND $rows AS row ${write} SET n = row.props RETURN row.id AS id, elementId(n) AS eid`, { rows: props });
    count(c, result);
    for (const r of result.records) {
      const id = String(r.get('id'));
      const eid = String(r.get('eid'));
      elementIds.set(id, eid);
      written.set(id, { eid, contributions: contributions.get(id)! });
    }
  }
  // A node of more than one label: the first is merged on, the others are added (rare; MODEL gives one).
  for (const extra of new Set(rows.flatMap((r) => r.labels.slice(1)))) {
    const eids = rows.filter((r) => r.labels.includes(extra)).map((r) => elementIds.get(r.id));
    count(c, await run(tx, `UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid SET n:${label(extra)}`, { eids }));
  }
}

/** Element ids of a relationship's ends, written earlier in this transaction. */
function ends(r: { type: string; start: string; end: string }, elementIds: Map<string, string>): { a: string; b: string } {
  const [a, b] = [elementIds.get(r.start), elementIds.get(r.end)];
  if (!a || !b) throw new Error(`${r.type} ${r.start} → ${r.end}: an end node was not written`);
  return { a, b };
}

/** Relationships of one report: created (the report's old version was taken out before). */
export async function writeOwnRelationships(
  tx: ManagedTransaction,
  t: RelationshipType,
  rows: readonly OwnRelItem[],
  elementIds: Map<string, string>,
  c: Counters,
): Promise<void> {
  const written = rows.map((r) => ({ ...ends(r, elementIds), props: { ...toDbProperties(r.properties), [REPORTS_KEY]: [r.report] } }));
  // No RETURN: the counters say how many were created (a row whose end is gone creates none), and the
  // statement plans as the reference loader's does, without an aggregation over the batch.
  const result = await run(tx, `${ENDS} CREATE (a)-[r:${t}]->(b) SET r = row.props`, { rows: written });
  const created = result.summary.counters.updates().relationshipsCreated;
  if (created !== rows.length) throw new Error(`wrote ${created} of ${rows.length} relationships (${t})`);
  count(c, result);
}

/**
 * Shared relationships (one per type and ends) fold across reports as nodes do;
 * those an earlier transaction of this load wrote (`mode.known`, by
 * sharedRelationshipKey) are updated by element id. Records what it wrote in `written`.
 */
export async function writeSharedRelationships(
  tx: ManagedTransaction,
  t: RelationshipType,
  rows: readonly SharedRelItem[],
  mode: WriteMode,
  elementIds: Map<string, string>,
  written: Map<string, Written>,
  c: Counters,
): Promise<void> {
  const keyOf = (r: SharedRelItem): string => sharedRelationshipKey(r.type, r.start, r.end);
  const known = mode.known.size === 0 ? [] : rows.filter((r) => mode.known.has(keyOf(r)));
  const fresh = known.length === 0 ? rows : rows.filter((r) => !mode.known.has(keyOf(r)));
  if (known.length > 0) {
    const update = known.map((r) => {
      const before = mode.known.get(keyOf(r))!;
      const contributions = folded(before.contributions, r);
      written.set(keyOf(r), { eid: before.eid, contributions });
      return { eid: before.eid, props: dbPropertiesOf(t, contributions) };
    });
    const result = await run(tx, setRelationshipsByElementId(t), { rows: update });
    checkWritten(result, update.length, t);
    count(c, result);
  }
  if (fresh.length === 0) return;
  const keys = fresh.map((r, i) => ({ i, ...ends(r, elementIds) }));
  const have = new Map<number, Contributions>();
  if (mode.others) {
    const read = await run(tx, `${ENDS} MATCH (a)-[r:${t}]->(b) RETURN row.i AS i, properties(r) AS props`, { rows: keys });
    for (const r of read.records) have.set(Number(r.get('i')), contributionsOf(r.get('props') as Record<string, unknown>));
  }
  const contributions = fresh.map((r, i) => folded(have.get(i) ?? NO_CONTRIBUTIONS, r));
  const props = fresh.map((_, i) => ({ ...keys[i]!, props: dbPropertiesOf(t, contributions[i]!) }));
  const write = mode.create ? `CREATE (a)-[r:${t}]->(b)` : `MERGE (a)-[r:${t}]->(b)`;
  const result = await run(tx, `${ENDS} ${write} SET r = row.props RETURN row.i AS i, elementId(r) AS eid`, { rows: props });
  if (result.records.length !== fresh.length) throw new Error(`wrote ${result.records.length} of ${fresh.length} relationships (${t})`);
  count(c, result);
  for (const r of result.records) {
    const i = Number(r.get('i'));
    written.set(keyOf(fresh[i]!), { eid: String(r.get('eid')), contributions: contributions[i]! });
  }
}

function checkWritten(result: QueryResult, expected: number, what: string): void {
  const n = Number(result.records[0]?.get('n') ?? 0);
  if (n !== expected) throw new Error(`wrote ${n} of ${expected} relationships (${what})`);
}
