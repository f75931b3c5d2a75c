/**
 * `npm start` on an empty database: load the bundled corpus (data/reports/) so the
 * viewer has a graph to show. A database that holds anything is left as it is
 * (apart from the schema, which the API's search needs and which is idempotent).
 */
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../logger.ts';
import { CORPUS_DIR, corpusFiles, ingestFiles } from './corpus.ts';
import { formatLoadSummary, loadReports, type LoadSummary } from './load.ts';
import { readQuery } from './queries/run.ts';
import { applySchema } from './schema.ts';
import { StartupError } from './startup-error.ts';

export interface SeedOptions {
  database?: string;
  /** Where the bundled reports are (default data/reports). */
  dir?: string;
}

/** True when the database holds no node at all. */
export async function isDatabaseEmpty(driver: Driver, database?: string): Promise<boolean> {
  const { records } = await readQuery(driver, 'MATCH (n) RETURN n LIMIT 1', {}, { database });
  return records.length === 0;
}

/**
 * Load the bundled corpus if the database is empty; returns what was loaded, or
 * undefined when the database already held something (or there is nothing to load). Fails with a StartupError
 * (one line) when the corpus cannot be ingested or loaded.
 */
export async function loadBundledCorpusIfEmpty(driver: Driver, log: Logger, options: SeedOptions = {}): Promise<LoadSummary | undefined> {
  const db = options.database ? { database: options.database } : {};
  if (!(await isDatabaseEmpty(driver, options.database))) {
    try {
      await applySchema(driver, db);
    } catch (error) {
      log.warn(`The database's schema could not be brought up to date (search may not work): ${firstLine(error)}`);
    }
    return undefined;
  }
  const started = performance.now();
  try {
    const files = await corpusFiles(options.dir ?? CORPUS_DIR);
    if (files.length === 0) {
      log.warn(`The database is empty and ${options.dir ?? CORPUS_DIR} holds no report file (.txt, .pdf, .docx): nothing to load.`);
      await applySchema(driver, db);
      return undefined;
    }
    log.info(`The database is empty: loading the bundled corpus (${files.length} report${files.length > 1 ? 's' : ''})…`);
    const reports = await ingestFiles(files);
    for (const r of reports) for (const w of r.warnings) log.warn(w);
    const summary = await loadReports(
      driver,
      reports.map((r) => r.graph),
      { ...db },
    );
    log.info(formatLoadSummary(summary));
    log.info(`Bundled corpus loaded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return summary;
  } catch (error) {
    throw new StartupError(`The database is empty and the bundled corpus could not be loaded into it: ${firstLine(error)}`);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
