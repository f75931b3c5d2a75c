/**
 * `npm run bench [-- --out results.json] [--quick]`: ingest, load, API and viewer
 * figures on a throwaway local Neo4j, as a table and as JSON (docs/PERFORMANCE.md).
 * The exit code says whether the benchmark ran, not whether targets were met.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { benchApi, type ApiFigures } from './api.ts';
import { buildCorpus } from './ingest.ts';
import { benchLoad, type LoadFigures } from './load.ts';
import { describeMachine, round, type MachineInfo } from './machine.ts';
import { startBenchDatabase } from './neo4j.ts';
import { startBenchServer } from './server.ts';
import { formatTable, TARGETS } from './table.ts';
import { benchViewer } from './viewer.ts';

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: MachineInfo;
  neo4j_settings: { heap: string; page_cache: string; transaction_memory: string };
  ingest?: Awaited<ReturnType<typeof buildCorpus>>['ingest'];
  load?: LoadFigures;
  api?: ApiFigures;
  viewer?: Awaited<ReturnType<typeof benchViewer>>;
  targets: typeof TARGETS;
  /** Phases that failed, with their error (the run goes on with the next phase where it can). */
  failures: Record<string, string>;
  load_average_at_end: number;
  total_s: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
}

const program = new Command('bench')
  .description('Benchmark ingest, load, the API and the viewer at corpus scale (docs/PERFORMANCE.md)')
  .option('--out <file>', 'write the results as JSON to this file')
  .option('--quick', 'small sizes (20 reports, 5 s per endpoint): proves the suite works, in a few minutes')
  .option('--reports <n>', 'synthetic reports to ingest and load (default 200, quick 20)', positiveInt)
  .option('--duration <s>', 'seconds of load per API endpoint (default 20, quick 5)', positiveInt)
  .option('--no-viewer', 'skip the viewer (headless Chromium) phase')
  .parse();

const opts = program.opts<{ out?: string; quick?: boolean; reports?: number; duration?: number; viewer: boolean }>();
const quick = opts.quick === true;
const reports = opts.reports ?? (quick ? 20 : 200);
const durationS = opts.duration ?? (quick ? 5 : 20);
const started = performance.now();
const log = (line: string): void => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const failures: Record<string, string> = {};
async function phase<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    failures[name] = message;
    log(`${name}: FAILED: ${message}`);
    return undefined;
  }
}

log(`bench: ${quick ? 'quick' : 'full'} run, ${reports} synthetic reports, ${durationS} s per endpoint; starting a throwaway Neo4j…`);
const db = await startBenchDatabase();
const results: Partial<BenchResults> = {
  date: new Date().toISOString(),
  quick,
  machine: describeMachine(db.version),
  neo4j_settings: { heap: db.heap, page_cache: db.pageCache, transaction_memory: db.transactionMemory },
};
try {
  const corpus = await phase('ingest', () => buildCorpus(reports));
  if (corpus) {
    results.ingest = corpus.ingest;
    log(`ingest: ${corpus.ingest.paragraphs} paragraphs of ${reports} reports in ${(corpus.ingest.ms / 1000).toFixed(1)} s (${corpus.ingest.paragraphs_per_s} paragraphs/s)`);
    results.load = await phase('load', () => benchLoad(db.driver, corpus.graphs, { naiveReports: quick ? 2 : 5, log }));
    if (results.load) {
      results.api = await phase('api', async () => {
        const server = await startBenchServer(db);
        try {
          return await benchApi(db.driver, server, { durationS, singleS: quick ? 3 : 10, warmupS: quick ? 1 : 3, connections: 50, log });
        } finally {
          await server.stop();
        }
      });
    }
  }
  // Last: it loads graphs of its own into the database.
  if (opts.viewer) results.viewer = await phase('viewer', () => benchViewer({ driver: db.driver, quick, log, failures }));
} finally {
  await db.close();
}

const final: BenchResults = {
  ...(results as BenchResults),
  targets: TARGETS,
  failures,
  load_average_at_end: round(os.loadavg()[0] ?? 0),
  total_s: Math.round((performance.now() - started) / 1000),
};
console.log(`\n${formatTable(final)}`);
if (opts.out) {
  await mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
  await writeFile(opts.out, `${JSON.stringify(final, null, 2)}\n`);
  log(`results written to ${opts.out}`);
}
process.exit(Object.keys(failures).length > 0 ? 1 : 0);
