/**
 * npm run load -- [report files…] [--gazetteer dir] [--batch-size n]
 * npm run load -- --remove <report> [--remove <report>…]
 *
 * Ingests each report — a PDF, a Word .docx, a text file, or a graph.json that
 * `npm run ingest` wrote for one report — (default: the bundled corpus in data/reports/) and loads it
 * into the Neo4j that NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD name, or the local one;
 * all of them in one transaction, each replacing its previous version. Every report is
 * ingested and checked before the database is touched. With --remove, the named reports are
 * taken out instead (what only they brought goes; what others share is recomputed), each
 * all or nothing. Bad input: one line on
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
import { StartupError } from '../server/db/startup-error.ts';
import { createLogger } from '../server/logger.ts';

interface Options {
  gazetteer: string;
  batchSize: number;
  remove: string[];
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
    .option('--remove <report>', 'take a loaded report out (its id, report:lac-rpm-2025, or its source file name); what other reports share stays, recomputed from them (repeatable)', collect, [])
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
    await remove(opts.remove);
    return;
  }
  const files = program.args.length > 0 ? program.args : await corpusFiles();
  if (files.length === 0) throw new UsageError(`no report to load: ${CORPUS_DIR} holds no report file (.txt, .pdf, .docx) and none was named`);

  const started = performance.now();
  const gazetteer = await loadGazetteer(opts.gazetteer);
  let reports = await ingestFiles(files, { gazetteer });

  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db: Database = await openDatabase(config, log);
  try {
    const database = config.neo4j.database;
    // The other language's report of a meeting already loaded keeps apart instead of replacing it.
    const taken = await loadedReportLanguages(db.driver, { database });
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
      console.log(`removed ${s.report}: ${s.nodesDeleted} nodes and ${s.relationshipsDeleted} relationships out, shared nodes and relationships recomputed (${s.sharedUpdated} properties set), in ${(s.ms / 1000).toFixed(2)} s`);
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
  const known = error instanceof UsageError || error instanceof CorpusError || error instanceof LoadInputError || error instanceof StartupError || error instanceof ConfigError;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`load: ${known ? message.split('\n')[0] : `failed: ${message.split('\n')[0]}`}`);
  process.exit(1);
});
