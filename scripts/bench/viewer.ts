/**
 * The viewer benchmark: the seed and synthetic graphs of 10,000 and 50,000
 * nodes, each loaded into Neo4j with the real loader, served by the real app
 * (createApp) and drawn by the built viewer in Debian's headless Chromium.
 * At 10,000 nodes (2,000 with --quick) the viewer is measured against its
 * reference, a bare graphology + sigma page drawing the same answer of the same
 * app (viewer-reference.ts): alternating page loads (viewer first, then the
 * reference, then the other way round…), medians of first frame, one full frame
 * and hover on each side, and their ratios.
 * `npm run bench` calls benchViewer last, on its throwaway database; run alone,
 *
 *   tsx scripts/bench/viewer.ts [--quick] [--out viewer.json]
 *
 * starts a throwaway Neo4j of its own (as the tests do) and prints the figures.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { ensureBuilt } from '../../client/tools/ensure-built.ts';
import { createApp } from '../../server/api/app.ts';
import { loadConfig } from '../../server/config.ts';
import { corpusFiles, ingestFiles } from '../../server/db/corpus.ts';
import { loadReports } from '../../server/db/load.ts';
import { inTurn, median, ratio } from './ratios.ts';
import { syntheticGraph } from './viewer-graph.ts';
import { measurePage, measureReferencePage, type PageFigures, type ReferencePageFigures } from './viewer-page.ts';
import { startReferencePage } from './viewer-reference.ts';

export interface ViewerFigures {
  nodes: number;
  edges: number;
  /** Medians over the viewer's page loads where it was compared, else its one load. */
  first_render_ms: number;
  /** Null: not measured (the layout had stopped before the page first answered). */
  layout_fps: number | null;
  max_long_task_ms: number | null;
  frame_ms: number | null;
  hover_ms: number | null;
  /** From the first page load only. */
  click_ms: number | null;
  camera_ms: number | null;
  /** Against the bare sigma page, where compared. */
  reference?: ViewerComparison;
}

export interface ViewerComparison {
  runs: number;
  product_runs: Pick<PageFigures, 'first_render_ms' | 'frame_ms' | 'frame_fault' | 'hover_ms'>[];
  reference_runs: ReferencePageFigures[];
  reference: { first_render_ms: number; frame_ms: number | null; hover_ms: number | null };
  /** Viewer ÷ reference, medians; lower is better. */
  ratios: { first_frame: number | null; frame: number | null; hover: number | null };
  method: string;
}

/** Debian's Chromium (the e2e test's browser); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Headless, software WebGL (SwiftShader), nothing phoning home. Unlike the e2e test, without
 * --disable-gpu: that flag also turns compositing to software, and every WebGL frame is then
 * read back on the page's main thread. Measured on the seed's layout: 20 long tasks (5.8 s in
 * all, up to 829 ms) with it, 2 (the first frame's) without; a browser on a machine with a
 * GPU composites on the GPU, as this does in software.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Software WebGL (the default: what a machine without a GPU, such as CI, has). */
const SOFTWARE_WEBGL = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
/** Hardware WebGL (`npm run bench -- --gpu`): the GPU's driver through ANGLE, blocklist ignored (headless Chromium blocklists most GPUs). */
const HARDWARE_WEBGL = ['--use-angle=default', '--ignore-gpu-blocklist', '--enable-gpu-rasterization'];

export type WebglMode = 'software' | 'hardware';

/** What drew the viewer's WebGL: the mode asked for and the renderer the browser reports (WEBGL_debug_renderer_info). */
export interface WebglInfo {
  mode: WebglMode;
  renderer: string;
}

interface Case {
  key: string;
  /** Synthetic size; none for the bundled corpus. */
  size?: { nodes: number; edges: number };
  /** Page loads of the viewer and of the reference, alternating (none: the viewer once, no reference). */
  compare?: number;
  /** Measure a full frame (a 50k frame in software WebGL takes minutes). */
  frame?: boolean;
}

const FULL: Case[] = [
  { key: 'seed' },
  { key: '10k', size: { nodes: 10_000, edges: 50_000 }, compare: 3 },
  { key: '50k', size: { nodes: 50_000, edges: 200_000 }, frame: false },
];
const QUICK: Case[] = [{ key: 'seed' }, { key: '2k', size: { nodes: 2_000, edges: 10_000 }, compare: 2 }];

/** The size whose comparison gives the top-level viewer ratios. */
export const COMPARED_SIZE = { full: '10k', quick: '2k' } as const;

/** The layout stops by itself after at most 10 s (client/src/graph/layout.ts); allow for its spread pass. */
const LAYOUT_CAP_MS = 20_000;

/**
 * One size failing (e.g. 50k never drawn) is recorded in `failures` as `viewer.<size>`
 * and the other sizes still run, so their figures are not lost with it.
 */
