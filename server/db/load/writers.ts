/**
 * The loader's writes of one batch, inside its transaction: nodes (merged with
 * what other reports put there), relationships of one report (created), and
 * relationships several reports may bring (merged like nodes). Ends are found by
 * the element ids the node writes return.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { NodeLabel, Properties, RelationshipType } from '../../contract/model.ts';
import { sharedRelationshipKey } from '../../ingest/mergeRules.ts';
import { NO_CONTRIBUTIONS, contributionsOf, dbPropertiesOf, withContributions, type Contributions } from './contributions.ts';
import type { Written } from './memory.ts';
import { toDbProperties } from './properties.ts';
import type { Pipeline } from './pipeline.ts';
import {
  RELATIONSHIP_ENDS,
  commonPrefix,
  count,
  createOwnRelationships,
  label,
  run,
  setNodesById,
  setRelationshipsByElementId,
  type Counters,
} from './statements.ts';

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
 * earlier transaction of this load wrote (updated without a read).
 */
export interface WriteMode<K> {
  others: boolean;
  create: boolean;
  known: ReadonlyMap<string, K>;
}

/** This load's contributions on top of what the database holds (`have`: NO_CONTRIBUTIONS for an empty database). */
export function folded(have: Contributions, item: Folded): Contributions {
  return withContributions(have, item.says);
}

/**
 * Nodes merge in TypeScript (contributions.ts): read what the batch's nodes hold
 * now (when another report is loaded), add this load's contributions, write the
 * fold. Nodes an earlier transaction of this load wrote (`mode.known`) are updated
 * from what it wrote, without a read, found through the label's id constraint.
 * The write is sent through `pipeline` (the next batch may be built and sent
 * before it has answered); records what it wrote in `written`, and each node's
 * element id in `elementIds` as the answer comes.
 */
export async function writeNodes(
  tx: ManagedTransaction,
  l: NodeLabel,
  rows: readonly NodeItem[],
  mode: WriteMode<Contributions>,
  written: Map<string, Contributions>,
  elementIds: Map<string, string>,
  c: Counters,
  pipeline: Pipeline,
  done: () => Promise<void>,
): Promise<void> {
  const known = mode.known.size === 0 ? [] : rows.filter((r) => mode.known.has(r.id));
  const fresh = known.length === 0 ? rows : rows.filter((r) => !mode.known.has(r.id));
  // Read first (another report is loaded): every statement sent below has its handler from the start.
  const have = new Map<string, Contributions>();
  if (fresh.length > 0 && mode.others) {
    const read = await run(tx, `UNWIND $ids AS id MATCH (n:${l} {id: id}) RETURN id, properties(n) AS props`, { ids: fresh.map((r) => r.id) });
    for (const r of read.records) have.set(String(r.get('id')), contributionsOf(r.get('props') as Record<string, unknown>));
  }
  const sends: Array<Promise<void>> = [];
  if (known.length > 0) {
    const update = known.map((r) => {
      const contributions = folded(mode.known.get(r.id)!, r);
      written.set(r.id, contributions);
      return { id: r.id, props: { ...dbPropertiesOf('node', contributions), id: r.id } };
    });
    sends.push(
      run(tx, setNodesById(l), { rows: update }).then((result) => {
        if (result.records.length !== update.length)
          throw new Error(`${l}: ${update.length - result.records.length} node(s) an earlier transaction of this load wrote are gone`);
        count(c, result);
        for (const r of result.records) elementIds.set(String(r.get('id')), String(r.get('eid')));
      }),
    );
  }
  if (fresh.length > 0) {
    const props = fresh.map((r) => {
      const contributions = folded(have.get(r.id) ?? NO_CONTRIBUTIONS, r);
      written.set(r.id, contributions);
      return { id: r.id, props: { ...dbPropertiesOf('node', contributions), id: r.id } };
    });
    const write = mode.create ? `CREATE (n:${l})` : `MERGE (n:${l} {id: row.id})`;
    sends.push(
      run(tx, `UNWIND $rows AS row ${write} SET n = row.props RETURN row.id AS id, elementId(n) AS eid`, { rows: props }).then((result) => {
        if (result.records.length !== props.length) throw new Error(`${l}: wrote ${result.records.length} of ${props.length} nodes`);
        count(c, result);
        for (const r of result.records) elementIds.set(String(r.get('id')), String(r.get('eid')));
      }),
    );
  }
  // A node of more than one label: the first is merged on, the others are added (rare; MODEL gives one).
  for (const extra of new Set(rows.flatMap((r) => r.labels.slice(1)))) {
    const ids = rows.filter((r) => r.labels.includes(extra)).map((r) => r.id);
    sends.push(run(tx, `UNWIND $ids AS id MATCH (n:${l} {id: id}) SET n:${label(extra)}`, { ids }).then((result) => count(c, result)));
  }
  await pipeline.add(Promise.all(sends).then(done));
}

