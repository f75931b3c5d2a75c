import { ApiError } from '../../../server/contract/errors.ts';
import type { SerializedGraph } from '../../../server/contract/graph.ts';
import type { GraphWorkerAnswer, GraphWorkerRequest, GraphWorkerTimings } from './graph.worker.ts';
import { GRAPH_UNREADABLE, unpackGraph, unreadableGraph } from './graphPayload.ts';

/**
 * Fetches and parses a graph answer in a web worker (graph.worker.ts) and resolves with
 * its serialized form (graph.ts's SerializedGraph), the page's share being only the
 * structured clone and unpackGraph. `url` is absolute. Rejects with the ApiError the
 * page's own request would give (the API's error code, `http_<status>`, `network`,
 * `graph_unreadable`). Where no worker can run (no Worker, or its script fails to
 * load) it resolves with `fallback()`, the same request on the page.
 */
export function loadGraphInWorker(url: string, fallback: () => Promise<SerializedGraph>): Promise<SerializedGraph> {
  if (typeof Worker === 'undefined') return fallback();
  return new Promise<SerializedGraph>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./graph.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(fallback());
      return;
    }
    worker.addEventListener('message', (event: MessageEvent<GraphWorkerAnswer>) => {
      worker.terminate();
      const data = event.data;
      if (!data.ok) {
        reject(new ApiError(data.error.status, data.error.code, data.error.message, data.error.details));
        return;
      }
      if (data.timings) markWorkerTimings(data.timings);
      try {
        resolve(unpackGraph(data.packed));
        performance.mark('graph-unpacked');
      } catch (error) {
        reject(unreadableGraph(error, 200));
      }
    });
    worker.addEventListener('messageerror', () => {
      worker.terminate();
      reject(new ApiError(200, GRAPH_UNREADABLE, 'The graph answer could not be handed over by the worker'));
    });
    // The worker's script did not load or run (no module workers here): the page reads the answer itself.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(fallback());
    });
    const request: GraphWorkerRequest = { url };
    worker.postMessage(request);
  });
}

/** The worker's steps as marks on the page's timeline (graph-fetch-start, graph-response, graph-parsed, graph-packed), then graph-received. */
function markWorkerTimings(timings: GraphWorkerTimings): void {
  const base = performance.timeOrigin;
  const marks: [string, number][] = [
    ['graph-fetch-start', timings.fetchStart],
    ['graph-response', timings.responseStart],
    ['graph-parsed', timings.parsed],
    ['graph-packed', timings.packed],
  ];
  for (const [name, at] of marks) performance.mark(name, { startTime: Math.max(0, at - base) });
  performance.mark('graph-received');
}
