/**
 * The loader: reports' graph.json into Neo4j, all or nothing, each report
 * replacing its previous version.
 *
 * One write transaction per load of one report, or of many (`npm run load` and the
 * start-up seeding pass the whole corpus; whole reports go into transactions of
 * up to 40,000 relationships, which the default transaction memory holds):
 *   1. one scan finds which of the reports the database holds any trace of; only
 *      those are taken out: what only they brought is deleted, what other reports
 *      share is recomputed from their contributions (load-plan.ts);
 *   2. every node of every report is folded once in TypeScript (this load's
 *      contributions on top of what the database holds, read only when another
 *      report is loaded), then written label by label in batches: CREATE where the
 *      database holds no node of the label, else MERGE on the id constraint;
 *   3. the relationships, type by type, ends found by element id: CREATE for those
 *      carrying their report (their old version was deleted in step 1), and for
 *      shared ones (folded across reports like nodes) CREATE or MERGE likewise.
 * If anything fails, the transaction rolls back and the database is as it was.
 *
 * A load of several transactions remembers, from one transaction to the next, the
 * nodes and shared relationships it wrote (element id and contributions): a later
 * transaction updates those by element id without reading them back, and creates
 * what neither the database held when the load began nor an earlier transaction
 * wrote. A first import of a large corpus so writes without a single read, like a
 * minimal loader. Once a transaction has taken a report out (a reload), shared
 * items may have changed under that memory, and the load reads from the database
 * again.
 *
 * Why so: a per-report pass rescanned the whole graph for every report (quadratic
 * in the corpus) and recomputed shared entities (a State in every report) once per
 * report; one query per label or type plans in milliseconds where one query with a
 * branch per label took seconds.
 *
 * Labels and types are spliced into the Cypher text only from MODEL's fixed lists
 * (checked in load-plan.ts); every value travels as a parameter.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { GraphJson, NodeLabel, Properties, RelationshipType } from '../contract/model.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../contract/model.ts';
import {
  LoadInputError,
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
  /** The report loaded, or "N reports" for a load of several. */
  report: string;
  phase: 'remove' | 'nodes' | 'relationships';
  /** The label or relationship type the batch wrote. */
  what: string;
  /** 1-based number of this batch within the load. */
  index: number;
  rows: number;
}

export interface LoadProgress {
  /** The report loaded, or "N reports" for a load of several. */
  report: string;
  phase: 'remove' | 'nodes' | 'relationships';
  /** Rows written so far in this phase, and how many it has. */
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Default: the server's default database. */
  database?: string;
  /** Rows per `UNWIND` (default 5000). */
  batchSize?: number;
  /** Relationships per transaction when several reports are loaded (whole reports; default 40,000). */
  relationshipsPerTransaction?: number;
  /** Apply cypher/schema.cypher first (default true). */
  schema?: boolean;
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Called inside the transaction after each batch. Throwing (or a failing query on
   * `tx`) aborts the load and rolls everything back; the tests fail a load partway so.
   */
  afterBatch?: (batch: BatchInfo, tx: ManagedTransaction) => Promise<void> | void;
}

export interface LoadSummary {
  /** The report loaded, or "N reports". */
  report: string;
  reports: string[];
  /** What the loaded graphs hold together (shared entities counted once). */
  nodes: number;
  relationships: number;
  /** What the database did (a reload deletes the old version and creates the new). */
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  /** Some of the reports were in the database before: these. */
  replaced: boolean;
  replacedReports: string[];
  ms: number;
}

export const DEFAULT_BATCH_SIZE = 5000;
/**
 * Measured: 160,000 of this model's relationships (spans, evidence, paragraph text
 * on their ends) overran 512 MiB of transaction memory; 40,000 stay near a quarter of it.
 */
export const DEFAULT_RELATIONSHIPS_PER_TRANSACTION = 40_000;

/** Load one report's graph (see the module comment). */
export function loadReport(driver: Driver, graph: GraphJson, options: LoadOptions = {}): Promise<LoadSummary> {
  return loadReports(driver, [graph], options);
}

/**
 * Load several reports' graphs in as few transactions as the database's
 * transaction memory allows: whole reports, up to `relationshipsPerTransaction`
 * relationships each (a report bigger than that alone). Each report is all or
 * nothing; a failure leaves the reports of earlier transactions loaded.
 */
