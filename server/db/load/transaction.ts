/**
 * One load transaction over one or more reports' plans:
 *   1. one scan finds which of the reports the database holds any trace of; only
 *      those are taken out (removal.ts);
 *   2. every node of every report is folded once (this load's contributions on
 *      top of what the database holds, read only when another report is loaded),
 *      then written label by label in batches: CREATE where the database holds no
 *      node of the label, else MERGE on the id constraint;
 *   3. the relationships, type by type: CREATE for those carrying their report,
 *      and for shared ones (folded across reports like nodes) CREATE or MERGE
 *      likewise (writers.ts), their ends by the element ids the node writes gave.
 * Each batch is sent while Neo4j still writes the one before (pipeline.ts), so the
 * loader's own work overlaps with the database's, in order, in the one transaction.
 * A load of several transactions passes the same `memory` to each (memory.ts):
 * nodes (by id) and shared relationships (by element id) an earlier transaction
 * wrote are updated without a read, CREATE/MERGE is chosen by what the database held
 * when the load began, and step 1's scan is left out when the load began on a
 * database holding no report (nothing of this transaction's reports can be there).
 * Progress and the `afterBatch` hook are called as batches are written.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { sharedRelationshipKey } from '../../ingest/mergeRules.ts';
import type { BatchInfo, LoadOptions } from '../load.ts';
import { REPORTS_KEY } from './contributions.ts';
import { NOTHING_KNOWN, holdsReports, newLearnt, startState, type Learnt, type LoadMemory } from './memory.ts';
import { batches, type LoadPlan } from './plan.ts';
import { removeReport } from './removal.ts';
import { holdsAny, label, newCounters, relType, run, type Counters } from './statements.ts';
import { Pipeline } from './pipeline.ts';
import { writeNodes, writeOwnRelationships, writeSharedRelationships, type NodeItem, type OwnRelItem, type SharedRelItem } from './writers.ts';

const R = REPORTS_KEY;

export const DEFAULT_BATCH_SIZE = 5000;

/** Where a load is: batches written and progress over the whole load (several transactions). */
export interface Cursor {
  /** The report loaded, or "N reports" for a load of several. */
  report: string;
  batchIndex: number;
  nodesDone: number;
  nodesTotal: number;
  relsDone: number;
  relsTotal: number;
}

/** What one transaction did. */
export interface TransactionResult extends Counters {
  /** Some of the reports were in the database before: these. */
  replacedReports: string[];
  nodes: number;
  relationships: number;
  /** What this transaction wrote, for the load's later ones (memory.ts remember, once it committed). */
  learnt: Learnt;
}

/** Count a batch and call the `afterBatch` hook (which may fail the load). */
export async function afterBatch(
  tx: ManagedTransaction,
  cursor: Cursor,
  options: LoadOptions,
  phase: BatchInfo['phase'],
  what: string,
  rows: number,
): Promise<void> {
  cursor.batchIndex += 1;
  await options.afterBatch?.({ report: cursor.report, phase, what, index: cursor.batchIndex, rows }, tx);
}

