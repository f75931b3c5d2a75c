/**
 * The bulk path (server/db/load/bulk.ts): the seed, the development reports and a
 * bilingual pair imported by neo4j-admin into a second, throwaway Neo4j give
 * exactly the graph the loader gives in the run's database, bookkeeping included;
 * and the normal loader then reloads and removes reports on the imported database
 * exactly as on the loaded one.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, loadConfig } from '../../../../../server/config.ts';
import { createDriver } from '../../../../../server/db/driver.ts';
import { loadReports, unloadReport } from '../../../../../server/db/load.ts';
import { bulkLoadLocal, type BulkLoadSummary } from '../../../../../server/db/load/bulk.ts';
import { planLoad } from '../../../../../server/db/load/plan.ts';
import type { LocalNeo4j } from '../../../../../server/db/local/local-neo4j.ts';
import type { GraphJson } from '../../../../../server/contract/model.ts';
import { createLogger } from '../../../../../server/logger.ts';
import { throwawayPlace, type ThrowawayPlace } from '../../../../../scripts/throwaway-neo4j.ts';
import { corpusGraphs } from '../../../../setup/corpus.ts';
import { testDriver } from '../../../../setup/neo4j.ts';
import { clearDatabase } from '../../../../setup/seed.ts';
import { snapshot } from '../helpers.ts';

let loaded: Driver;
let imported: Driver;
let neo4j: LocalNeo4j;
let place: ThrowawayPlace;
let graphs: GraphJson[];
let summary: BulkLoadSummary;
const log = createLogger('warn');

function localSettings(p: ThrowawayPlace) {
  return { ...loadConfig({}).neo4j.local, dataDir: p.dataDir, boltPort: p.boltPort, java: process.env.NEO4J_JAVA };
}

beforeAll(async () => {
  graphs = (await corpusGraphs()).graphs;
  loaded = testDriver();
  await clearDatabase(loaded);
  await loadReports(loaded, graphs);
  place = await throwawayPlace('bulk');
  ({ summary, neo4j } = await bulkLoadLocal(
    graphs.map((g) => planLoad(g)),
    { rootDir: PROJECT_ROOT, local: localSettings(place), log, password: undefined },
  ));
  imported = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
});

afterAll(async () => {
  await imported?.close();
  await neo4j?.stop();
  await place?.remove();
  await clearDatabase(loaded);
  await loaded.close();
});

describe('a bulk import into an empty database', () => {
  it('holds exactly what the loader writes: nodes, labels, relationships and every property, bookkeeping included', async () => {
    const want = await snapshot(loaded);
    expect(summary.nodes).toBe(want.nodes.length);
    expect(summary.relationships).toBe(want.relationships.length);
    expect(await snapshot(imported)).toEqual(want);
    // The marker of lists a CSV field cannot carry is gone.
    expect((await imported.executeQuery('MATCH (n) WHERE n._bulk_empty_lists IS NOT NULL RETURN count(n) AS n')).records[0]!.get('n').toNumber()).toBe(0);
  });

  it('has the schema the loader creates (constraints and indexes, full-text ones online)', async () => {
    const names = async (d: Driver, show: string) =>
      (await d.executeQuery(`${show} YIELD name, ${show.includes('INDEX') ? 'state' : 'type'} AS s RETURN name + ' ' + s AS x ORDER BY x`)).records.map((r) =>
        String(r.get('x')),
      );
    for (const show of ['SHOW CONSTRAINTS', 'SHOW INDEXES']) expect(await names(imported, show)).toEqual(await names(loaded, show));
  });

  it('a reload of a report through the loader then gives what it gives on the loaded database', async () => {
    const again = [graphs[1]!, graphs[0]!];
    await loadReports(loaded, again);
    await loadReports(imported, again);
    expect(await snapshot(imported)).toEqual(await snapshot(loaded));
  }, 600_000);

  it('taking a report out through the loader then gives what it gives on the loaded database', async () => {
    const report = graphs[0]!.reports[0]!;
    await unloadReport(loaded, report);
    await unloadReport(imported, report);
    expect(await snapshot(imported)).toEqual(await snapshot(loaded));
  });

  it('a second bulk import into the now non-empty database is refused, and changes nothing', async () => {
    const before = await snapshot(imported);
    await imported.close();
    await neo4j.stop();
    await expect(bulkLoadLocal([planLoad(graphs[0]!)], { rootDir: PROJECT_ROOT, local: localSettings(place), log, password: undefined })).rejects.toThrow(
      /holds \d+ nodes: a bulk import is for a first import into an empty database/,
    );
    const { LocalNeo4j } = await import('../../../../../server/db/local/local-neo4j.ts');
    neo4j = await LocalNeo4j.start({ ...localSettings(place), rootDir: PROJECT_ROOT, password: undefined, log, supervise: false });
    imported = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    expect(await snapshot(imported)).toEqual(before);
  }, 600_000);
});