export async function loadReports(driver: Driver, graphs: readonly GraphJson[], options: LoadOptions = {}): Promise<LoadSummary> {
  const plans = graphs.map((g) => planLoad(g)); // refuse bad input before writing anything
  const seen = new Set<string>();
  for (const p of plans) {
    if (seen.has(p.report)) throw new LoadInputError(`report ${p.report} is given twice in one load`);
    seen.add(p.report);
  }
  if (options.schema !== false) await applySchema(driver, options.database ? { database: options.database } : {});
  const started = performance.now();
  const name = plans.length === 1 ? plans[0]!.report : `${plans.length} reports`;
  const chunks = transactionChunks(plans, options.relationshipsPerTransaction ?? DEFAULT_RELATIONSHIPS_PER_TRANSACTION);
  // Progress counts what each transaction writes (a shared entity once per transaction).
  const cursor: Cursor = { report: name, batchIndex: 0, nodesDone: 0, relsDone: 0, nodesTotal: 0, relsTotal: 0 };
  for (const chunk of chunks) {
    const counts = mergedCounts(chunk);
    cursor.nodesTotal += counts.nodes;
    cursor.relsTotal += counts.relationships;
  }
  const total: LoadResult = { ...newCounters(), nodes: 0, relationships: 0, replacedReports: [] };
  const memory: LoadMemory = { nodes: new Map(), rels: new Map(), stale: false };
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE, ...(options.database ? { database: options.database } : {}) });
  try {
    for (const chunk of chunks) {
      const before = { ...cursor };
      // A retried transaction starts its progress and batch numbers over, and what it learnt counts only once it committed.
      const done = await session.executeWrite((tx) => writeLoad(tx, chunk, Object.assign(cursor, before), options, memory), { metadata: { app: 'congress-graph', op: 'load', report: name } });
      remember(memory, done.learnt);
      for (const key of ['nodesCreated', 'nodesDeleted', 'relationshipsCreated', 'relationshipsDeleted', 'propertiesSet'] as const) total[key] += done[key];
      total.replaced ||= done.replaced;
      total.replacedReports.push(...done.replacedReports);
    }
  } finally {
    await session.close();
  }
  const merged = mergedCounts(plans);
  return { report: name, reports: plans.map((p) => p.report), ...total, ...merged, ms: Math.round(performance.now() - started) };
}