export async function benchViewer(opts: {
  driver: Driver;
  quick: boolean;
  log: (line: string) => void;
  failures?: Record<string, string>;
  /** Default 'software' (SwiftShader). */
  webgl?: WebglMode;
  /** Filled with the renderer the browser used. */
  info?: { webgl?: WebglInfo };
}): Promise<Record<string, ViewerFigures>> {
  const { driver, quick, log } = opts;
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  if ((await ensureBuilt({ quiet: true })) === 'built') log('viewer: built client/dist');
  const mode = opts.webgl ?? 'software';
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...(mode === 'hardware' ? HARDWARE_WEBGL : SOFTWARE_WEBGL)] });
  const renderer = await webglRenderer(browser);
  log(`viewer: ${mode} WebGL, renderer ${renderer}`);
  if (opts.info) opts.info.webgl = { mode, renderer };
  const results: Record<string, ViewerFigures> = {};
  try {
    for (const c of quick ? QUICK : FULL) {
      try {
        const graphs = c.size ? [syntheticGraph(c.size)] : (await ingestFiles(await corpusFiles())).map((r) => r.graph);
        const started = performance.now();
        await clearDatabase(driver);
        await loadReports(driver, graphs);
        log(
          `viewer ${c.key}: loaded ${sum(graphs, (g) => g.nodes.length)} nodes, ${sum(graphs, (g) => g.relationships.length)} relationships in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        results[c.key] = await withServer(driver, async (url) => {
          const figures = await measurePage(browser, url, { layoutCapMs: LAYOUT_CAP_MS, log, frame: c.frame !== false });
          log(`viewer ${c.key}: ${describe(figures)}`);
          if (!c.compare) return pick(figures);
          const comparison = await compare(browser, url, figures, c.compare, log);
          log(
            `viewer ${c.key} against bare sigma (${comparison.runs} page loads each, medians): first frame ${comparison.reference.first_render_ms} ms, ` +
              `frame ${comparison.reference.frame_ms ?? 'n/a'} ms, hover ${comparison.reference.hover_ms ?? 'no answer'} ms; ratios ${JSON.stringify(comparison.ratios)}`,
          );
          const medianOf = (values: (number | null)[]): number | null => {
            const measured = values.filter((v): v is number => v !== null);
            return measured.length > 0 ? Math.round(median(measured)) : null;
          };
          return {
            ...pick(figures),
            first_render_ms: medianOf(comparison.product_runs.map((r) => r.first_render_ms))!,
            frame_ms: medianOf(comparison.product_runs.map((r) => r.frame_ms)),
            hover_ms: medianOf(comparison.product_runs.map((r) => r.hover_ms)),
            reference: comparison,
          };
        });
      } catch (error) {
        const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        if (!opts.failures) throw error;
        opts.failures[`viewer.${c.key}`] = message;
        log(`viewer ${c.key}: FAILED: ${message}`);
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** The WebGL renderer a blank page of this browser gets (unmasked where the browser tells it). */
async function webglRenderer(browser: Browser): Promise<string> {
  const page = await browser.newPage();
  try {
    return (await page.evaluate(`(function () {
      var gl = document.createElement('canvas').getContext('webgl2') || document.createElement('canvas').getContext('webgl');
      if (!gl) return 'no WebGL';
      var ext = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    })()`)) as string;
  } finally {
    await page.close();
  }
}

/** The app on a free loopback port, with the caps a large graph needs raised. */
async function withServer<T>(driver: Driver, use: (url: string) => Promise<T>): Promise<T> {
  const config = loadConfig({ LOG_LEVEL: 'silent', GRAPH_MAX_NODES: '200000', RATE_LIMIT_SEARCH: '0', RATE_LIMIT_CYPHER: '0' });
  const app = createApp({ driver, config, log: pino({ level: 'silent' }) });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Everything out (the schema stays), in chunks so a large graph is no single huge transaction. */
async function clearDatabase(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

function pick(f: PageFigures): ViewerFigures {
  return {
    nodes: f.nodes,
    edges: f.edges,
    first_render_ms: f.first_render_ms,
    layout_fps: f.layout_fps,
    max_long_task_ms: f.max_long_task_ms,
    frame_ms: f.frame_ms,
    hover_ms: f.hover_ms,
    click_ms: f.click_ms,
    camera_ms: f.camera_ms,
  };
}

/**
 * The viewer against the bare sigma page on the app at `appUrl`: `runs` page loads of
 * each, alternating (the viewer's first load is `first`, already made; then the
 * reference, the reference again and the viewer, …), medians and their ratios.
 */
async function compare(browser: Browser, appUrl: string, first: PageFigures, runs: number, log: (line: string) => void): Promise<ViewerComparison> {
  const reference = await startReferencePage(appUrl);
  const productRuns: ViewerComparison['product_runs'] = [
    { first_render_ms: first.first_render_ms, frame_ms: first.frame_ms, frame_fault: first.frame_fault, hover_ms: first.hover_ms },
  ];
  const referenceRuns: ReferencePageFigures[] = [];
  const product = async (): Promise<void> => {
    const f = await measurePage(browser, appUrl, { layoutCapMs: LAYOUT_CAP_MS, log, light: true });
    productRuns.push({ first_render_ms: f.first_render_ms, frame_ms: f.frame_ms, frame_fault: f.frame_fault, hover_ms: f.hover_ms });
    log(`  viewer: first frame ${f.first_render_ms} ms, frame ${f.frame_ms ?? 'n/a'} ms, hover ${f.hover_ms ?? 'no answer'} ms`);
  };
  const bare = async (): Promise<void> => {
    const f = await measureReferencePage(browser, reference.url, first.canvas, log);
    if (f.nodes !== first.nodes || f.edges !== first.edges)
      throw new Error(`the reference drew ${f.nodes} nodes and ${f.edges} edges, the viewer ${first.nodes} and ${first.edges}`);
    referenceRuns.push(f);
    log(`  bare sigma: first frame ${f.first_render_ms} ms, frame ${f.frame_ms ?? 'n/a'} ms, hover ${f.hover_ms ?? 'no answer'} ms`);
  };
  try {
    // The viewer's first load is made; then R, R V, V R, R V …: each side `runs` times, alternating.
    await bare();
    for (let i = 1; i < runs; i++) {
      await inTurn(i, product, bare);
    }
  } finally {
    await reference.close();
  }
  const medianOf = (values: (number | null)[]): number | null => {
    const measured = values.filter((v): v is number => v !== null);
    return measured.length > 0 ? Math.round(median(measured)) : null;
  };
  const p = {
    first: medianOf(productRuns.map((r) => r.first_render_ms)),
    frame: medianOf(productRuns.map((r) => r.frame_ms)),
    hover: medianOf(productRuns.map((r) => r.hover_ms)),
  };
  const r = {
    first_render_ms: medianOf(referenceRuns.map((x) => x.first_render_ms))!,
    frame_ms: medianOf(referenceRuns.map((x) => x.frame_ms)),
    hover_ms: medianOf(referenceRuns.map((x) => x.hover_ms)),
  };
  return {
    runs: productRuns.length,
    product_runs: productRuns,
    reference_runs: referenceRuns,
    reference: r,
    ratios: { first_frame: ratio(p.first, r.first_render_ms), frame: ratio(p.frame, r.frame_ms), hover: ratio(p.hover, r.hover_ms) },
    method:
      "a bare graphology + sigma v4 page (graphology.umd.min.js, sigma.min.js; default settings and styles; positions uniform in a disc by node key, sizes by degree, names as labels) fetching the same /api/graph of the same app, its container the size and place of the viewer canvas; page loads alternating with the viewer, medians; first frame: navigation start → sigma's first render with the graph; frame: sigma.render() on a still graph with the nodes of both pages at the same positions (viewer-positions.ts), two back to back, each followed by a one-pixel readPixels (the GPU's work on the frame done), per frame until the next animation frame, refused and measured again (at most 3 times, else none recorded, with the reason in frame_fault) when a frame did not draw every edge (a lost WebGL context, edges hidden while moving) or covered no pixel of a visible canvas; hover: pointer event → the frame showing a hovered node, once drawn (the same one-pixel readPixels)",
  };
}

function describe(f: PageFigures): string {
  const ms = (v: number | null): string => (v === null ? 'no answer' : `${v} ms`);
  return (
    `${f.nodes} nodes, ${f.edges} edges: first render ${f.first_render_ms} ms, ` +
    (f.max_long_task_ms === null
      ? 'layout and long tasks not measured (the layout had stopped before the page first answered); '
      : `layout ${f.layout_fps} fps, longest task ${f.max_long_task_ms} ms (${f.long_tasks} long tasks in ${(f.layout_window_ms / 1000).toFixed(1)} s); `) +
    `frame ${f.frame_ms === null ? 'not measured' : `${f.frame_ms} ms`}, hover ${ms(f.hover_ms)}, click ${ms(f.click_ms)}, zoom ${ms(f.camera_ms)}`
  );
}

function sum<T>(items: readonly T[], f: (item: T) => number): number {
  return items.reduce((total, item) => total + f(item), 0);
}

/** Run alone: a throwaway local Neo4j, the benchmark, the figures as JSON. */
async function main(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const { startThrowawayNeo4j } = await import('../throwaway-neo4j.ts');
  const { createDriver } = await import('../../server/db/driver.ts');
  const neo4j = await startThrowawayNeo4j('bench-viewer', { heap: '1g', pageCache: '256m', transactionMemory: '768m' });
  const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  try {
    const results = await benchViewer({ driver, quick, log: (line) => console.log(line) });
    const json = JSON.stringify(
      { viewer: results, date: new Date().toISOString(), cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
      null,
      2,
    );
    if (out) await writeFile(out, `${json}\n`);
    console.log(json);
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
