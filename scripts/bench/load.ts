/**
 * The loader against the naive path, same data, same database, same run:
 *   - naive: one statement per node and per relationship (MERGE the node by label
 *     and id; MATCH both ends by label and id, CREATE the relationship), one
 *     transaction per report, on the first reports only (the rate is what counts;
 *     the full corpus would take most of an hour);
 *   - batched: `loadReports` on the whole corpus, as `npm run load` does.
 * Both rates are relationships per second of the whole load, nodes included.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { loadReports } from '../../server/db/load.ts';
import { REPORTS_KEY, planLoad, toDbProperties } from '../../server/db/load-plan.ts';
import { applySchema } from '../../server/db/schema.ts';
import type { GraphJson } from '../../server/contract/model.ts';
import { round } from './machine.ts';

export interface LoadFigures {
  reports: number;
  nodes: number;
  /** Relationships in the database after the batched load. */
  rels: number;
  /** The database holds exactly what the graphs hold together. */
  counts_match: boolean;
  batched_ms: number;
  batched_rels_per_s: number;
  naive_reports: number;
  naive_rels: number;
  naive_ms: number;
  naive_rels_per_s: number;
  naive_extrapolated: boolean;
  naive_method: string;
  speedup: number;
}

export async function clearDatabase(driver: Driver): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

async function countAll(driver: Driver): Promise<{ nodes: number; rels: number }> {
  const { records } = await driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels');
  return { nodes: Number(records[0]!.get('nodes')), rels: Number(records[0]!.get('rels')) };
}

/** One statement per node and relationship, one transaction per report. */
async function naiveLoad(driver: Driver, graphs: readonly GraphJson[]): Promise<number> {
  let rels = 0;
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    for (const graph of graphs) {
      const plan = planLoad(graph);
      const labelOf = new Map(plan.nodeGroups.flatMap((g) => g.rows.map((r) => [r.id, g.labels[0]!] as const)));
      await session.executeWrite(async (tx) => {
        for (const group of plan.nodeGroups) {
          for (const row of group.rows) {
            const props = { ...toDbProperties(row.properties, row.id), id: row.id, [REPORTS_KEY]: [plan.report] };
            await tx.run(`MERGE (n:${group.labels[0]} {id: $id}) SET n = $props`, { id: row.id, props });
          }
        }
        for (const group of plan.relGroups) {
          for (const row of group.rows) {
            const props = { ...toDbProperties(row.properties, group.type), [REPORTS_KEY]: [plan.report] };
            await tx.run(`MATCH (a:${labelOf.get(row.start)} {id: $start}) MATCH (b:${labelOf.get(row.end)} {id: $end}) CREATE (a)-[r:${group.type}]->(b) SET r = $props`, {
              start: row.start,
              end: row.end,
              props,
            });
            rels += 1;
          }
        }
      });
    }
  } finally {
    await session.close();
  }
  return rels;
}

export async function benchLoad(driver: Driver, graphs: readonly GraphJson[], opts: { naiveReports: number; log: (line: string) => void }): Promise<LoadFigures> {
  const { log } = opts;
  await applySchema(driver);

  await clearDatabase(driver);
  const sample = graphs.slice(0, opts.naiveReports);
  log(`load: naive path on ${sample.length} report(s)…`);
  let started = performance.now();
  const naiveRels = await naiveLoad(driver, sample);
  const naiveMs = performance.now() - started;
  log(`load: naive ${naiveRels} relationships in ${(naiveMs / 1000).toFixed(1)} s`);

  await clearDatabase(driver);
  log(`load: batched loader on ${graphs.length} reports…`);
  started = performance.now();
  const summary = await loadReports(driver, graphs, { schema: false });
  const batchedMs = performance.now() - started;
  const inDb = await countAll(driver);
  log(`load: batched ${summary.relationships} relationships in ${(batchedMs / 1000).toFixed(1)} s`);

  const batchedRate = (summary.relationships / batchedMs) * 1000;
  const naiveRate = (naiveRels / naiveMs) * 1000;
  return {
    reports: graphs.length,
    nodes: inDb.nodes,
    rels: inDb.rels,
    counts_match: inDb.nodes === summary.nodes && inDb.rels === summary.relationships,
    batched_ms: Math.round(batchedMs),
    batched_rels_per_s: Math.round(batchedRate),
    naive_reports: sample.length,
    naive_rels: naiveRels,
    naive_ms: Math.round(naiveMs),
    naive_rels_per_s: Math.round(naiveRate),
    naive_extrapolated: sample.length < graphs.length,
    naive_method: `one statement per node and relationship, one transaction per report, on the first ${sample.length} of ${graphs.length} reports; the rate is taken as the whole corpus's`,
    speedup: round(batchedRate / naiveRate),
  };
}