/** Load `plans` in the transaction `tx` (see the module comment); `memory` is what earlier transactions of the load wrote (not changed here). */
export async function writeLoad(
  tx: ManagedTransaction,
  plans: readonly LoadPlan[],
  cursor: Cursor,
  options: LoadOptions,
  memory: LoadMemory,
): Promise<TransactionResult> {
  const c = newCounters();
  const name = cursor.report;
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const ids = plans.map((p) => p.report);

  // Any trace of a report (even without its Report node) is taken out. Nodes suffice to find one:
  // both ends of every relationship a report brings are nodes of the report, tagged with it.
  // A later transaction of a load that began on a database holding no report, with nothing taken
  // out since, knows without this scan of every node that none is there: the database holds only
  // what the load's earlier transactions wrote, and those were other reports (a load names each once).
  const nothingLoaded = memory.start !== undefined && !memory.start.others && !memory.stale;
  const traced = nothingLoaded
    ? new Set<string>()
    : new Set(
        (
          await run(tx, `MATCH (n) WHERE n.${R} IS NOT NULL UNWIND n.${R} AS id WITH id WHERE id IN $ids RETURN collect(DISTINCT id) AS ids`, {
            ids,
          })
        ).records[0]?.get('ids') as string[],
      );
  const replacedReports = nothingLoaded
    ? []
    : (await run(tx, `MATCH (r:Report) WHERE r.id IN $ids AND r.${R} IS NOT NULL RETURN r.id AS id`, { ids })).records.map((r) => String(r.get('id')));
  for (const plan of plans) {
    if (traced.has(plan.report)) await removeReport(tx, plan.report, plan, c, (what, rows) => afterBatch(tx, cursor, options, 'remove', what, rows));
  }
  if (replacedReports.length > 0) options.onProgress?.({ report: name, phase: 'remove', done: 1, total: 1 });
  const removed = plans.some((plan) => traced.has(plan.report));
  const learnt = newLearnt(removed);
  // The load's first transaction notes what the database held before it wrote.
  if (!memory.start) learnt.start = await startState(tx);
  const start = memory.start ?? learnt.start!;
  // Earlier transactions of this load are remembered unless a removal (then or now) may have changed what they wrote.
  const useMemory = !memory.stale && !removed;
  // With no report in the database (kept shared items included) there is nothing to merge with: no need to read before writing.
  const others = useMemory ? start.others : await holdsReports(tx);

  const { nodes, ownRels, sharedRels } = foldPlans(plans);
  // The next batch is built and sent while Neo4j writes the last (pipeline.ts); in order, in this transaction.
  const pipeline = new Pipeline();
  const elementIds = new Map<string, string>();
  for (const [l, items] of groupBy(nodes, (n) => n.labels[0]!)) {
    const create = useMemory ? !start.labels.has(l) : !(await holdsAny(tx, `(n:${label(l)})`));
    for (const rows of batches(items, size)) {
      await writeNodes(
        tx,
        label(l),
        rows,
        { others, create, known: useMemory ? memory.nodes : NOTHING_KNOWN },
        learnt.nodes,
        elementIds,
        c,
        pipeline,
        async () => {
          await afterBatch(tx, cursor, options, 'nodes', l, rows.length);
          cursor.nodesDone += rows.length;
          options.onProgress?.({ report: name, phase: 'nodes', done: cursor.nodesDone, total: cursor.nodesTotal });
        },
      );
    }
  }

  // The relationships' rows need the element ids of their ends: every node batch has answered.
  await pipeline.drain();
  const progressRels = (t: string, rows: number) => async (): Promise<void> => {
    await afterBatch(tx, cursor, options, 'relationships', t, rows);
    cursor.relsDone += rows;
    options.onProgress?.({ report: name, phase: 'relationships', done: cursor.relsDone, total: cursor.relsTotal });
  };
  for (const [t, items] of groupBy(ownRels, (r) => r.type)) {
    for (const rows of batches(items, size)) await writeOwnRelationships(tx, relType(t), rows, elementIds, c, pipeline, progressRels(t, rows.length));
  }
  for (const [t, items] of groupBy(sharedRels, (r) => r.type)) {
    const create = useMemory ? !start.types.has(t) : !(await holdsAny(tx, `()-[r:${relType(t)}]->()`));
    for (const rows of batches(items, size)) {
      await writeSharedRelationships(
        tx,
        relType(t),
        rows,
        { others, create, known: useMemory ? memory.rels : NOTHING_KNOWN },
        elementIds,
        learnt.rels,
        c,
        pipeline,
        progressRels(t, rows.length),
      );
    }
  }
  await pipeline.drain();
  return { ...c, nodes: nodes.length, relationships: ownRels.length + sharedRels.length, replacedReports, learnt };
}

/** Every node and relationship of the load once, with what each report says of it, in load order (also the bulk import's input: bulk-csv.ts). */
export function foldPlans(plans: readonly LoadPlan[]): { nodes: NodeItem[]; ownRels: OwnRelItem[]; sharedRels: SharedRelItem[] } {
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
        const key = sharedRelationshipKey(group.type, row.start, row.end);
        let item = sharedRels.get(key);
        if (!item) sharedRels.set(key, (item = { type: group.type, start: row.start, end: row.end, says: [] }));
        item.says.push([plan.report, row.properties]);
      }
    }
  }
  return { nodes: [...nodes.values()], ownRels, sharedRels: [...sharedRels.values()] };
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
