/**
 * The loader against its reference and the naive path, same data, same database, same run:
 *   - reference: a minimal `UNWIND … CREATE` loader in one transaction (load-reference.ts),
 *     alternating with the loader on the whole corpus: one load of the reference first, not
 *     counted (the first load into a new store is the slowest), then `runs` of each in
 *     mirrored pairs (ratios.ts mirroredOrder, the loader's last), the database emptied
 *     before each load: the ratio of the medians is the verdict;
 *   - naive: one statement per node and per relationship (MERGE the node by label
 *     and id; MATCH both ends by label and id, CREATE the relationship), one
 *     transaction per report, on the first reports only (the rate is what counts;
 *     the full corpus would take most of an hour);
 *   - batched: `loadReports` on the whole corpus, as `npm run load` does.
 * Both rates are relationships per second of the whole load, nodes included.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { loadReports } from '../../server/db/load.ts';
import { REPORTS_KEY } from '../../server/db/load/contributions.ts';
import { planLoad } from '../../server/db/load/plan.ts';
import { toDbProperties } from '../../server/db/load/properties.ts';
import { applySchema } from '../../server/db/schema.ts';
import type { GraphJson } from '../../server/contract/model.ts';
import { referenceLoad } from './load-reference.ts';
import { round } from './machine.ts';
import { median, mirroredOrder } from './ratios.ts';

export interface LoadFigures {
  reports: number;
  nodes: number;
  /** Relationships in the database after the batched load. */
  rels: number;
  /** The database holds exactly what the graphs hold together. */
  counts_match: boolean;
  /** The loader's median run. */
  batched_ms: number;
  batched_rels_per_s: number;
  batched_runs_ms: number[];
  /** The minimal UNWIND … CREATE loader in one transaction, on the same reports: median run, every run. */
  reference_ms: number;
  reference_rels_per_s: number;
  reference_runs_ms: number[];
  /** The database held the same numbers of nodes and relationships after the reference as after the loader. */
  reference_counts_match: boolean;
  /** batched ÷ reference, relationships per second (higher is better; the target is ≥ 0.95). */
  reference_ratio: number;
  reference_method: string;
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
  const { records } = await driver.executeQuery(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
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
            const props = { ...toDbProperties(row.properties), id: row.id, [REPORTS_KEY]: [plan.report] };
            await tx.run(`MERGE (n:${group.labels[0]} {id: $id}) SET n = $props`, { id: row.id, props });
          }
        }
        for (const group of plan.relGroups) {
          for (const row of group.rows) {
            const props = { ...toDbProperties(row.properties), [REPORTS_KEY]: [plan.report] };
            await tx.run(
              `MATCH (a:${labelOf.get(row.start)} {id: $start}) MATCH (b:${labelOf.get(row.end)} {id: $end}) CREATE (a)-[r:${group.type}]->(b) SET r = $props`,
              {
                start: row.start,
                end: row.end,
                props,
              },
            );
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

export async function benchLoad(
  driver: Driver,
  graphs: readonly GraphJson[],
  opts: { naiveReports: number; runs?: number; log: (line: string) => void },
): Promise<LoadFigures> {
  const { log } = opts;
  await applySchema(driver);

  await clearDatabase(driver);
  const sample = graphs.slice(0, opts.naiveReports);
  log(`load: naive path on ${sample.length} report(s)…`);
  const started = performance.now();
  const naiveRels = await naiveLoad(driver, sample);
  const naiveMs = performance.now() - started;
  log(`load: naive ${naiveRels} relationships in ${(naiveMs / 1000).toFixed(1)} s`);

  // Mirrored pairs, the loader last, so that the database holds the loader's load afterwards.
  const runs = opts.runs ?? 4;
  const batchedRuns: number[] = [];
  const referenceRuns: number[] = [];
  let summary: Awaited<ReturnType<typeof loadReports>> | undefined;
  let referenceCounts: { nodes: number; rels: number } | undefined;
  const loader = async (): Promise<void> => {
    await clearDatabase(driver);
    const t0 = performance.now();
    summary = await loadReports(driver, graphs, { schema: false });
    batchedRuns.push(performance.now() - t0);
    log(`load: loader ${summary.relationships} relationships in ${(batchedRuns.at(-1)! / 1000).toFixed(1)} s`);
  };
  const reference = async (): Promise<void> => {
    await clearDatabase(driver);
    const t0 = performance.now();
    const written = await referenceLoad(driver, graphs);
    referenceRuns.push(performance.now() - t0);
    referenceCounts = await countAll(driver);
    log(`load: reference ${written.relationships} relationships in ${(referenceRuns.at(-1)! / 1000).toFixed(1)} s`);
  };
  log(`load: the loader and the reference loader on ${graphs.length} reports, a warm-up load, then ${runs} runs each in mirrored pairs…`);
  await clearDatabase(driver);
  const warmUp = performance.now();
  await referenceLoad(driver, graphs);
  log(`load: warm-up (the reference, not counted) in ${((performance.now() - warmUp) / 1000).toFixed(1)} s`);
  for (const side of mirroredOrder(runs)) await (side === 'product' ? loader() : reference());
  const inDb = await countAll(driver);
  const batchedMs = median(batchedRuns);
  const referenceMs = median(referenceRuns);

  if (!summary) throw new Error('the loader did not run');
  const batchedRate = (summary.relationships / batchedMs) * 1000;
  const referenceRate = (summary.relationships / referenceMs) * 1000;
  const naiveRate = (naiveRels / naiveMs) * 1000;
  return {
    reports: graphs.length,
    nodes: inDb.nodes,
    rels: inDb.rels,
    counts_match: inDb.nodes === summary.nodes && inDb.rels === summary.relationships,
    batched_ms: Math.round(batchedMs),
    batched_rels_per_s: Math.round(batchedRate),
    batched_runs_ms: batchedRuns.map(Math.round),
    reference_ms: Math.round(referenceMs),
    reference_rels_per_s: Math.round(referenceRate),
    reference_runs_ms: referenceRuns.map(Math.round),
    reference_counts_match: referenceCounts?.nodes === inDb.nodes && referenceCounts?.rels === inDb.rels,
    reference_ratio: round(batchedRate / referenceRate, 2),
    reference_method: `mergeGraphs of the reports, then one transaction of UNWIND … CREATE by label and by type (ends through the id constraints), batches of 5,000 rows, into the emptied database with the same schema; one warm-up load of the reference, not counted, then ${runs} runs of each in mirrored pairs (… P R, R P), medians`,
    naive_reports: sample.length,
    naive_rels: naiveRels,
    naive_ms: Math.round(naiveMs),
    naive_rels_per_s: Math.round(naiveRate),
    naive_extrapolated: sample.length < graphs.length,
    naive_method: `one statement per node and relationship, one transaction per report, on the first ${sample.length} of ${graphs.length} reports; the rate is taken as the whole corpus's`,
    speedup: round(batchedRate / naiveRate),
  };
}