/** A batch's relationship ends for RELATIONSHIP_ENDS: the element ids' common prefix once, and each row's rest. */
function endRows<T extends { start: string; end: string }>(
  rows: readonly T[],
  elementIds: ReadonlyMap<string, string>,
): { prefix: string; ends: Array<{ a: string; b: string }> } {
  const eids = rows.map((r) => {
    const [a, b] = [elementIds.get(r.start), elementIds.get(r.end)];
    if (a === undefined || b === undefined) throw new Error(`${r.start} → ${r.end}: an end node was not written`);
    return [a, b] as const;
  });
  const prefix = commonPrefix(eids.flat());
  return { prefix, ends: eids.map(([a, b]) => ({ a: a.slice(prefix.length), b: b.slice(prefix.length) })) };
}

/**
 * Relationships of one report, of type `t`: created (the report's old version was
 * taken out before), their ends by element id (`elementIds`, from the node
 * writes), through `pipeline`; fails the load unless every row created one.
 */
export async function writeOwnRelationships(
  tx: ManagedTransaction,
  t: RelationshipType,
  rows: readonly OwnRelItem[],
  elementIds: ReadonlyMap<string, string>,
  c: Counters,
  pipeline: Pipeline,
  done: () => Promise<void>,
): Promise<void> {
  const { prefix, ends } = endRows(rows, elementIds);
  const sent = rows.map((r, i) => ({ ...ends[i]!, props: toDbProperties(r.properties) }));
  // No RETURN: the counters say how many were created (a row whose end is missing creates none), and the
  // statement plans as the reference loader's does, without an aggregation over the batch.
  const work = run(tx, createOwnRelationships(t), { prefix, rows: sent }).then((result) => {
    const created = result.summary.counters.updates().relationshipsCreated;
    if (created !== rows.length) throw new Error(`wrote ${created} of ${rows.length} relationships (${t})`);
    count(c, result);
  });
  await pipeline.add(work.then(done));
}

/**
 * Shared relationships (one per type and ends) fold across reports as nodes do;
 * those an earlier transaction of this load wrote (`mode.known`, by
 * sharedRelationshipKey) are updated by element id. Written through `pipeline`;
 * records what it wrote in `written` as the answers come.
 */
export async function writeSharedRelationships(
  tx: ManagedTransaction,
  t: RelationshipType,
  rows: readonly SharedRelItem[],
  mode: WriteMode<Written>,
  elementIds: ReadonlyMap<string, string>,
  written: Map<string, Written>,
  c: Counters,
  pipeline: Pipeline,
  done: () => Promise<void>,
): Promise<void> {
  const keyOf = (r: SharedRelItem): string => sharedRelationshipKey(r.type, r.start, r.end);
  const known = mode.known.size === 0 ? [] : rows.filter((r) => mode.known.has(keyOf(r)));
  const fresh = known.length === 0 ? rows : rows.filter((r) => !mode.known.has(keyOf(r)));
  const { prefix, ends } = endRows(fresh, elementIds);
  const keys = fresh.map((_, i) => ({ i, ...ends[i]! }));
  // Read first (another report is loaded): every statement sent below has its handler from the start.
  const have = new Map<number, Contributions>();
  if (fresh.length > 0 && mode.others) {
    const read = await run(tx, `${RELATIONSHIP_ENDS} MATCH (a)-[r:${t}]->(b) RETURN row.i AS i, properties(r) AS props`, { prefix, rows: keys });
    for (const r of read.records) have.set(Number(r.get('i')), contributionsOf(r.get('props') as Record<string, unknown>));
  }
  const sends: Array<Promise<void>> = [];
  if (known.length > 0) {
    const update = known.map((r) => {
      const before = mode.known.get(keyOf(r))!;
      const contributions = folded(before.contributions, r);
      written.set(keyOf(r), { eid: before.eid, contributions });
      return { eid: before.eid, props: dbPropertiesOf(t, contributions) };
    });
    sends.push(
      run(tx, setRelationshipsByElementId(t), { rows: update }).then((result) => {
        checkWritten(result, update.length, t);
        count(c, result);
      }),
    );
  }
  if (fresh.length > 0) {
    const contributions = fresh.map((r, i) => folded(have.get(i) ?? NO_CONTRIBUTIONS, r));
    const props = fresh.map((_, i) => ({ ...keys[i]!, props: dbPropertiesOf(t, contributions[i]!) }));
    const write = mode.create ? `CREATE (a)-[r:${t}]->(b)` : `MERGE (a)-[r:${t}]->(b)`;
    sends.push(
      run(tx, `${RELATIONSHIP_ENDS} ${write} SET r = row.props RETURN row.i AS i, elementId(r) AS eid`, { prefix, rows: props }).then((result) => {
        if (result.records.length !== fresh.length) throw new Error(`wrote ${result.records.length} of ${fresh.length} relationships (${t})`);
        count(c, result);
        for (const r of result.records) {
          const i = Number(r.get('i'));
          written.set(keyOf(fresh[i]!), { eid: String(r.get('eid')), contributions: contributions[i]! });
        }
      }),
    );
  }
  await pipeline.add(Promise.all(sends).then(done));
}

function checkWritten(result: QueryResult, expected: number, what: string): void {
  const n = Number(result.records[0]?.get('n') ?? 0);
  if (n !== expected) throw new Error(`wrote ${n} of ${expected} relationships (${what})`);
}
