/**
 * The graph worker: fetches one graph answer (`GET /api/graph…`), reads it as it
 * arrives, parses and checks it (graphPayload.ts's packGraph), off the page's main
 * thread, and hands it over with its index columns transferred. The page
 * (graphWorker.ts) only turns the columns into graphology's serialized form and builds
 * the graph. One worker per request; it answers once.
 *
 * Message in: `{url}` (absolute, with its query: the corpus filter and `format=compact`).
 * Out: `{ok: true, packed, timings}` (PackedGraph; GraphWorkerTimings, which the page marks on
 * its own timeline as graph-fetch-start, graph-response, graph-parsed, graph-packed), or `{ok: false, error: {status, code, message,
 * details}}` as the page's ApiError carries it (readResponse's, graph_unreadable's or
 * network's), so that the page shows the same bilingual message a failed fetch gives.
 */
import { ApiError } from '../../../server/contract/errors.ts';
import { packGraph, unreadableGraph, type PackedGraph } from './graphPayload.ts';
import { networkError, readResponse } from './response.ts';

export interface GraphWorkerRequest {
  url: string;
}

/** When the worker reached each step, in ms since the epoch (performance.timeOrigin + now: the page re-bases them on its own clock). */
export interface GraphWorkerTimings {
  fetchStart: number;
  responseStart: number;
  parsed: number;
  packed: number;
}

export type GraphWorkerAnswer =
  { ok: true; packed: PackedGraph; timings?: GraphWorkerTimings } | { ok: false; error: { status: number; code: string; message: string; details?: unknown } };

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<GraphWorkerRequest>) => void): void;
  postMessage(message: GraphWorkerAnswer, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void answer(event.data.url).then(
    ({ message, transfer }) => scope.postMessage(message, transfer),
    (error: unknown) => {
      const e = error instanceof ApiError ? error : new ApiError(0, 'internal', error instanceof Error ? error.message : String(error));
      scope.postMessage({ ok: false, error: { status: e.status, code: e.code, message: e.message, details: e.details } });
    },
  );
});

const clock = (): number => performance.timeOrigin + performance.now();

async function answer(url: string): Promise<{ message: GraphWorkerAnswer; transfer: Transferable[] }> {
  let response: Response;
  const fetchStart = clock();
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw networkError(error);
  }
  const responseStart = clock();
  const body = await readResponse(response);
  const parsed = clock();
  try {
    const { packed, transfer } = packGraph(body);
    return { message: { ok: true, packed, timings: { fetchStart, responseStart, parsed, packed: clock() } }, transfer };
  } catch (error) {
    throw unreadableGraph(error, response.status);
  }
}
