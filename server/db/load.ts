/**
 * The loader: a report's graph.json into Neo4j, all or nothing, replacing the
 * report's previous version.
 *
 * One write transaction per report:
 *   1. take the report's old contribution out: what only it brought is deleted;
 *      what other reports share is recomputed from their contributions (load-plan.ts);
 *   2. MERGE the nodes, label by label, in batches (`UNWIND $rows … MERGE`);
 *   3. write the relationships, type by type (and by end labels, so that both
 *      ends are found through the id constraints' indexes), in batches: CREATE for
 *      those carrying their report (deleted in step 1), MERGE for shared ones.
 * If anything fails, the transaction rolls back and the database is as it was.
 *
 * Labels and types are spliced into the Cypher text only from MODEL's fixed lists
 * (checked in load-plan.ts); every value travels as a parameter.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { GraphJson, NodeLabel, RelationshipType } from '../model.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../model.ts';
import {
  NO_CONTRIBUTIONS,
  REPORTS_KEY,
  batches,
  contributionsOf,
  dbPropertiesOf,
  planLoad,
  sharedKey,
  toDbProperties,
  withContribution,
  withoutContribution,
  type Contributions,
  type LoadPlan,
  type NodeGroup,
  type RelGroup,
} from './load-plan.ts';
import { applySchema } from './schema.ts';

export { LoadInputError, REPORTS_KEY } from './load-plan.ts';

const R = REPORTS_KEY;

/**
 * Every loader query runs with `replan=skip`: its plan (constraint-index MERGE,
 * element-id seeks, whole-graph scans) does not depend on how many nodes there
 * are, and re-planning each query because the first load changed the statistics
 * would double the cost of the next load. Schema changes still clear the cache.
 */
function run(tx: ManagedTransaction, cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
  return tx.run(`CYPHER replan=skip ${cypher}`, params);
}

export interface BatchInfo {
  report: string;
  phase: 'remove' | 'nodes' | 'relationships';
  /** The label or relationship type the batch wrote. */
  what: string;
  /** 1-based number of this batch within the load. */
  index: number;
  rows: number;
}

export interface LoadProgress {
  report: string;
  phase: 'remove' | 'nodes' | 'relationships';
  /** Rows written so far in this phase, and how many it has. */
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Default: the server's default database. */
  database?: string;
  /** Rows per `UNWIND` (default 1000). */
  batchSize?: number;
  /** Apply cypher/schema.cypher first (default true; loadReports applies it once). */
  schema?: boolean;
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Called inside the transaction after each batch. Throwing (or a failing query on
   * `tx`) aborts the load and rolls everything back; the tests fail a load partway so.
   */
  afterBatch?: (batch: BatchInfo, tx: ManagedTransaction) => Promise<void> | void;
}

export interface LoadSummary {
  report: string;
  /** What the graph holds. */
  nodes: number;
  relationships: number;
  /** What the database did (a reload deletes the old version and creates the new). */
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  /** The report was in the database before. */
  replaced: boolean;
  ms: number;
}

/** Load one report's graph (see the module comment). */
export async function loadReport(driver: Driver, graph: GraphJson, options: LoadOptions = {}): Promise<LoadSummary> {
  const plan = planLoad(graph);
  if (options.schema !== false) await applySchema(driver, options.database ? { database: options.database } : {});
  const started = performance.now();
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE, ...(options.database ? { database: options.database } : {}) });
  try {
    const counters = await session.executeWrite((tx) => writePlan(tx, plan, options), { metadata: { app: 'congress-graph', op: 'load', report: plan.report } });
    return { report: plan.report, nodes: plan.nodeCount, relationships: plan.relationshipCount, ...counters, ms: Math.round(performance.now() - started) };
  } finally {
    await session.close();
  }
}

/** Load several reports, each in its own transaction, the schema applied once. */
export async function loadReports(driver: Driver, graphs: readonly GraphJson[], options: LoadOptions = {}): Promise<LoadSummary[]> {
  for (const g of graphs) planLoad(g); // refuse bad input before writing anything
  if (options.schema !== false) await applySchema(driver, options.database ? { database: options.database } : {});
  const summaries: LoadSummary[] = [];
  for (const g of graphs) summaries.push(await loadReport(driver, g, { ...options, schema: false }));
  return summaries;
}

