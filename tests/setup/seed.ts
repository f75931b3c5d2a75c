/**
 * The seed for integration tests: the bundled report, ingested with the real
 * pipeline and loaded with the real loader. Typical use:
 *
 *   let driver: Driver;
 *   beforeAll(async () => { driver = testDriver(); await loadSeed(driver); });
 *   afterAll(() => driver.close());
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../server/config.ts';
import { ingestFiles } from '../../server/db/corpus.ts';
import { loadReport, type LoadSummary } from '../../server/db/load.ts';
import type { GraphJson } from '../../server/contract/model.ts';

export const SEED_REPORT_FILE = path.join(PROJECT_ROOT, 'data', 'reports', 'lac-rpm-2025.zh.txt');
export const SEED_REPORT_ID = 'report:lac-rpm-2025';

let ingested: Promise<GraphJson> | undefined;

/** The seed's graph.json (ingested once per test file; a fresh copy each call). */
export async function seedGraph(): Promise<GraphJson> {
  ingested ??= ingestFiles([SEED_REPORT_FILE]).then(([r]) => r!.graph);
  return structuredClone(await ingested);
}

/** Delete every node and relationship (the schema stays). */
export async function clearDatabase(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    // Auto-commit, so that a big database goes in chunks rather than one huge transaction.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** Replace whatever the database holds with the seed (schema applied). */
export async function loadSeed(driver: Driver): Promise<LoadSummary> {
  const graph = await seedGraph();
  await clearDatabase(driver);
  return loadReport(driver, graph);
}
