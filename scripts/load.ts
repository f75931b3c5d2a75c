/**
 * npm run load -- [report files…] [--gazetteer dir] [--batch-size n]
 * npm run load -- --remove <report> [--remove <report>…]
 * npm run load -- --bulk [report files…]
 *
 * Ingests each report — a PDF, a Word .docx, a text file, or a graph.json that
 * `npm run ingest` wrote for one report — (default: the bundled corpus in data/reports/) and loads it
 * into the Neo4j that NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD name, or the local one;
 * all of them in one transaction, each replacing its previous version. Every report is
 * ingested and checked before the database is touched. With --remove, the named reports are
 * taken out instead (what only they brought goes; what others share is recomputed), each
 * all or nothing. With --bulk, a first import into the project's own Neo4j while its
 * database is empty: neo4j-admin writes the store from CSV files (server/db/load/bulk.ts;
 * docs/PERFORMANCE.md), refused when NEO4J_URI names another server or the database holds
 * anything. Bad input: one line on
 * stderr, exit 1.
 */
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/connect.ts';
import { CORPUS_DIR, CorpusError, GAZETTEER_DIR, corpusFiles, ingestFiles } from '../server/db/corpus.ts';
import { findReport, removeReport } from '../server/db/remove.ts';
import { languageVersionId, loadedReportLanguages } from '../server/db/report-ids.ts';
import { loadGazetteer } from '../server/ingest/index.ts';
import { DEFAULT_BATCH_SIZE, LoadInputError, formatLoadSummary, loadReports, type LoadProgress } from '../server/db/load.ts';
import { applySchema } from '../server/db/schema.ts';
import { BulkImportError, bulkLoadLocal } from '../server/db/load/bulk.ts';
import { BulkInputError } from '../server/db/load/bulk-csv.ts';
import { planLoad } from '../server/db/load/plan.ts';
import { StartupError } from '../server/db/startup-error.ts';
import { createLogger } from '../server/logger.ts';

interface Options {
  gazetteer: string;
  batchSize: number;
  remove: string[];
  bulk: boolean;
}

class UsageError extends Error {}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return n;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('load')
    .description('Ingest reports and load them into Neo4j, each replacing its previous version (see docs/MODEL.md); or take reports out with --remove')
    .argument('[reports...]', `report files (PDF, Word .docx, text, or a graph.json of one report); default: every report file in ${CORPUS_DIR}`)
    .option('--gazetteer <dir>', 'gazetteer directory', GAZETTEER_DIR)
    .option('--batch-size <n>', 'rows per UNWIND batch', positiveInteger, DEFAULT_BATCH_SIZE)
    .option(
      '--bulk',
      "first import into the project's own, empty Neo4j through neo4j-admin database import (fast for a large corpus; not with NEO4J_URI)",
      false,
    )
    .option(
      '--remove <report>',
      'take a loaded report out (its id, report:lac-rpm-2025, or its source file name); what other reports share stays, recomputed from them (repeatable)',
      collect,
      [],
    )
    // Commander's own error output would be several lines; ours is one (below).
    .configureOutput({ writeErr: () => {} })
    .exitOverride();
  try {
    program.parse(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return;
    throw new UsageError((error as Error).message.replace(/^error: /, ''));
  }
  const opts = program.opts<Options>();
  if (opts.remove.length > 0) {
    if (program.args.length > 0) throw new UsageError('--remove takes reports out; name no report files to load with it');
    if (opts.bulk) throw new UsageError('--bulk is a first import and --remove takes reports out: use one or the other');
    await remove(opts.remove);
    return;
  }
  if (opts.bulk && loadConfig().neo4j.uri) {
    throw new UsageError(
      "--bulk writes the store files of the project's own Neo4j with neo4j-admin, which needs them on this machine and the database stopped; NEO4J_URI names another server: unset it, or load with npm run load without --bulk",
    );
  }
  const files = program.args.length > 0 ? program.args : await corpusFiles();
  if (files.length === 0) throw new UsageError(`no report to load: ${CORPUS_DIR} holds no report file (.txt, .pdf, .docx) and none was named`);

  const started = performance.now();
  const gazetteer = await loadGazetteer(opts.gazetteer);
  let reports = await ingestFiles(files, { gazetteer });

  const config = loadConfig();
  if (opts.bulk) {
    await bulk(reports, files, gazetteer, config);
    return;
  }
  const log = createLogger(config.logLevel);
  const db: Database = await openDatabase(config, log);
  try {
    const database = config.neo4j.database;
    // The other language's report of a meeting already loaded keeps apart instead of replacing it.
    reports = await languageVersions(reports, files, gazetteer, await loadedReportLanguages(db.driver, { database }));
    await applySchema(db.driver, database ? { database } : {});
    const summary = await loadReports(
      db.driver,
      reports.map((r) => r.graph),
      { ...(database ? { database } : {}), batchSize: opts.batchSize, schema: false, onProgress: progressPrinter() },
    );
    console.log(formatLoadSummary(summary));
    const n = summary.reports.length;
    console.log(
      `loaded ${n} report${n === 1 ? '' : 's'}: ${summary.nodes} nodes, ${summary.relationships} relationships; ` +
        `load ${(summary.ms / 1000).toFixed(2)} s (${summary.ms > 0 ? Math.round((summary.relationships / summary.ms) * 1000) : summary.relationships} relationships/s), ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s in all`,
    );
  } finally {
    await db.close();
  }
}

