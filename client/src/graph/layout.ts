import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { NoverlapNodeReducer, NoverlapSettings } from 'graphology-layout-noverlap';
import noverlapModule from 'graphology-layout-noverlap';
import noverlapWorkerModule from 'graphology-layout-noverlap/worker.js';
import { cjsDefault } from '../util/cjs.ts';
import type { ViewerGraph } from './build.ts';
import { FA2Worker } from './fa2Worker.ts';

interface FA2Supervisor {
  isRunning(): boolean;
  start(iterations?: number, onDone?: (() => void) | null): void;
  stop(): void;
  kill(): void;
}
type NoverlapSupervisorClass = new (
  graph: ViewerGraph,
  params: { settings: NoverlapSettings; inputReducer: NoverlapNodeReducer; onConverged: () => void },
) => FA2Supervisor;
const NoverlapWorker = cjsDefault<NoverlapSupervisorClass>(noverlapWorkerModule);
const noverlap = cjsDefault<{
  assign(graph: ViewerGraph, params: { maxIterations: number; settings: NoverlapSettings; inputReducer: NoverlapNodeReducer }): void;
}>(noverlapModule);

/**
 * Up to this many nodes, overlaps are spread after every layout run; above it
 * only on demand (the button). Spreading always runs in a worker, for at most
 * SPREAD_WORKER_MAX_MS: one pass on the main thread blocked the page for 3.5 s
 * at 2,000 nodes (minutes when the layout packs thousands of nodes into a few
 * of its grid cells).
 */
export const AUTO_SPREAD_MAX_ORDER = 2000;
const SPREAD_WORKER_MAX_MS = 5000;

export interface LayoutEvents {
  onChange: (running: boolean) => void;
}

/**
 * How many ForceAtlas2 iterations a layout run does on its own, by graph size. A
 * fixed count, not a time: the same graph then always ends in the same picture,
 * so a link reopens what was shared (on a slow machine it takes longer).
 */
export function autoIterations(order: number): number {
  if (order <= 60) return 500;
  if (order <= 300) return 700;
  if (order <= 2000) return 600;
  return 400;
}

/** Up to this many nodes, overlaps are spread on the main thread, to convergence (deterministic, a few ms); above, in a worker. */
export const SYNC_SPREAD_MAX_ORDER = 600;
const SPREAD_MAX_ITERATIONS = 60;

/**
 * Above AUTO_SPREAD_MAX_ORDER nodes a run also stops after this long (ms), whichever comes
 * first, so a very large graph does not keep the machine busy for minutes: such a picture
 * is reproducible only when the machine finished the iterations in time.
 */
export function autoStopAfter(order: number): number {
  if (order <= 60) return 2500;
  if (order <= 300) return 3500;
  if (order <= 2000) return 6000;
  return 10000;
}

/**
 * How often the running layout writes positions into the graph (ms): about 25
 * times a second for a small graph (smooth enough to watch), a few times a second
 * for a large one. Each write restyles and redraws every node (see FA2Worker), and
 * the worker waits for the page between iterations: writing on every iteration made
 * a 200-node layout crawl at 5-10 iterations a second on a busy machine without a
 * GPU, two minutes before the picture stood still.
 */
export function positionWriteInterval(order: number): number {
  if (order <= AUTO_SPREAD_MAX_ORDER) return 40;
  return order <= 20_000 ? 100 : 250;
}

/** ForceAtlas2 settings: LinLog, strong gravity, weights counted, Barnes-Hut once the graph is large. */
export function fa2Settings(graph: ViewerGraph): ForceAtlas2Settings {
  return {
    // LinLog spreads the report's communities (recommendations, States, crime types, …) into
    // readable clusters; strong gravity keeps small components in view.
    linLogMode: true,
    strongGravityMode: true,
    gravity: 0.08,
    scalingRatio: graph.order <= 60 ? 8 : 2,
    // Larger graphs move more gently per iteration (as forceAtlas2.inferSettings does), so they do not shake.
    slowDown: Math.max(4, 1 + Math.log(graph.order)),
    edgeWeightInfluence: 0.6,
    barnesHutOptimize: graph.order > 400,
  };
}

