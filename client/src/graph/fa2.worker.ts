/**
 * The ForceAtlas2 web worker: graphology-layout-forceatlas2's own iteration
 * (iterate.js), run `batch` times per message instead of once. The library's
 * worker answers after every iteration and waits for the page before the next,
 * so a busy page (redrawing, or a machine without a GPU) held a 200-node layout
 * to a few iterations a second. The numbers are the same either way: the node
 * matrix carries the whole state from one iteration to the next.
 *
 * Message in: `{settings, nodes: ArrayBuffer, edges?: ArrayBuffer, batch}` (the
 * matrices of graphology-layout-forceatlas2/helpers graphToByteArrays); out:
 * `{nodes: ArrayBuffer, batch}` (the node matrix after `batch` iterations).
 */
import iterateModule from 'graphology-layout-forceatlas2/iterate.js';
import { cjsDefault } from '../util/cjs.ts';

const iterate = cjsDefault<(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array) => void>(iterateModule);
let edges = new Float32Array(0);

interface WorkerScope {
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<{ settings: Record<string, unknown>; nodes: ArrayBuffer; edges?: ArrayBuffer; batch: number }>) => void,
  ): void;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { settings, batch } = event.data;
  const nodes = new Float32Array(event.data.nodes);
  if (event.data.edges) edges = new Float32Array(event.data.edges);
  for (let i = 0; i < batch; i++) iterate(settings, nodes, edges);
  scope.postMessage({ nodes: nodes.buffer, batch }, [nodes.buffer]);
});