type Ingested = Awaited<ReturnType<typeof ingestFiles>>;

/**
 * The other language's report of a meeting already loaded (or earlier in `reports`) keeps apart instead
 * of replacing it: such reports are ingested again under their language version's id. Prints what was ingested.
 */
async function languageVersions(
  reports: Ingested,
  files: string[],
  gazetteer: Awaited<ReturnType<typeof loadGazetteer>>,
  taken: Map<string, string>,
): Promise<Ingested> {
  const renamed = new Map<string, string>();
  for (const r of reports) {
    const id = languageVersionId(r.graph, taken);
    if (id) renamed.set(r.file, id);
    const report = r.graph.nodes.find((n) => n.labels.includes('Report'));
    taken.set(id ?? r.graph.reports[0]!, String(report?.properties.language ?? ''));
  }
  if (renamed.size > 0) reports = await ingestFiles(files, { gazetteer, reportIds: renamed });
  for (const r of reports) {
    console.log(`ingested ${r.file} → ${r.graph.reports[0]}: ${r.graph.nodes.length} nodes, ${r.graph.relationships.length} relationships`);
    for (const w of r.warnings) console.log(`  warning: ${w}`);
  }
  return reports;
}

/** --bulk: plan every report (bad input refused before anything is touched), then the bulk path (server/db/load/bulk.ts). */
async function bulk(
  ingested: Ingested,
  files: string[],
  gazetteer: Awaited<ReturnType<typeof loadGazetteer>>,
  config: ReturnType<typeof loadConfig>,
): Promise<void> {
  const started = performance.now();
  const reports = await languageVersions(ingested, files, gazetteer, new Map());
  const plans = reports.map((r) => planLoad(r.graph));
  const seen = new Set<string>();
  for (const p of plans) {
    if (seen.has(p.report)) throw new LoadInputError(`report ${p.report} is given twice in one load`);
    seen.add(p.report);
  }
  const log = createLogger(config.logLevel);
  const { summary, neo4j } = await bulkLoadLocal(plans, { rootDir: config.rootDir, local: config.neo4j.local, log, password: config.neo4j.password });
  await neo4j.stop();
  const n = plans.length;
  console.log(
    `bulk-imported ${n} report${n === 1 ? '' : 's'} into ${config.neo4j.local.dataDir}: ${summary.nodes} nodes, ${summary.relationships} relationships (${summary.files} CSV files); ` +
      `CSV ${(summary.csvMs / 1000).toFixed(2)} s, neo4j-admin ${(summary.importMs / 1000).toFixed(2)} s, to schema online ${(summary.ms / 1000).toFixed(2)} s ` +
      `(${summary.ms > 0 ? Math.round((summary.relationships / summary.ms) * 1000) : summary.relationships} relationships/s), ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Take reports out, each in its own transaction; an unknown report is an error and nothing of the others is touched before it is found. */
async function remove(names: string[]): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db: Database = await openDatabase(config, log);
  try {
    const database = config.neo4j.database;
    const ids: string[] = [];
    for (const name of names) {
      const id = await findReport(db.driver, name, { database });
      if (!id) throw new UsageError(`no loaded report is ${name}: name its id (report:…) or its source file (see GET /api/reports)`);
      ids.push(id);
    }
    for (const id of ids) {
      const s = await removeReport(db.driver, id, database ? { database } : {});
      if (!s) throw new UsageError(`report ${id} was taken out meanwhile`);
      console.log(
        `removed ${s.report}: ${s.nodesDeleted} nodes and ${s.relationshipsDeleted} relationships out, shared nodes and relationships recomputed (${s.sharedUpdated} properties set), in ${(s.ms / 1000).toFixed(2)} s`,
      );
    }
  } finally {
    await db.close();
  }
}

/** Progress on stderr: one line rewritten in place on a terminal, a line per phase elsewhere. */
function progressPrinter(): (p: LoadProgress) => void {
  const tty = process.stderr.isTTY;
  return (p) => {
    const line = `${p.report}: ${p.phase === 'remove' ? 'old version taken out' : `${p.phase} ${p.done}/${p.total}`}`;
    if (tty) process.stderr.write(`\r\x1b[2K${line}${p.done === p.total && p.phase === 'relationships' ? '\n' : ''}`);
    else if (p.done === p.total) process.stderr.write(`${line}\n`);
  };
}

main(process.argv).catch((error: unknown) => {
  const known =
    error instanceof UsageError ||
    error instanceof CorpusError ||
    error instanceof LoadInputError ||
    error instanceof StartupError ||
    error instanceof ConfigError ||
    error instanceof BulkImportError ||
    error instanceof BulkInputError;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`load: ${known ? message.split('\n')[0] : `failed: ${message.split('\n')[0]}`}`);
  process.exit(1);
});
