import { ApiError } from '../../../server/contract/errors.ts';
import type { SerializedGraph } from '../../../server/contract/graph.ts';
import { CompactGraphError, decodeCompactGraph, isCompactGraph, type CompactGraph, type CompactGraphColumns } from '../../../server/contract/compactGraph.ts';

/**
 * The graph answer of `GET /api/graph` on its way from the graph worker (graph.worker.ts)
 * to the page. The worker reads and parses the answer and checks it (packGraph); the page
 * turns it into graphology's serialized form (unpackGraph) and builds the graph. A compact
 * graph (server/contract/compactGraph.ts) crosses with its four index columns (labelSet,
 * source, target, type) as Int32Arrays, transferred rather than copied; the strings and
 * properties are copied by the structured clone. A server that answers in the serialized
 * form anyway (graph.ts) is passed on as it is.
 *
 * Pure functions, no I/O: the page (when it has no worker) and the worker use the same ones.
 */
export type PackedGraph = { kind: 'compact'; graph: CompactGraphColumns } | { kind: 'serialized'; graph: SerializedGraph };

/** The error code of an answer that is not a graph (client/src/i18n/errors.ts words it in both languages). */
export const GRAPH_UNREADABLE = 'graph_unreadable';

function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** An index column as an Int32Array, each entry an integer in [0, size); else CompactGraphError naming the column. */
function indexColumn(values: unknown, size: number, what: string): Int32Array<ArrayBuffer> {
  if (!isArray(values)) throw new CompactGraphError(`${what} is not a list`);
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= size) throw new CompactGraphError(`${what} index ${String(v)} out of range`);
    out[i] = v;
  }
  return out;
}

/**
 * Checks a parsed graph answer and packs it for the page: `packed` and the buffers to
 * transfer with it. Throws CompactGraphError when `body` is neither a compact graph whose
 * columns hold together (lists where lists belong, of equal length per side, indexes in
 * range) nor a serialized graph (`nodes` and `edges` lists).
 */
export function packGraph(body: unknown): { packed: PackedGraph; transfer: ArrayBuffer[] } {
  if (!isCompactGraph(body)) {
    const g = body as Partial<SerializedGraph> | null;
    if (typeof g === 'object' && g !== null && isArray(g.nodes) && isArray(g.edges))
      return { packed: { kind: 'serialized', graph: g as SerializedGraph }, transfer: [] };
    throw new CompactGraphError('the answer is not a graph');
  }
  const c = body as CompactGraph;
  if (typeof c.nodes !== 'object' || c.nodes === null || typeof c.edges !== 'object' || c.edges === null) throw new CompactGraphError('nodes or edges missing');
  if (!isArray(c.labelSets) || !c.labelSets.every(isArray) || !isArray(c.types)) throw new CompactGraphError('label sets or types are not lists');
  const { nodes, edges } = c;
  if (!isArray(nodes.keys) || !isArray(nodes.names) || !isArray(nodes.properties)) throw new CompactGraphError('a node column is not a list');
  if (!isArray(edges.keys) || !isArray(edges.properties) || typeof edges.keyPrefix !== 'string') throw new CompactGraphError('an edge column is not a list');
  const labelSet = indexColumn(nodes.labelSet, c.labelSets.length, 'label set');
  const source = indexColumn(edges.source, nodes.keys.length, 'source');
  const target = indexColumn(edges.target, nodes.keys.length, 'target');
  const type = indexColumn(edges.type, c.types.length, 'type');
  const graph: CompactGraphColumns = { ...c, nodes: { ...nodes, labelSet }, edges: { ...edges, source, target, type } };
  return { packed: { kind: 'compact', graph }, transfer: [labelSet.buffer, source.buffer, target.buffer, type.buffer] };
}

/** The serialized graph a packed answer holds. Throws CompactGraphError when the columns differ in length (decodeCompactGraph). */
export function unpackGraph(packed: PackedGraph): SerializedGraph {
  return packed.kind === 'compact' ? decodeCompactGraph(packed.graph) : packed.graph;
}

/**
 * The error the page shows for an answer that is not a graph: an ApiError with code
 * `graph_unreadable` and the status the answer came with; any other error is passed on.
 */
export function unreadableGraph(error: unknown, status: number): unknown {
  if (error instanceof CompactGraphError) return new ApiError(status, GRAPH_UNREADABLE, `The graph answer could not be read: ${error.message}`);
  return error;
}

/** The serialized graph of a parsed answer, on the calling thread (packGraph then unpackGraph); errors as unreadableGraph. */
export function graphFromBody(body: unknown, status = 200): SerializedGraph {
  try {
    return unpackGraph(packGraph(body).packed);
  } catch (error) {
    throw unreadableGraph(error, status);
  }
}