/** Whole reports, in order, up to `maxRelationships` each (a bigger report alone). */
function transactionChunks(plans: readonly LoadPlan[], maxRelationships: number): LoadPlan[][] {
  const chunks: LoadPlan[][] = [];
  let current: LoadPlan[] = [];
  let rels = 0;
  for (const plan of plans) {
    if (current.length > 0 && rels + plan.relationshipCount > maxRelationships) {
      chunks.push(current);
      current = [];
      rels = 0;
    }
    current.push(plan);
    rels += plan.relationshipCount;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** What the loaded graphs hold together: shared nodes and shared relationships once. */
function mergedCounts(plans: readonly LoadPlan[]): { nodes: number; relationships: number } {
  const shared = new Set(plans.flatMap((p) => [...p.sharedRelKeys]));
  const own = plans.reduce((n, p) => n + p.relationshipCount - p.sharedRelKeys.size, 0);
  return { nodes: new Set(plans.flatMap((p) => [...p.nodeIds])).size, relationships: own + shared.size };
}

/** Take a report out of the database: what only it brought goes, shared things stay. */
export async function unloadReport(
  driver: Driver,
  report: string,
  options: Pick<LoadOptions, 'database'> = {},
): Promise<Omit<LoadSummary, 'nodes' | 'relationships' | 'reports' | 'replacedReports'>> {
  const started = performance.now();
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE, ...(options.database ? { database: options.database } : {}) });
  try {
    const counters = await session.executeWrite(async (tx) => {
      const c = newCounters();
      await removeReport(tx, report, { nodeIds: new Set(), sharedRelKeys: new Set() }, c, { report, batchIndex: 0, nodesDone: 0, nodesTotal: 0, relsDone: 0, relsTotal: 0 }, {});
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
  /** Progress over the whole load (several transactions). */
  nodesDone: number;
  nodesTotal: number;
  relsDone: number;
  relsTotal: number;
}

async function afterBatch(tx: ManagedTransaction, cursor: Cursor, options: LoadOptions, phase: BatchInfo['phase'], what: string, rows: number): Promise<void> {
  cursor.batchIndex += 1;
  await options.afterBatch?.({ report: cursor.report, phase, what, index: cursor.batchIndex, rows }, tx);
}

/** A node or shared relationship of this load: what each report (in load order) says of it. */
interface Folded {
  says: Array<[report: string, properties: Properties]>;
}
interface NodeItem extends Folded {
  id: string;
  labels: NodeLabel[];
}
interface SharedRelItem extends Folded {
  type: RelationshipType;
  start: string;
  end: string;
}
interface OwnRelItem {
  type: RelationshipType;
  start: string;
  end: string;
  report: string;
  properties: Properties;
}

type LoadResult = Counters & Pick<LoadSummary, 'nodes' | 'relationships' | 'replacedReports'>;

/** A node or shared relationship a transaction of this load wrote: where it is and what it now holds. */
interface Written {
  eid: string;
  contributions: Contributions;
}

/** What the transactions of one load learnt, for the next ones (see the module comment). */
interface LoadMemory {
  /** What the database held when the load began (read by its first transaction, after any removal). */
  start?: { others: boolean; labels: Set<string>; types: Set<string> };
  nodes: Map<string, Written>;
  /** Shared relationships, by sharedKey. */
  rels: Map<string, Written>;
  /** A transaction took a report out: read from the database from then on. */
  stale: boolean;
}

/** What one transaction learnt; applied to the memory once it committed. */
interface Learnt {
  start?: LoadMemory['start'];
  nodes: Map<string, Written>;
  rels: Map<string, Written>;
  removed: boolean;
}

function remember(memory: LoadMemory, learnt: Learnt): void {
  memory.start ??= learnt.start;
  if (learnt.removed || memory.stale) {
    memory.stale = true;
    memory.nodes.clear();
    memory.rels.clear();
    return;
  }
  for (const [id, w] of learnt.nodes) memory.nodes.set(id, w);
  for (const [key, w] of learnt.rels) memory.rels.set(key, w);
}

/** Which of MODEL's labels and shared relationship types have any node or relationship (count-store look-ups, one query). */
async function labelsAndTypesInUse(tx: ManagedTransaction): Promise<{ labels: Set<string>; types: Set<string> }> {
  const labels = NODE_LABELS.map((l) => `{k: '${l}', n: COUNT { MATCH (:${label(l)}) }}`);
  const types = RELATIONSHIP_TYPES.map((t) => `{k: '${t}', n: COUNT { MATCH ()-[:${relType(t)}]->() }}`);
  const result = await run(tx, `RETURN [x IN [${labels.join(', ')}] WHERE x.n > 0 | x.k] AS labels, [x IN [${types.join(', ')}] WHERE x.n > 0 | x.k] AS types`);
  const record = result.records[0]!;
  return { labels: new Set(record.get('labels') as string[]), types: new Set(record.get('types') as string[]) };
}

async function writeLoad(tx: ManagedTransaction, plans: readonly LoadPlan[], cursor: Cursor, options: LoadOptions, memory: LoadMemory): Promise<LoadResult & { learnt: Learnt }> {
  const c = newCounters();
  const name = cursor.report;
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const ids = plans.map((p) => p.report);

  // Any trace of a report (even without its Report node) is taken out. Nodes suffice to find one:
  // both ends of every relationship a report brings are nodes of the report, tagged with it.
  const traced = new Set(
    (await run(tx, `MATCH (n) WHERE n.${R} IS NOT NULL UNWIND n.${R} AS id WITH id WHERE id IN $ids RETURN collect(DISTINCT id) AS ids`, { ids })).records[0]?.get(
      'ids',
    ) as string[],
  );
  const replacedReports = (await run(tx, `MATCH (r:Report) WHERE r.id IN $ids AND r.${R} IS NOT NULL RETURN r.id AS id`, { ids })).records.map((r) => String(r.get('id')));
  c.replaced = replacedReports.length > 0;
  for (const plan of plans) if (traced.has(plan.report)) await removeReport(tx, plan.report, plan, c, cursor, options);
  if (c.replaced) options.onProgress?.({ report: name, phase: 'remove', done: 1, total: 1 });
  const removed = plans.some((plan) => traced.has(plan.report));
  // With no report in the database (kept shared items included) there is nothing to merge with: no need to read before writing.
  const othersNow = async (): Promise<boolean> => (await run(tx, `MATCH (n) WHERE n.${R} IS NOT NULL RETURN 1 LIMIT 1`)).records.length > 0;
  const learnt: Learnt = { nodes: new Map(), rels: new Map(), removed };
  // The load's first transaction notes what the database held before it wrote.
  if (!memory.start) learnt.start = { others: await othersNow(), ...(await labelsAndTypesInUse(tx)) };
  const start = memory.start ?? learnt.start!;
  // Earlier transactions of this load are remembered unless a removal (then or now) may have changed what they wrote.
  const useMemory = !memory.stale && !removed;
  const others = useMemory ? start.others : await othersNow();

  const { nodes, ownRels, sharedRels } = foldPlans(plans);
  const elementIds = new Map<string, string>();
  for (const [l, items] of groupBy(nodes, (n) => n.labels[0]!)) {
    const create = useMemory ? !start.labels.has(l) : !(await holdsAny(tx, `(n:${label(l)})`));
    for (const rows of batches(items, size)) {
      await writeNodes(tx, label(l), rows, { others, create, known: useMemory ? memory.nodes : EMPTY }, elementIds, learnt.nodes, c);
      await afterBatch(tx, cursor, options, 'nodes', l, rows.length);
      cursor.nodesDone += rows.length;
      options.onProgress?.({ report: name, phase: 'nodes', done: cursor.nodesDone, total: cursor.nodesTotal });
    }
  }

  const progressRels = (rows: number): void => {
    cursor.relsDone += rows;
    options.onProgress?.({ report: name, phase: 'relationships', done: cursor.relsDone, total: cursor.relsTotal });
  };
  for (const [t, items] of groupBy(ownRels, (r) => r.type)) {
    for (const rows of batches(items, size)) {
      await writeOwnRelationships(tx, relType(t), rows, elementIds, c);
      await afterBatch(tx, cursor, options, 'relationships', t, rows.length);
      progressRels(rows.length);
    }
  }
  for (const [t, items] of groupBy(sharedRels, (r) => r.type)) {
    const create = useMemory ? !start.types.has(t) : !(await holdsAny(tx, `()-[r:${relType(t)}]->()`));
    for (const rows of batches(items, size)) {
      await writeSharedRelationships(tx, relType(t), rows, { others, create, known: useMemory ? memory.rels : EMPTY }, elementIds, learnt.rels, c);
      await afterBatch(tx, cursor, options, 'relationships', t, rows.length);
      progressRels(rows.length);
    }
  }
  return { ...c, nodes: nodes.length, relationships: ownRels.length + sharedRels.length, replacedReports, learnt };
}

const EMPTY: ReadonlyMap<string, Written> = new Map();

/** Every node and relationship of the load once, with what each report says of it, in load order. */
function foldPlans(plans: readonly LoadPlan[]): { nodes: NodeItem[]; ownRels: OwnRelItem[]; sharedRels: SharedRelItem[] } {
  const nodes = new Map<string, NodeItem>();
  const sharedRels = new Map<string, SharedRelItem>();
  const ownRels: OwnRelItem[] = [];
  for (const plan of plans) {
    for (const group of plan.nodeGroups) {
      for (const row of group.rows) {
        let item = nodes.get(row.id);
        if (!item) nodes.set(row.id, (item = { id: row.id, labels: [...group.labels], says: [] }));
        else for (const l of group.labels) if (!item.labels.includes(l)) item.labels.push(l);
        item.says.push([plan.report, row.properties]);
      }
    }
    for (const group of plan.relGroups) {
      for (const row of group.rows) {
        if (!group.shared) {
          ownRels.push({ type: group.type, start: row.start, end: row.end, report: plan.report, properties: row.properties });
          continue;
        }
        const key = sharedKey(group.type, row.start, row.end);
        let item = sharedRels.get(key);
        if (!item) sharedRels.set(key, (item = { type: group.type, start: row.start, end: row.end, says: [] }));
        item.says.push([plan.report, row.properties]);
      }
    }
  }
  return { nodes: [...nodes.values()], ownRels, sharedRels: [...sharedRels.values()] };
}

/** This load's contributions on top of what the database holds. */
function folded(have: Contributions, item: Folded): Contributions {
  return item.says.reduce((c, [report, properties]) => withContribution(c, report, properties), have);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Whether any node or relationship matches the pattern (a count-store look-up for one label or type). */
async function holdsAny(tx: ManagedTransaction, pattern: string): Promise<boolean> {
  const result = await run(tx, `MATCH ${pattern} RETURN count(*) AS n`);
  return Number(result.records[0]?.get('n') ?? 0) > 0;
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

const ENDS = 'UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b';

/**
 * Nodes merge in TypeScript (load-plan.ts): read what the batch's nodes hold now
 * (when another report is loaded), add this load's contributions, write the fold.
 * Nodes an earlier transaction of this load wrote (`known`) are updated by element id
 * from what it wrote, without a read.
 */
async function writeNodes(
  tx: ManagedTransaction,
  l: NodeLabel,
  rows: readonly NodeItem[],
  mode: { others: boolean; create: boolean; known: ReadonlyMap<string, Written> },
  elementIds: Map<string, string>,
  written: Map<string, Written>,
  c: Counters,
): Promise<void> {
  const known = rows.filter((r) => mode.known.has(r.id));
  const fresh = known.length === 0 ? rows : rows.filter((r) => !mode.known.has(r.id));
  if (known.length > 0) {
    const update = known.map((r) => {
      const before = mode.known.get(r.id)!;
      const contributions = folded(before.contributions, r);
      written.set(r.id, { eid: before.eid, contributions });
      elementIds.set(r.id, before.eid);
      return { eid: before.eid, props: { ...dbPropertiesOf('node', contributions, `node ${r.id}`), id: r.id } };
    });
    const result = await run(tx, 'UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n = row.props RETURN count(n) AS n', { rows: update });
    if (Number(result.records[0]?.get('n') ?? 0) !== update.length) throw new Error(`${l}: ${update.length - Number(result.records[0]?.get('n') ?? 0)} node(s) an earlier transaction of this load wrote are gone`);
    count(c, result);
  }
  if (fresh.length > 0) {
    const have = new Map<string, Contributions>();
    if (mode.others) {
      const read = await run(tx, `UNWIND $ids AS id MATCH (n:${l} {id: id}) RETURN id, properties(n) AS props`, { ids: fresh.map((r) => r.id) });
      for (const r of read.records) have.set(String(r.get('id')), contributionsOf(r.get('props') as Record<string, unknown>));
    }
    const contributions = new Map(fresh.map((r) => [r.id, folded(have.get(r.id) ?? NO_CONTRIBUTIONS, r)]));
    const props = fresh.map((r) => ({ id: r.id, props: { ...dbPropertiesOf('node', contributions.get(r.id)!, `node ${r.id}`), id: r.id } }));
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

async function writeOwnRelationships(tx: ManagedTransaction, t: RelationshipType, rows: readonly OwnRelItem[], elementIds: Map<string, string>, c: Counters): Promise<void> {
  const written = rows.map((r) => ({ ...ends(r, elementIds), props: { ...toDbProperties(r.properties, `${t} ${r.start} → ${r.end}`), [R]: [r.report] } }));
  const result = await run(tx, `${ENDS} CREATE (a)-[r:${t}]->(b) SET r = row.props RETURN count(r) AS n`, { rows: written });
  checkWritten(result, rows.length, t);
  count(c, result);
}

/**
 * Shared relationships (one per type and ends) fold across reports as nodes do;
 * those an earlier transaction of this load wrote (`known`) are updated by element id.
 */
async function writeSharedRelationships(
  tx: ManagedTransaction,
  t: RelationshipType,
  rows: readonly SharedRelItem[],
  mode: { others: boolean; create: boolean; known: ReadonlyMap<string, Written> },
  elementIds: Map<string, string>,
  written: Map<string, Written>,
  c: Counters,
): Promise<void> {
  const keyOf = (r: SharedRelItem): string => sharedKey(r.type, r.start, r.end);
  const known = rows.filter((r) => mode.known.has(keyOf(r)));
  const fresh = known.length === 0 ? rows : rows.filter((r) => !mode.known.has(keyOf(r)));
  if (known.length > 0) {
    const update = known.map((r) => {
      const before = mode.known.get(keyOf(r))!;
      const contributions = folded(before.contributions, r);
      written.set(keyOf(r), { eid: before.eid, contributions });
      return { eid: before.eid, props: dbPropertiesOf(t, contributions, `${t} ${r.start} → ${r.end}`) };
    });
    const result = await run(tx, 'UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props RETURN count(r) AS n', { rows: update });
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
  const props = fresh.map((r, i) => ({ ...keys[i]!, props: dbPropertiesOf(t, contributions[i]!, `${t} ${r.start} → ${r.end}`) }));
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