/**
 * ForceAtlas2 in a web worker (the page stays responsive), started on demand,
 * stopped by the user or after a while, then noverlap (in a worker too) so
 * labels and discs do not sit on each other.
 */
export class Layout {
  private supervisor: FA2Supervisor | null = null;
  private spreader: FA2Supervisor | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private spreadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly graph: ViewerGraph,
    private readonly events: LayoutEvents,
  ) {}

  isRunning(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  /** The force layout runs, or overlaps are still being spread: positions are moving. */
  isMoving(): boolean {
    return this.isRunning() || this.spreader !== null;
  }

  /**
   * Runs ForceAtlas2: `iterations` of them and then spreads overlaps (a
   * reproducible run, what the views start), or, with `iterations` Infinity,
   * until stopped or `duration` ms have passed (the user's Run button).
   */
  start(options: { iterations?: number; duration?: number } = {}): void {
    if (this.graph.order === 0) return;
    this.stopSpreading();
    if (!this.supervisor) {
      this.supervisor = new FA2Worker(this.graph, fa2Settings(this.graph), positionWriteInterval(this.graph.order));
    }
    const iterations = options.iterations ?? autoIterations(this.graph.order);
    if (!this.supervisor.isRunning()) this.supervisor.start(iterations, () => this.stop(true, true));
    const cap = options.duration ?? (iterations === Infinity || this.graph.order > AUTO_SPREAD_MAX_ORDER ? autoStopAfter(this.graph.order) : null);
    if (cap !== null) this.armTimer(cap);
    else if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.events.onChange(true);
  }

  stop(spread = true, finished = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wasRunning = finished || this.isRunning();
    this.supervisor?.stop();
    if (spread && wasRunning && this.graph.order <= AUTO_SPREAD_MAX_ORDER) this.spread();
    this.events.onChange(false);
  }

  toggle(): void {
    if (this.isRunning()) this.stop();
    else this.start({ iterations: Infinity });
  }

  /** Noverlap in a worker until it converges: moves overlapping nodes apart, keeps the overall shape. */
  spread(): void {
    if (this.graph.order < 2) return;
    // Sizes are in screen pixels, positions in layout units: scale the radii to the layout's extent.
    let minX = Infinity;
    let maxX = -Infinity;
    this.graph.forEachNode((_n, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
    });
    const unitsPerPixel = Math.max(1e-6, (maxX - minX) / 900);
    const settings: NoverlapSettings = { margin: 2, ratio: 1.1, expansion: 1.05 };
    const inputReducer: NoverlapNodeReducer = (_key, attrs) => ({
      x: attrs.x as number,
      y: attrs.y as number,
      size: ((attrs.size as number | undefined) ?? 4) * unitsPerPixel * 1.4,
    });
    this.stopSpreading();
    if (this.graph.order <= SYNC_SPREAD_MAX_ORDER) {
      // Small graphs: to convergence (or the iteration cap) at once, so the result never depends on a timer.
      noverlap.assign(this.graph, { maxIterations: SPREAD_MAX_ITERATIONS, settings, inputReducer });
      return;
    }
    this.spreader = new NoverlapWorker(this.graph, { settings, inputReducer, onConverged: () => this.stopSpreading() });
    this.spreader.start();
    this.spreadTimer = setTimeout(() => this.stopSpreading(), SPREAD_WORKER_MAX_MS);
  }

  private stopSpreading(): void {
    if (this.spreadTimer) clearTimeout(this.spreadTimer);
    this.spreadTimer = null;
    // Killed on the next turn: the supervisor calls onConverged from inside its own message handler.
    const spreader = this.spreader;
    this.spreader = null;
    if (spreader) setTimeout(() => spreader.kill(), 0);
  }

  kill(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopSpreading();
    this.supervisor?.kill();
    this.supervisor = null;
  }

  private armTimer(duration: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.isRunning()) this.stop(true);
    }, duration);
  }
}