/** Take a report out of the database: what only it brought goes, shared things stay. */
export async function unloadReport(driver: Driver, report: string, options: Pick<LoadOptions, 'database'> = {}): Promise<Omit<LoadSummary, 'nodes' | 'relationships'>> {
  const started = performance.now();
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE, ...(options.database ? { database: options.database } : {}) });
  try {
    const counters = await session.executeWrite(async (tx) => {
      const c = newCounters();
      await removeReport(tx, report, { nodeIds: new Set(), sharedRelKeys: new Set() }, c, { report, batchIndex: 0 }, {});
      return c;
    });
    return { report, ...counters, ms: Math.round(performance.now() - started) };
  } finally {
    await session.close();
  }
}

/** The reports the database holds (ids of Report nodes the loader wrote). */
export async function loadedReports(driver: Driver, options: Pick<LoadOptions, 'database'> = {}): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (r:Report) WHERE r.${REPORTS_KEY} IS NOT NULL RETURN r.id AS id ORDER BY id`,
    {},
    { routing: neo4j.routing.READ, ...(options.database ? { database: options.database } : {}) },
  );
  return records.map((r) => String(r.get('id')));
}

type Counters = Pick<LoadSummary, 'nodesCreated' | 'nodesDeleted' | 'relationshipsCreated' | 'relationshipsDeleted' | 'propertiesSet' | 'replaced'>;

function newCounters(): Counters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, replaced: false };
}

function count(c: Counters, result: QueryResult): void {
  const u = result.summary.counters.updates();
  c.nodesCreated += u.nodesCreated;
  c.nodesDeleted += u.nodesDeleted;
  c.relationshipsCreated += u.relationshipsCreated;
  c.relationshipsDeleted += u.relationshipsDeleted;
  c.propertiesSet += u.propertiesSet;
}

interface Cursor {
  report: string;
  batchIndex: number;
}

async function afterBatch(tx: ManagedTransaction, cursor: Cursor, options: LoadOptions, phase: BatchInfo['phase'], what: string, rows: number): Promise<void> {
  cursor.batchIndex += 1;
  await options.afterBatch?.({ report: cursor.report, phase, what, index: cursor.batchIndex, rows }, tx);
}

async function writePlan(tx: ManagedTransaction, plan: LoadPlan, options: LoadOptions): Promise<Counters> {
  const c = newCounters();
  const cursor: Cursor = { report: plan.report, batchIndex: 0 };
  const size = options.batchSize ?? 1000;

  const before = await run(tx, `MATCH (r:Report {id: $report}) WHERE r.${R} IS NOT NULL RETURN count(r) AS n`, { report: plan.report });
  c.replaced = Number(before.records[0]?.get('n') ?? 0) > 0;
  // Even without its Report node, any trace of the report (from a load by other means) is taken out.
  await removeReport(tx, plan.report, plan, c, cursor, options);
  if (c.replaced) options.onProgress?.({ report: plan.report, phase: 'remove', done: 1, total: 1 });
  // With no other report in the database there is nothing to merge with: no need to read before writing.
  const others = (await run(tx, `MATCH (n) WHERE n.${R} IS NOT NULL RETURN n.id LIMIT 1`)).records.length > 0;

  // Rows stay grouped by label and by type (so are the batches, in that order); each
  // query handles every label or type through one static branch per label or type,
  // so a load compiles a handful of queries, not one per label and type.
  const elementIds = new Map<string, string>();
  const nodeRows = plan.nodeGroups.flatMap((g) => g.rows.map((r) => ({ ...r, labels: g.labels })));
  let done = 0;
  for (const rows of batches(nodeRows, size)) {
    await writeNodes(tx, plan.report, rows, others, elementIds, c);
    await afterBatch(tx, cursor, options, 'nodes', distinct(rows.map((r) => r.labels[0]!)), rows.length);
    done += rows.length;
    options.onProgress?.({ report: plan.report, phase: 'nodes', done, total: plan.nodeCount });
  }
  done = 0;
  for (const shared of [false, true]) {
    const relRows = plan.relGroups.filter((g) => g.shared === shared).flatMap((g) => g.rows.map((r) => ({ ...r, type: g.type })));
    for (const rows of batches(relRows, size)) {
      await writeRelationships(tx, plan.report, rows, shared, others, elementIds, c);
      await afterBatch(tx, cursor, options, 'relationships', distinct(rows.map((r) => r.type)), rows.length);
      done += rows.length;
      options.onProgress?.({ report: plan.report, phase: 'relationships', done, total: plan.relationshipCount });
    }
  }
  return c;
}

function distinct(names: string[]): string {
  return [...new Set(names)].join(',');
}

/** A label of MODEL's list (and only such a label) for Cypher text. */
function label(l: string): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(l)) throw new Error(`not a MODEL label: ${l}`);
  return l as NodeLabel;
}
function relType(t: string): RelationshipType {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(t)) throw new Error(`not a MODEL relationship type: ${t}`);
  return t as RelationshipType;
}

/** `UNION ALL` branches of a CALL subquery over `row`, one per label or type of MODEL's fixed lists. */
function branches(names: readonly string[], key: 'label' | 'type', scope: string, body: (name: string) => string): string {
  return names.map((name) => `WITH ${scope} WHERE row.${key} = '${name}' ${body(name)}`).join(' UNION ALL ');
}

const READ_NODES = `UNWIND $rows AS row CALL (row) { ${branches(NODE_LABELS, 'label', 'row', (l) => `MATCH (n:${l} {id: row.id}) RETURN n`)} }
RETURN row.id AS id, properties(n) AS props`;
const MERGE_NODES = `UNWIND $rows AS row CALL (row) { ${branches(NODE_LABELS, 'label', 'row', (l) => `MERGE (n:${l} {id: row.id}) RETURN n`)} }
SET n = row.props RETURN row.id AS id, elementId(n) AS eid`;
const ENDS = 'UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b';
const CREATE_RELATIONSHIPS = `${ENDS} CALL (row, a, b) { ${branches(RELATIONSHIP_TYPES, 'type', 'row, a, b', (t) => `CREATE (a)-[r:${t}]->(b) RETURN r`)} }
SET r = row.props RETURN count(r) AS n`;
const READ_SHARED = `${ENDS} MATCH (a)-[r]->(b) WHERE type(r) = row.type RETURN row.i AS i, properties(r) AS props`;
const MERGE_SHARED = `${ENDS} CALL (row, a, b) { ${branches(RELATIONSHIP_TYPES, 'type', 'row, a, b', (t) => `MERGE (a)-[r:${t}]->(b) RETURN r`)} }
SET r = row.props RETURN count(r) AS n`;

/**
 * Nodes and shared relationships merge in TypeScript (load-plan.ts): read what
 * the batch's items hold now (when another report is loaded), set this report's
 * contribution, write the fold.
 */
async function writeNodes(
  tx: ManagedTransaction,
  report: string,
  rows: Array<NodeGroup['rows'][number] & { labels: NodeLabel[] }>,
  others: boolean,
  elementIds: Map<string, string>,
  c: Counters,
): Promise<void> {
  const keys = rows.map((r) => ({ id: r.id, label: label(r.labels[0]!) }));
  const have = new Map<string, Contributions>();
  if (others) {
    for (const r of (await run(tx, READ_NODES, { rows: keys })).records) have.set(String(r.get('id')), contributionsOf(r.get('props') as Record<string, unknown>));
  }
  const written = rows.map((r, i) => ({
    ...keys[i]!,
    props: { ...dbPropertiesOf('node', withContribution(have.get(r.id) ?? NO_CONTRIBUTIONS, report, r.properties), `node ${r.id}`), id: r.id },
  }));
  const result = await run(tx, MERGE_NODES, { rows: written });
  count(c, result);
  for (const r of result.records) elementIds.set(String(r.get('id')), String(r.get('eid')));
  // A node of more than one label: the first is merged on, the others are added (rare; MODEL gives one).
  for (const extra of distinct(rows.flatMap((r) => r.labels.slice(1))).split(',').filter(Boolean)) {
    const eids = rows.filter((r) => r.labels.slice(1).includes(extra as NodeLabel)).map((r) => elementIds.get(r.id));
    count(c, await run(tx, `UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid SET n:${label(extra)}`, { eids }));
  }
}

async function writeRelationships(
  tx: ManagedTransaction,
  report: string,
  rows: Array<RelGroup['rows'][number] & { type: RelationshipType }>,
  shared: boolean,
  others: boolean,
  elementIds: Map<string, string>,
  c: Counters,
): Promise<void> {
  const keys = rows.map((r, i) => {
    const [a, b] = [elementIds.get(r.start), elementIds.get(r.end)];
    // Every end is a node of the graph, written in this transaction.
    if (!a || !b) throw new Error(`${r.type} ${r.start} → ${r.end}: an end node was not written`);
    return { i, type: relType(r.type), a, b };
  });
  let result: QueryResult;
  if (shared) {
    const have = new Map<number, Contributions>();
    if (others) {
      for (const r of (await run(tx, READ_SHARED, { rows: keys })).records) have.set(Number(r.get('i')), contributionsOf(r.get('props') as Record<string, unknown>));
    }
    const written = rows.map((r, i) => ({
      ...keys[i]!,
      props: dbPropertiesOf(r.type, withContribution(have.get(i) ?? NO_CONTRIBUTIONS, report, r.properties), `${r.type} ${r.start} → ${r.end}`),
    }));
    result = await run(tx, MERGE_SHARED, { rows: written });
  } else {
    const written = rows.map((r, i) => ({ ...keys[i]!, props: { ...toDbProperties(r.properties, `${r.type} ${r.start} → ${r.end}`), [R]: [report] } }));
    result = await run(tx, CREATE_RELATIONSHIPS, { rows: written });
  }
  const n = Number(result.records[0]?.get('n') ?? 0);
  if (n !== rows.length) throw new Error(`wrote ${n} of ${rows.length} relationships (${distinct(rows.map((r) => r.type))})`);
  count(c, result);
}

/**
 * Take `report`'s contribution out: relationships and nodes only it brought are
 * deleted; shared ones are recomputed from the other reports' contributions.
 * Shared items the report's new version has again (`keep`) are left for the write,
 * which replaces the report's contribution in place: its place in the order, and
 * so which report names a shared entity, stays.
 * Whole-graph scans in a handful of queries: round trips, not rows, cost here.
 */
async function removeReport(tx: ManagedTransaction, report: string, keep: Pick<LoadPlan, 'nodeIds' | 'sharedRelKeys'>, c: Counters, cursor: Cursor, options: LoadOptions): Promise<void> {
  count(c, await run(tx, `MATCH ()-[r]->() WHERE r.${R} = [$report] DELETE r`, { report }));
  await afterBatch(tx, cursor, options, 'remove', 'relationships', 0);

  const rels = await run(tx, 
    `MATCH (a)-[r]->(b) WHERE $report IN r.${R} RETURN elementId(r) AS eid, type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props`,
    { report },
  );
  const relRows = rels.records
    .filter((r) => !keep.sharedRelKeys.has(sharedKey(r.get('type'), r.get('start'), r.get('end'))))
    .map((r) => ({ eid: r.get('eid') as string, props: dbPropertiesOf(r.get('type'), withoutContribution(contributionsOf(r.get('props')), report), `${r.get('type')} ${r.get('start')} → ${r.get('end')}`) }));
  if (relRows.length > 0) count(c, await run(tx, 'UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props', { rows: relRows }));
  await afterBatch(tx, cursor, options, 'remove', 'shared relationships', relRows.length);

  count(c, await run(tx, `MATCH (n) WHERE n.${R} = [$report] DETACH DELETE n`, { report }));
  await afterBatch(tx, cursor, options, 'remove', 'nodes', 0);

  const nodes = await run(tx, `MATCH (n) WHERE $report IN n.${R} RETURN elementId(n) AS eid, n.id AS id, properties(n) AS props`, { report });
  const nodeRows = nodes.records
    .filter((r) => !keep.nodeIds.has(r.get('id')))
    .map((r) => ({ eid: r.get('eid') as string, props: { ...dbPropertiesOf('node', withoutContribution(contributionsOf(r.get('props')), report), `node ${r.get('id')}`), id: r.get('id') as string } }));
  if (nodeRows.length > 0) count(c, await run(tx, 'UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n = row.props', { rows: nodeRows }));
  await afterBatch(tx, cursor, options, 'remove', 'shared nodes', nodeRows.length);
}

/** One line for the terminal. */
export function formatLoadSummary(s: LoadSummary): string {
  const rate = s.ms > 0 ? Math.round((s.relationships / s.ms) * 1000) : s.relationships;
  const change = s.replaced
    ? `replaced: ${s.nodesDeleted} nodes and ${s.relationshipsDeleted} relationships out, ${s.nodesCreated} and ${s.relationshipsCreated} in`
    : `${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships created`;
  return `${s.report}: ${s.nodes} nodes, ${s.relationships} relationships (${change}) in ${(s.ms / 1000).toFixed(2)} s, ${rate} relationships/s`;
}
