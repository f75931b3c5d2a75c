/**
 * `npx tsx scripts/bench/index-cost.ts [reports]`: what the schema's indexes cost the batched
 * load. Loads the benchmark's synthetic corpus (200 reports by default) into a throwaway Neo4j
 * with the full schema, then again without the full-text indexes, then with the uniqueness
 * constraints alone (twice), emptying the database before each load. Prints seconds and
 * relationships per second for each, and the indexes the database had during the load.
 *
 * The loads run with `schema: false`: by default the loader applies cypher/schema.cypher
 * first, which recreated every dropped index, so that an earlier version of this script
 * measured the full schema every time.
 */
import { loadReports } from '../../server/db/load.ts';
import { applySchema } from '../../server/db/schema.ts';
import { buildCorpus } from './ingest.ts';
import { clearDatabase } from './load.ts';
import { startBenchDatabase } from './neo4j.ts';

const count = Number(process.argv[2] ?? 200);
const db = await startBenchDatabase();
try {
  const { graphs } = await buildCorpus(count);
  await applySchema(db.driver);
  const dropIndexes = async (where: string): Promise<void> => {
    const { records } = await db.driver.executeQuery(`SHOW INDEXES YIELD name, type, owningConstraint WHERE ${where} RETURN name`);
    for (const record of records) await db.driver.executeQuery(`DROP INDEX \`${String(record.get('name'))}\``);
  };
  const indexes = async (): Promise<string> => {
    const { records } = await db.driver.executeQuery('SHOW INDEXES YIELD type RETURN type, count(*) AS n ORDER BY type');
    return records.map((r) => `${String(r.get('n'))} ${String(r.get('type')).toLowerCase()}`).join(', ');
  };
  const timedLoad = async (label: string): Promise<void> => {
    await clearDatabase(db.driver);
    const before = await indexes();
    const started = performance.now();
    const summary = await loadReports(db.driver, graphs, { schema: false });
    const seconds = (performance.now() - started) / 1000;
    const { records } = await db.driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n');
    const rels = Number(records[0]!.get('n'));
    const after = await indexes();
    if (after !== before) throw new Error(`the indexes changed during the load: ${before} → ${after}`);
    console.log(
      `${label}: ${seconds.toFixed(1)} s, ${Math.round(rels / seconds)} rels/s (${rels} relationships, ${summary.reports.length} reports; indexes: ${before})`,
    );
  };
  await timedLoad('full schema');
  await dropIndexes("type = 'FULLTEXT'");
  await timedLoad('without the full-text indexes');
  await dropIndexes("owningConstraint IS NULL AND type <> 'LOOKUP'");
  await timedLoad('uniqueness constraints only');
  await timedLoad('uniqueness constraints only, again');
} finally {
  await db.close();
}
