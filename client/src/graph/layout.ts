import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import fa2WorkerModule from 'graphology-layout-forceatlas2/worker.js';
import noverlapModule, { type NoverlapLayoutParameters } from 'graphology-layout-noverlap';
import { cjsDefault } from '../util/cjs.ts';
import type { ViewerGraph } from './build.ts';

interface FA2Supervisor {
  isRunning(): boolean;
  start(): void;
  stop(): void;
  kill(): void;
}
type FA2SupervisorClass = new (graph: ViewerGraph, params: { settings: ForceAtlas2Settings; getEdgeWeight: string }) => FA2Supervisor;
const FA2Layout = cjsDefault<FA2SupervisorClass>(fa2WorkerModule);
const noverlap = cjsDefault<{ assign(graph: ViewerGraph, params: NoverlapLayoutParameters): void }>(noverlapModule);

export interface LayoutEvents {
  onChange: (running: boolean) => void;
}

/** How long the force layout runs on its own before it stops and spreads overlaps (ms), by graph size. */
export function autoStopAfter(order: number): number {
  if (order <= 60) return 2500;
  if (order <= 300) return 3500;
  if (order <= 2000) return 6000;
  return 10000;
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
    slowDown: 4,
    edgeWeightInfluence: 0.6,
    barnesHutOptimize: graph.order > 400,
  };
}

/**
 * ForceAtlas2 in a web worker (the page stays responsive), started on demand,
 * stopped by the user or after a while, then one noverlap pass on the main
 * thread so labels and discs do not sit on each other.
 */
export class Layout {
  private supervisor: FA2Supervisor | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly graph: ViewerGraph,
    private readonly events: LayoutEvents,
  ) {}

  isRunning(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  start(duration = autoStopAfter(this.graph.order)): void {
    if (this.graph.order === 0) return;
    if (!this.supervisor) {
      this.supervisor = new FA2Layout(this.graph, { settings: fa2Settings(this.graph), getEdgeWeight: 'weight' });
    }
    if (!this.supervisor.isRunning()) this.supervisor.start();
    this.armTimer(duration);
    this.events.onChange(true);
  }

  stop(spread = true): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wasRunning = this.isRunning();
    this.supervisor?.stop();
    if (spread && wasRunning) this.spread();
    this.events.onChange(false);
  }

  toggle(): void {
    if (this.isRunning()) this.stop();
    else this.start();
  }

  /** One noverlap pass: moves overlapping nodes apart, keeps the overall shape. */
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
    noverlap.assign(this.graph, {
      maxIterations: 120,
      settings: { margin: 2, ratio: 1.1, expansion: 1.05 },
      inputReducer: (_key, attrs) => ({ x: attrs.x, y: attrs.y, size: (attrs.size ?? 4) * unitsPerPixel * 1.4 }),
    });
  }

  kill(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
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
