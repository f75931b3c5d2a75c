import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import fa2DefaultsModule from 'graphology-layout-forceatlas2/defaults.js';
import * as fa2Helpers from 'graphology-layout-forceatlas2/helpers.js';
import { cjsDefault } from '../util/cjs.ts';
import type { ViewerGraph } from './build.ts';

const fa2Defaults = cjsDefault<Record<string, unknown>>(fa2DefaultsModule);

/**
 * How many iterations the worker does per message: about 20,000 node and
 * relationship visits, so that a message takes a few milliseconds and the page
 * hears from the worker (and can draw) often, while the worker does not wait on
 * the page after every iteration.
 */
export function iterationsPerMessage(order: number, size: number): number {
  return Math.max(1, Math.min(50, Math.floor(20_000 / Math.max(1, order + size))));
}

/**
 * ForceAtlas2 in a web worker (fa2.worker.ts), like graphology's own supervisor,
 * except that the worker runs several iterations per message and positions reach
 * the graph at most once per `applyEveryMs`. The worker iterates back to back regardless; each write into the graph costs the page
 * a pass over every node (sigma restyles and re-uploads them) and a frame, so
 * on a large graph a few writes a second keep the page free while the layout
 * converges just as fast.
 */
export class FA2Worker {
  private worker: Worker | null = null;
  private matrices: { nodes: Float32Array; edges: Float32Array } | null = null;
  private running = false;
  private killed = false;
  private lastApplied = 0;
  /** Messages sent and received; answers to messages sent before the last (re)start are dropped. */
  private sent = 0;
  private received = 0;
  private acceptAfter = 0;
  private respawn: ReturnType<typeof setTimeout> | null = null;
  /** Iterations since the last start, and how many that run may do (Infinity: until stopped). */
  private iterations = 0;
  private maxIterations = Infinity;
  private onDone: (() => void) | null = null;
  private readonly settings: Record<string, unknown>;
  private readonly onStructureChange = (): void => {
    // New or dropped nodes or edges: the worker's arrays no longer match the graph; rebuild on the next turn.
    if (this.respawn) clearTimeout(this.respawn);
    this.respawn = setTimeout(() => {
      this.respawn = null;
      this.spawn();
      if (this.running) this.post(true);
    }, 0);
  };

  constructor(
    private readonly graph: ViewerGraph,
    settings: ForceAtlas2Settings,
    private readonly applyEveryMs: number,
  ) {
    this.settings = { ...fa2Defaults, ...settings };
    for (const event of STRUCTURE_EVENTS) graph.on(event, this.onStructureChange);
    this.spawn();
  }

  isRunning(): boolean {
    return this.running;
  }

  /**
   * Starts from the graph's current positions. With `iterations`, the run stops by
   * itself after exactly that many ForceAtlas2 iterations, writes the final
   * positions into the graph and calls `onDone`: ForceAtlas2 is deterministic, so
   * the same graph from the same starting positions ends in the same picture
   * whatever the machine's speed.
   */
  start(iterations = Infinity, onDone: (() => void) | null = null): void {
    if (this.killed) throw new Error('FA2Worker: started after kill()');
    if (this.running) return;
    this.running = true;
    this.iterations = 0;
    this.maxIterations = iterations;
    this.onDone = onDone;
    this.post(true);
  }

  /** Stops; the graph keeps the positions last written (at most applyEveryMs old). */
  stop(): void {
    this.running = false;
  }

  kill(): void {
    if (this.killed) return;
    this.running = false;
    this.killed = true;
    if (this.respawn) clearTimeout(this.respawn);
    for (const event of STRUCTURE_EVENTS) this.graph.removeListener(event, this.onStructureChange);
    this.worker?.terminate();
    this.worker = null;
    this.matrices = null;
  }

  private spawn(): void {
    this.worker?.terminate();
    this.worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<{ nodes: ArrayBuffer; batch: number }>) => this.onMessage(event));
    // Answers of the old worker never come: count from here.
    this.received = this.sent;
  }

  /** Sends the graph's current positions (and, on a start, its edges) for the next iteration. */
  private post(fresh: boolean): void {
    if (!this.worker) return;
    if (fresh) {
      this.matrices = fa2Helpers.graphToByteArrays(this.graph, (_edge, attributes) => (typeof attributes.weight === 'number' ? attributes.weight : 1));
      this.acceptAfter = this.sent;
    }
    const matrices = this.matrices!;
    // Never past the run's count: the same graph ends after exactly the same iterations.
    const batch = Math.max(1, Math.min(iterationsPerMessage(this.graph.order, this.graph.size), this.maxIterations - this.iterations));
    const payload: Record<string, unknown> = { settings: this.settings, nodes: matrices.nodes.buffer, batch };
    const transfer: ArrayBuffer[] = [matrices.nodes.buffer as ArrayBuffer];
    if (fresh) {
      payload.edges = matrices.edges.buffer;
      transfer.push(matrices.edges.buffer as ArrayBuffer);
    }
    this.sent += 1;
    this.worker.postMessage(payload, transfer);
  }

  private onMessage(event: MessageEvent<{ nodes: ArrayBuffer; batch: number }>): void {
    this.received += 1;
    if (!this.running || this.received <= this.acceptAfter || !this.matrices) return;
    this.matrices.nodes = new Float32Array(event.data.nodes);
    this.iterations += event.data.batch;
    if (this.iterations >= this.maxIterations) {
      fa2Helpers.assignLayoutChanges(this.graph, this.matrices.nodes, null);
      this.running = false;
      const done = this.onDone;
      this.onDone = null;
      done?.();
      return;
    }
    const now = performance.now();
    if (now - this.lastApplied >= this.applyEveryMs) {
      this.lastApplied = now;
      // One batched update (updateEachNodeAttributes): sigma hears one event, not one per node.
      fa2Helpers.assignLayoutChanges(this.graph, this.matrices.nodes, null);
    }
    this.post(false);
  }
}

const STRUCTURE_EVENTS = ['nodeAdded', 'edgeAdded', 'nodeDropped', 'edgeDropped'] as const;
