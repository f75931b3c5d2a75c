/**
 * The loader: reports' graph.json into Neo4j, all or nothing, each report
 * replacing its previous version. This module is its door: it plans every report
 * first (load/plan.ts: bad input is refused before anything is written), then
 * writes them in one write transaction per load of one report, or of many
 * (`npm run load` and the start-up seeding pass the whole corpus; whole reports
 * go into transactions sized by the database's transaction memory,
 * load/transaction-size.ts: 60,000 relationships per 512 MiB). What a transaction does is load/transaction.ts's:
 * take out what the database holds of the reports (load/removal.ts), fold and
 * write nodes and relationships in batches (load/writers.ts), keeping each
 * report's contribution (load/contributions.ts). If anything fails, the
 * transaction rolls back and the database is as it was. The transactions of one
 * load remember what the earlier ones wrote (load/memory.ts): a first import of a
 * large corpus reads nothing back.
 *
 * Why so: a per-report pass rescanned the whole graph for every report (quadratic
 * in the corpus) and recomputed shared entities (a State in every report) once per
 * report; one query per label or type plans in milliseconds where one query with a
 * branch per label took seconds.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { GraphJson } from '../contract/model.ts';
import { REPORTS_KEY } from './load/contributions.ts';
import { newMemory, remember } from './load/memory.ts';
import { LoadInputError, planLoad, type LoadPlan } from './load/plan.ts';
import { removeReport } from './load/removal.ts';
import { newCounters, type Counters } from './load/statements.ts';
import { afterBatch, writeLoad, type Cursor } from './load/transaction.ts';
import { RELATIONSHIPS_PER_512_MIB, readMemorySettings, relationshipsPerTransaction } from './load/transaction-size.ts';
import { readQuery } from './queries/run.ts';
import { applySchema } from './schema.ts';

export { REPORTS_KEY } from './load/contributions.ts';
export { LoadInputError } from './load/plan.ts';
export { DEFAULT_BATCH_SIZE } from './load/transaction.ts';

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
  /**
   * Relationships per transaction when several reports are loaded (whole reports; default:
   * from the database's transaction memory, 60,000 per 512 MiB, load/transaction-size.ts).
   */
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

export interface LoadSummary extends Counters {
  /** The report loaded, or "N reports". */
  report: string;
  reports: string[];
  /** What the loaded graphs hold together (shared entities counted once). */
  nodes: number;
  relationships: number;
  /** Some of the reports were in the database before: these. */
  replaced: boolean;
  replacedReports: string[];
  ms: number;
}

/** Relationships per transaction when the database's memory settings cannot be read (load/transaction-size.ts). */
export const DEFAULT_RELATIONSHIPS_PER_TRANSACTION = RELATIONSHIPS_PER_512_MIB;

/** Load one report's graph (see the module comment). */
export function loadReport(driver: Driver, graph: GraphJson, options: LoadOptions = {}): Promise<LoadSummary> {
  return loadReports(driver, [graph], options);
}

/**
 * Load several reports' graphs in as few transactions as the database's
 * transaction memory allows: whole reports, up to `relationshipsPerTransaction`
 * relationships each (a report bigger than that alone; by default read from the
 * server's `db.memory.transaction.max` / `dbms.memory.transaction.total.max`,
 * 60,000 per 512 MiB, see load/transaction-size.ts). Each report is all or
 * nothing; a failure leaves the reports of earlier transactions loaded. Throws
 * LoadInputError (before writing anything) for a graph the loader refuses.
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
  // One report is one transaction whatever its size: the settings are read only when there is a choice.
  const perTransaction =
    options.relationshipsPerTransaction ?? (plans.length > 1 ? relationshipsPerTransaction(await readMemorySettings(driver, options.database)) : Infinity);
  const chunks = transactionChunks(plans, perTransaction);
  // Progress counts what each transaction writes (a shared entity once per transaction).
  const cursor: Cursor = { report: name, batchIndex: 0, nodesDone: 0, relsDone: 0, nodesTotal: 0, relsTotal: 0 };
  for (const chunk of chunks) {
    const counts = mergedCounts(chunk);
    cursor.nodesTotal += counts.nodes;
    cursor.relsTotal += counts.relationships;
  }
  const total = newCounters();
  const replacedReports: string[] = [];
  // What earlier transactions of this load wrote, so that later ones need not read it back (load/memory.ts).
  const memory = newMemory();
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE, ...(options.database ? { database: options.database } : {}) });
  try {
    for (const chunk of chunks) {
      const before = { ...cursor };
      // A retried transaction starts its progress and batch numbers over, and what it learnt counts only once it committed.
      const done = await session.executeWrite((tx) => writeLoad(tx, chunk, Object.assign(cursor, before), options, memory), {
        metadata: { app: 'congress-graph', op: 'load', report: name },
      });
      remember(memory, done.learnt);
      for (const key of ['nodesCreated', 'nodesDeleted', 'relationshipsCreated', 'relationshipsDeleted', 'propertiesSet'] as const) total[key] += done[key];
      replacedReports.push(...done.replacedReports);
    }
  } finally {
    await session.close();
  }
  const merged = mergedCounts(plans);
  return {
    report: name,
    reports: plans.map((p) => p.report),
    ...total,
    replaced: replacedReports.length > 0,
    replacedReports,
    ...merged,
    ms: Math.round(performance.now() - started),
  };
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
      const cursor: Cursor = { report, batchIndex: 0, nodesDone: 0, nodesTotal: 0, relsDone: 0, relsTotal: 0 };
      await removeReport(tx, report, { nodeIds: new Set(), sharedRelKeys: new Set() }, c, (what, rows) => afterBatch(tx, cursor, {}, 'remove', what, rows));
      return c;
    });
    return { report, ...counters, replaced: false, ms: Math.round(performance.now() - started) };
  } finally {
    await session.close();
  }
}

/** The reports the database holds (ids of Report nodes the loader wrote). */
export async function loadedReports(driver: Driver, options: Pick<LoadOptions, 'database'> = {}): Promise<string[]> {
  const { records } = await readQuery(
    driver,
    `MATCH (r:Report) WHERE r.${REPORTS_KEY} IS NOT NULL RETURN r.id AS id ORDER BY id`,
    {},
    { database: options.database },
  );
  return records.map((r) => String(r.get('id')));
}

/** One line for the terminal. */
export function formatLoadSummary(s: LoadSummary): string {
  const rate = s.ms > 0 ? Math.round((s.relationships / s.ms) * 1000) : s.relationships;
  const change = s.replaced
    ? `replaced: ${s.nodesDeleted} nodes and ${s.relationshipsDeleted} relationships out, ${s.nodesCreated} and ${s.relationshipsCreated} in`
    : `${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships created`;
  return `${s.report}: ${s.nodes} nodes, ${s.relationships} relationships (${change}) in ${(s.ms / 1000).toFixed(2)} s, ${rate} relationships/s`;
}
