/**
 * The seed and the two development reports (tests/fixtures/dev/), ingested with
 * the real pipeline and loaded together: the corpus the search tests run on.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../../../server/config.ts';
import { ingestFiles } from '../../../../server/db/corpus.ts';
import { loadReports } from '../../../../server/db/load.ts';
import { clearDatabase, SEED_REPORT_FILE } from '../../../setup/seed.ts';

export const DEV_REPORT_FILES = ['afr-rpm-2025.zh.txt', 'eur-rpm-2025.en.txt'].map((f) => path.join(PROJECT_ROOT, 'tests', 'fixtures', 'dev', f));

/** Replace whatever the database holds with the three reports. */
export async function loadThreeReports(driver: Driver): Promise<void> {
  const reports = await ingestFiles([SEED_REPORT_FILE, ...DEV_REPORT_FILES]);
  await clearDatabase(driver);
  await loadReports(
    driver,
    reports.map((r) => r.graph),
  );
}
