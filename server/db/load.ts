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
  type LoadPlan,
  type NodeGroup,
  type RelGroup,
} from './load-plan.ts';
import { applySchema } from './schema.ts';

export { LoadInputError, REPORTS_KEY } from './load-plan.ts';

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

  const before = await tx.run(`MATCH (r:Report {id: $report}) WHERE r.${REPORTS_KEY} IS NOT NULL RETURN count(r) AS n`, { report: plan.report });
  c.replaced = Number(before.records[0]?.get('n') ?? 0) > 0;
  // Even without its Report node, any trace of the report (from a load by other means) is taken out.
  await removeReport(tx, plan.report, plan, c, cursor, options);
  if (c.replaced) options.onProgress?.({ report: plan.report, phase: 'remove', done: 1, total: 1 });

  let done = 0;
  for (const group of plan.nodeGroups) {
    for (const rows of batches(group.rows, size)) {
      await writeNodes(tx, plan.report, group, rows, c);
      await afterBatch(tx, cursor, options, 'nodes', group.labels.join(':'), rows.length);
      done += rows.length;
      options.onProgress?.({ report: plan.report, phase: 'nodes', done, total: plan.nodeCount });
    }
  }
  done = 0;
  for (const group of plan.relGroups) {
    for (const rows of batches(group.rows, size)) {
      await writeRelationships(tx, plan.report, group, rows, c);
      await afterBatch(tx, cursor, options, 'relationships', group.type, rows.length);
      done += rows.length;
      options.onProgress?.({ report: plan.report, phase: 'relationships', done, total: plan.relationshipCount });
    }
  }
  return c;
}

/** `n:Label` text for a label of MODEL's list (and only such a label). */
function label(l: string): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(l)) throw new Error(`not a MODEL label: ${l}`);
  return l as NodeLabel;
}
function relType(t: string): RelationshipType {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(t)) throw new Error(`not a MODEL relationship type: ${t}`);
  return t as RelationshipType;
}

const R = REPORTS_KEY;

/**
 * Nodes and shared relationships merge in TypeScript (load-plan.ts): read what
 * the batch's items hold now, set this report's contribution, write the fold.
 * Two round trips per batch.
 */
async function writeNodes(tx: ManagedTransaction, report: string, group: NodeGroup, rows: NodeGroup['rows'], c: Counters): Promise<void> {
  const [first, ...more] = group.labels.map(label);
  const existing = await tx.run(`UNWIND $ids AS id MATCH (n:${first} {id: id}) RETURN n.id AS id, properties(n) AS props`, { ids: rows.map((r) => r.id) });
  const have = new Map(existing.records.map((r) => [String(r.get('id')), contributionsOf(r.get('props') as Record<string, unknown>)]));
  const written = rows.map((r) => ({
    id: r.id,
    props: { ...dbPropertiesOf('node', withContribution(have.get(r.id) ?? NO_CONTRIBUTIONS, report, r.properties), `node ${r.id}`), id: r.id },
  }));
  const extra = more.length > 0 ? ` SET n:${more.join(':')}` : '';
  count(c, await tx.run(`UNWIND $rows AS row MERGE (n:${first} {id: row.id}) SET n = row.props${extra}`, { rows: written }));
}

async function writeRelationships(tx: ManagedTransaction, report: string, group: RelGroup, rows: RelGroup['rows'], c: Counters): Promise<void> {
  const a = label(group.startLabel);
  const b = label(group.endLabel);
  const t = relType(group.type);
  const match = `UNWIND $rows AS row MATCH (a:${a} {id: row.start}) MATCH (b:${b} {id: row.end})`;
  let result: QueryResult;
  if (group.shared) {
    const existing = await tx.run(
      `UNWIND $rows AS row MATCH (a:${a} {id: row.start})-[r:${t}]->(b:${b} {id: row.end}) RETURN row.start AS start, row.end AS end, properties(r) AS props`,
      { rows: rows.map(({ start, end }) => ({ start, end })) },
    );
    const have = new Map(existing.records.map((r) => [sharedKey(t, r.get('start'), r.get('end')), contributionsOf(r.get('props') as Record<string, unknown>)]));
    const written = rows.map((r) => ({
      start: r.start,
      end: r.end,
      props: dbPropertiesOf(t, withContribution(have.get(sharedKey(t, r.start, r.end)) ?? NO_CONTRIBUTIONS, report, r.properties), `${t} ${r.start} → ${r.end}`),
    }));
    result = await tx.run(`${match} MERGE (a)-[r:${t}]->(b) SET r = row.props RETURN count(r) AS n`, { rows: written });
  } else {
    const written = rows.map((r) => ({ start: r.start, end: r.end, props: { ...toDbProperties(r.properties, `${t} ${r.start} → ${r.end}`), [R]: [report] } }));
    result = await tx.run(`${match} CREATE (a)-[r:${t}]->(b) SET r = row.props RETURN count(r) AS n`, { rows: written });
  }
  const written = Number(result.records[0]?.get('n') ?? 0);
  // Both ends were written in this transaction, so a shortfall is a bug, not bad data: stop before committing.
  if (written !== rows.length) throw new Error(`${t} ${a}→${b}: wrote ${written} of ${rows.length} relationships (an end node was not found)`);
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
  count(c, await tx.run(`MATCH ()-[r]->() WHERE r.${R} = [$report] DELETE r`, { report }));
  await afterBatch(tx, cursor, options, 'remove', 'relationships', 0);

  const rels = await tx.run(
    `MATCH (a)-[r]->(b) WHERE $report IN r.${R} RETURN elementId(r) AS eid, type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props`,
    { report },
  );
  const relRows = rels.records
    .filter((r) => !keep.sharedRelKeys.has(sharedKey(r.get('type'), r.get('start'), r.get('end'))))
    .map((r) => ({ eid: r.get('eid') as string, props: dbPropertiesOf(r.get('type'), withoutContribution(contributionsOf(r.get('props')), report), `${r.get('type')} ${r.get('start')} → ${r.get('end')}`) }));
  if (relRows.length > 0) count(c, await tx.run('UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props', { rows: relRows }));
  await afterBatch(tx, cursor, options, 'remove', 'shared relationships', relRows.length);

  count(c, await tx.run(`MATCH (n) WHERE n.${R} = [$report] DETACH DELETE n`, { report }));
  await afterBatch(tx, cursor, options, 'remove', 'nodes', 0);

  const nodes = await tx.run(`MATCH (n) WHERE $report IN n.${R} RETURN elementId(n) AS eid, n.id AS id, properties(n) AS props`, { report });
  const nodeRows = nodes.records
    .filter((r) => !keep.nodeIds.has(r.get('id')))
    .map((r) => ({ eid: r.get('eid') as string, props: { ...dbPropertiesOf('node', withoutContribution(contributionsOf(r.get('props')), report), `node ${r.get('id')}`), id: r.get('id') as string } }));
  if (nodeRows.length > 0) count(c, await tx.run('UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n = row.props', { rows: nodeRows }));
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
