/**
 * `npm run bench [-- --out results.json] [--quick]`: ingest, load, API and viewer
 * figures on a throwaway local Neo4j, each beside its reference measured in the same
 * run (a minimal loader, direct driver calls, a bare sigma page) and the ratio, as a
 * table and as JSON with a top-level `ratios` object (docs/PERFORMANCE.md).
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
import { startFloorServer } from './http-floor.ts';
import { startBenchServer } from './server.ts';
import { ratiosObject, type ApiRatioKey, type RatioKey } from './ratios.ts';
import { formatTable, TARGETS } from './table.ts';
import { benchViewer, COMPARED_SIZE, type WebglInfo } from './viewer.ts';

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: MachineInfo;
  neo4j_settings: { heap: string; page_cache: string; transaction_memory: string };
  ingest?: Awaited<ReturnType<typeof buildCorpus>>['ingest'];
  load?: LoadFigures;
  api?: ApiFigures;
  viewer?: Awaited<ReturnType<typeof benchViewer>>;
  /** What drew the viewer: software (SwiftShader, the default) or hardware WebGL (--gpu), and the renderer's name. */
  viewer_webgl?: WebglInfo;
  /**
   * Product ÷ reference, same run (issue 18): time ratios lower is better
   * (viewer_*), throughput ratios higher is better (load, api_*); null where not measured.
   */
  ratios: Record<RatioKey, number | null>;
  /**
   * The API's ratios split at the HTTP floor (a bare node:http server around the same
   * functions, api.ts): `floor` is floor ÷ direct calls (what HTTP itself keeps), `product`
   * the API ÷ floor (what the product's own layer keeps), `ceiling` at one connection the best
   * ratio any HTTP server could reach given the time outside the floor's handler (api.ts,
   * FloorFigures); null where not measured.
   */
  http_floor: Record<ApiRatioKey, { floor: number | null; product: number | null; ceiling: number | null }>;
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
  .option('--quick', 'small sizes (20 reports, 6 s per endpoint and side): proves the suite works, in a few minutes')
  .option('--reports <n>', 'synthetic reports to ingest and load (default 200, quick 20)', positiveInt)
  .option('--duration <s>', 'seconds of load per API endpoint and side at 50 connections (default 21, quick 6)', positiveInt)
  .option('--no-api', 'skip the API phase (the load still runs: the API phase reads what it loaded)')
  .option('--no-viewer', 'skip the viewer (headless Chromium) phase')
  .option('--gpu', "draw the viewer with hardware WebGL (the machine's GPU) instead of SwiftShader")
  .parse();

const opts = program.opts<{ out?: string; quick?: boolean; reports?: number; duration?: number; api: boolean; viewer: boolean; gpu?: boolean }>();
const quick = opts.quick === true;
const reports = opts.reports ?? (quick ? 20 : 200);
const durationS = opts.duration ?? (quick ? 6 : 21);
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
    log(
      `ingest: ${corpus.ingest.paragraphs} paragraphs of ${reports} reports in ${(corpus.ingest.ms / 1000).toFixed(1)} s (${corpus.ingest.paragraphs_per_s} paragraphs/s)`,
    );
    results.load = await phase('load', () => benchLoad(db.driver, corpus.graphs, { naiveReports: quick ? 2 : 5, log }));
    if (results.load && opts.api) {
      results.api = await phase('api', async () => {
        const server = await startBenchServer(db);
        const floor = await startFloorServer(db).catch(async (error: unknown) => {
          await server.stop();
          throw error;
        });
        try {
          return await benchApi(db.driver, server, {
            floorUrl: floor.url,
            durationS,
            singleS: quick ? 4 : 12,
            warmupS: quick ? 1 : 3,
            connections: 50,
            slices: quick ? 2 : 3,
            timedCalls: quick ? 50 : 200,
            log,
          });
        } finally {
          await Promise.all([server.stop(), floor.stop()]);
        }
      });
    }
  }
  // Last: it loads graphs of its own into the database.
  if (opts.viewer) {
    const info: { webgl?: WebglInfo } = {};
    results.viewer = await phase('viewer', () => benchViewer({ driver: db.driver, quick, log, failures, webgl: opts.gpu ? 'hardware' : 'software', info }));
    if (info.webgl) results.viewer_webgl = info.webgl;
  }
} finally {
  await db.close();
}

const compared = results.viewer?.[quick ? COMPARED_SIZE.quick : COMPARED_SIZE.full]?.reference?.ratios;
const apiRatio = (endpoint: 'search' | 'node' | 'neighbors', which: 'single' | 'concurrent'): number | null =>
  results.api?.reference?.[endpoint]?.[which].ratio ?? null;
const floorOf = (endpoint: 'search' | 'node' | 'neighbors', which: 'single' | 'concurrent'): BenchResults['http_floor'][ApiRatioKey] => {
  const f = results.api?.reference?.[endpoint]?.[which].floor;
  return { floor: f?.ratio ?? null, product: f?.product_ratio ?? null, ceiling: f?.ceiling ?? null };
};
const final: BenchResults = {
  ...(results as BenchResults),
  ratios: ratiosObject({
    viewer_first_frame: compared?.first_frame,
    viewer_frame: compared?.frame,
    viewer_hover: compared?.hover,
    load: results.load?.reference_ratio,
    api_search_1: apiRatio('search', 'single'),
    api_search_50: apiRatio('search', 'concurrent'),
    api_node_1: apiRatio('node', 'single'),
    api_node_50: apiRatio('node', 'concurrent'),
    api_neighbors_1: apiRatio('neighbors', 'single'),
    api_neighbors_50: apiRatio('neighbors', 'concurrent'),
  }),
  http_floor: {
    api_search_1: floorOf('search', 'single'),
    api_search_50: floorOf('search', 'concurrent'),
    api_node_1: floorOf('node', 'single'),
    api_node_50: floorOf('node', 'concurrent'),
    api_neighbors_1: floorOf('neighbors', 'single'),
    api_neighbors_50: floorOf('neighbors', 'concurrent'),
  },
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
