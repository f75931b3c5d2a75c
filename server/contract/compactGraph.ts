/**
 * The compact form of a graph on the wire (`GET /api/graph?format=compact`): the same
 * graph as graphology's serialized form (graph.ts), laid out in columns, with every
 * repeated string sent once. Node keys are listed once and edges name their ends by
 * index into that list; label lists and relationship types are interned; the edges'
 * element ids (`5:<database id>:<n>`) share their common prefix. Nothing is dropped:
 * `decodeCompactGraph(encodeCompactGraph(g))` deep-equals `g`.
 *
 * Why: the Explore view's graph of 10,000 nodes and 50,000 edges was 11.9 MB of
 * objects of objects (issue 18), each edge spelling out its keys, its ends' ids and
 * its type; in columns the same graph is about half that, and JSON.parse builds
 * arrays of strings and numbers instead of 60,000 nested objects.
 *
 * Pure functions, no I/O; server and viewer both import this module.
 */
import type { GraphAttributes, JsonProperties, SerializedGraph } from './graph.ts';

/** The format tag: a decoder refuses any other. */
export const COMPACT_GRAPH_FORMAT = 'compact-graph/1';

/** A graph in columns: index i of every `nodes` array is node i, of every `edges` array edge i. */
export interface CompactGraph {
  format: typeof COMPACT_GRAPH_FORMAT;
  attributes: GraphAttributes;
  /** Each distinct list of labels once (most graphs have a dozen). */
  labelSets: string[][];
  /** Each relationship type once. */
  types: string[];
  nodes: {
    keys: string[];
    /** Index into `labelSets`. */
    labelSet: number[];
    names: string[];
    properties: JsonProperties[];
  };
  edges: {
    /** What every edge key starts with (the longest common prefix); `keys` hold the rest. */
    keyPrefix: string;
    keys: string[];
    /** Index into `nodes.keys`. */
    source: number[];
    target: number[];
    /** Index into `types`. */
    type: number[];
    properties: JsonProperties[];
  };
}

/**
 * A compact graph as decodeCompactGraph reads it: its index columns may be typed arrays
 * (Int32Array), as the viewer's graph worker hands them to the page (client/src/api/graphPayload.ts).
 */
export type CompactGraphColumns = Omit<CompactGraph, 'nodes' | 'edges'> & {
  nodes: Omit<CompactGraph['nodes'], 'labelSet'> & { labelSet: ArrayLike<number> };
  edges: Omit<CompactGraph['edges'], 'source' | 'target' | 'type'> & { source: ArrayLike<number>; target: ArrayLike<number>; type: ArrayLike<number> };
};

/** A compact graph that does not hold together (an index out of range, columns of unequal length). */
export class CompactGraphError extends Error {}

function commonPrefix(keys: readonly string[]): string {
  if (keys.length === 0) return '';
  let prefix = keys[0]!;
  for (const key of keys) {
    let i = 0;
    const max = Math.min(prefix.length, key.length);
    while (i < max && prefix.charCodeAt(i) === key.charCodeAt(i)) i++;
    if (i < prefix.length) prefix = prefix.slice(0, i);
    if (prefix === '') break;
  }
  // Never split a surrogate pair: the rest of a key must stay a well-formed string.
  const last = prefix.charCodeAt(prefix.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * The compact form of a serialized graph (graph.ts's SerializedGraph, as every graph
 * endpoint builds it). Throws CompactGraphError when an edge names a node the graph
 * lacks (a serialized graph never does).
 */
export function encodeCompactGraph(graph: SerializedGraph): CompactGraph {
  const nodeIndex = new Map<string, number>();
  const labelSets: string[][] = [];
  const labelSetIndex = new Map<string, number>();
  const nodes: CompactGraph['nodes'] = { keys: [], labelSet: [], names: [], properties: [] };
  for (const node of graph.nodes) {
    nodeIndex.set(node.key, nodes.keys.length);
    const setKey = JSON.stringify(node.attributes.labels);
    let set = labelSetIndex.get(setKey);
    if (set === undefined) {
      set = labelSets.length;
      labelSets.push([...node.attributes.labels]);
      labelSetIndex.set(setKey, set);
    }
    nodes.keys.push(node.key);
    nodes.labelSet.push(set);
    nodes.names.push(node.attributes.name);
    nodes.properties.push(node.attributes.properties);
  }
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const keyPrefix = commonPrefix(graph.edges.map((e) => e.key));
  const edges: CompactGraph['edges'] = { keyPrefix, keys: [], source: [], target: [], type: [], properties: [] };
  for (const edge of graph.edges) {
    const source = nodeIndex.get(edge.source);
    const target = nodeIndex.get(edge.target);
    if (source === undefined || target === undefined) throw new CompactGraphError(`edge ${edge.key} names a node the graph lacks`);
    let type = typeIndex.get(edge.attributes.type);
    if (type === undefined) {
      type = types.length;
      types.push(edge.attributes.type);
      typeIndex.set(edge.attributes.type, type);
    }
    edges.keys.push(edge.key.slice(keyPrefix.length));
    edges.source.push(source);
    edges.target.push(target);
    edges.type.push(type);
    edges.properties.push(edge.attributes.properties);
  }
  return { format: COMPACT_GRAPH_FORMAT, attributes: graph.attributes, labelSets, types, nodes, edges };
}

/** True when `body` says it is a compact graph (its format tag); the shape is checked by decodeCompactGraph. */
export function isCompactGraph(body: unknown): body is CompactGraph {
  return typeof body === 'object' && body !== null && (body as { format?: unknown }).format === COMPACT_GRAPH_FORMAT;
}

/**
 * The serialized graph a compact graph holds (index columns as arrays or typed arrays).
 * Throws CompactGraphError when the format tag is another, the columns differ in length,
 * or an index points outside its list.
 */
export function decodeCompactGraph(compact: CompactGraphColumns): SerializedGraph {
  if (compact.format !== COMPACT_GRAPH_FORMAT) throw new CompactGraphError(`not a ${COMPACT_GRAPH_FORMAT} graph`);
  const { nodes, edges, labelSets, types } = compact;
  const n = nodes.keys.length;
  if (nodes.labelSet.length !== n || nodes.names.length !== n || nodes.properties.length !== n) throw new CompactGraphError('node columns differ in length');
  const m = edges.keys.length;
  if (edges.source.length !== m || edges.target.length !== m || edges.type.length !== m || edges.properties.length !== m)
    throw new CompactGraphError('edge columns differ in length');
  const at = <T>(list: readonly T[], index: number, what: string): T => {
    if (!Number.isInteger(index) || index < 0 || index >= list.length) throw new CompactGraphError(`${what} index ${index} out of range`);
    return list[index]!;
  };
  const out: SerializedGraph = {
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    attributes: compact.attributes,
    nodes: new Array(n),
    edges: new Array(m),
  };
  for (let i = 0; i < n; i++) {
    out.nodes[i] = {
      key: nodes.keys[i]!,
      attributes: { labels: [...at(labelSets, nodes.labelSet[i]!, 'label set')], name: nodes.names[i]!, properties: nodes.properties[i]! },
    };
  }
  for (let i = 0; i < m; i++) {
    out.edges[i] = {
      key: edges.keyPrefix + edges.keys[i]!,
      source: at(nodes.keys, edges.source[i]!, 'source'),
      target: at(nodes.keys, edges.target[i]!, 'target'),
      attributes: { type: at(types, edges.type[i]!, 'type'), properties: edges.properties[i]! },
    };
  }
  return out;
}
