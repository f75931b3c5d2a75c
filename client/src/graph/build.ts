import { MultiDirectedGraph } from 'graphology';
import type { JsonProperties, NodeAttributes, SerializedEdge } from '../../../server/contract/graph.ts';
import { ID_PREFIX_LABELS, NODE_LABELS } from '../../../server/contract/model.ts';
import { fullName, shortName, type Nameable } from '../i18n/names.ts';
import { MIN_NODE_SIZE, MIN_NODE_SIZE_SMALL_GRAPH, nodeSize } from '../../../server/contract/display.ts';
import { labelColor, typeColor } from './palette.ts';

/** Attributes of a node in the viewer's graphology graph. */
export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  /** The primary label (State, CrimeType, …): colour and legend key. */
  nodeLabel: string;
  labels: string[];
  /** The short names drawn on the graph, one per language. */
  label_zh: string;
  label_en: string;
  /** Full names for panels and tables. */
  name_zh: string;
  name_en: string;
  degree: number;
  props: JsonProperties;
}

/** Attributes of an edge in the viewer's graph. */
export interface EdgeAttrs {
  type: string;
  /** What edge thickness encodes: co-occurrence count, otherwise 1. */
  weight: number;
  size: number;
  color: string;
  /** Stated crime links are drawn curved with an arrow (dashed when contested). */
  curved: boolean;
  arrow: boolean;
  dashed: boolean;
  props: JsonProperties;
}

export type ViewerGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

/**
 * What the viewer draws from: the nodes and edges of a graph in graphology's
 * serialized form. Every graph the API sends (SerializedGraph in
 * server/contract/graph.ts) is one; the viewer makes others (a citation trace),
 * whose nodes need no display name.
 */
export interface GraphData {
  nodes: { key: string; attributes: Pick<NodeAttributes, 'labels' | 'properties'> }[];
  edges: SerializedEdge[];
}

const KNOWN_LABELS = new Set<string>(NODE_LABELS);

/** The primary label of a node: the first known label, else what the id prefix says. */
export function primaryLabel(id: string, labels: readonly string[]): string {
  const known = labels.find((l) => KNOWN_LABELS.has(l));
  if (known) return known;
  if (labels[0]) return labels[0];
  return ID_PREFIX_LABELS[id.split(':')[0] ?? ''] ?? 'Unknown';
}

/** Co-occurrence counts weigh an edge; every other relationship weighs 1. */
export function edgeWeight(type: string, props: JsonProperties): number {
  if (type === 'CO_OCCURS') {
    const count = Number(props.count);
    if (Number.isFinite(count) && count > 0) return count;
    if (Array.isArray(props.paragraphs)) return Math.max(1, props.paragraphs.length);
  }
  return 1;
}

/** Edge thickness in pixels for a weight: 1 px for weight 1, growing with the logarithm, capped. */
export function edgeSize(weight: number): number {
  return Math.min(8, 1 + 1.6 * Math.log2(Math.max(1, weight)));
}

export { MAX_NODE_SIZE, MIN_NODE_SIZE, MIN_NODE_SIZE_SMALL_GRAPH, nodeSize } from '../../../server/contract/display.ts';

/** A small deterministic hash (FNV-1a) so starting positions and synthetic keys do not depend on the order of arrival. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A starting position: nodes of one label start in one sector of a disc, so the
 * force layout begins from something already readable, and the same graph
 * always starts the same way.
 */
export function initialPosition(id: string, label: string, spread = 100, bySector = true): { x: number; y: number } {
  const labelIndex = Math.max(0, NODE_LABELS.indexOf(label as (typeof NODE_LABELS)[number]));
  const h = hash(id);
  if (!bySector) {
    // Small graphs (a query result, a trace): anywhere on the disc, so the components untangle fast.
    const angle = ((h % 3600) / 3600) * 2 * Math.PI;
    const radius = spread * Math.sqrt(((h >>> 12) % 1000) / 1000);
    return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
  }
  const sector = (2 * Math.PI) / NODE_LABELS.length;
  const angle = labelIndex * sector + ((h % 1000) / 1000) * sector;
  const radius = spread * (0.3 + 0.7 * (((h >>> 10) % 1000) / 1000));
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

export function nodeAttributes(node: Nameable & { labels: string[]; props: JsonProperties }, position: { x: number; y: number }): NodeAttrs {
  return {
    x: position.x,
    y: position.y,
    size: MIN_NODE_SIZE,
    color: labelColor(node.label),
    nodeLabel: node.label,
    labels: node.labels,
    label_zh: shortName(node, 'zh'),
    label_en: shortName(node, 'en'),
    name_zh: fullName(node, 'zh'),
    name_en: fullName(node, 'en'),
    degree: 0,
    props: node.props,
  };
}

export function edgeAttributes(type: string, props: JsonProperties): EdgeAttrs {
  const weight = edgeWeight(type, props);
  const stated = type === 'LINKED_TO';
  return {
    type,
    weight,
    size: stated ? 2 : edgeSize(weight),
    color: typeColor(type),
    curved: stated,
    arrow: stated || type === 'CITES' || type === 'SUPPLEMENTS',
    dashed: stated && props.kind === 'contested',
    props,
  };
}

export function createViewerGraph(): ViewerGraph {
  return new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
}

export interface MergeResult {
  addedNodes: string[];
  addedEdges: string[];
}

/**
 * Adds what `data` holds and `graph` lacks. Nodes already present keep their
 * position (the layout is never reset by new data); new nodes start near
 * `anchor` when one is given, so an expansion grows out of the node expanded.
 */
export function mergeGraph(graph: ViewerGraph, data: GraphData, anchor?: string): MergeResult {
  const addedNodes: string[] = [];
  const addedEdges: string[] = [];
  const anchorAttrs = anchor && graph.hasNode(anchor) ? graph.getNodeAttributes(anchor) : undefined;
  const bySector = graph.order + data.nodes.length > 60;
  for (const raw of data.nodes) {
    if (graph.hasNode(raw.key)) continue;
    const label = primaryLabel(raw.key, raw.attributes.labels);
    const node = { id: raw.key, label, labels: raw.attributes.labels.length > 0 ? raw.attributes.labels : [label], props: raw.attributes.properties };
    let position = initialPosition(node.id, node.label, 100, bySector);
    if (anchorAttrs) {
      const h = hash(node.id);
      const angle = ((h % 3600) / 3600) * 2 * Math.PI;
      const r = 5 + ((h >>> 12) % 100) / 10;
      position = { x: anchorAttrs.x + Math.cos(angle) * r, y: anchorAttrs.y + Math.sin(angle) * r };
    }
    graph.addNode(node.id, nodeAttributes(node, position));
    addedNodes.push(node.id);
  }
  for (const raw of data.edges) {
    if (!graph.hasNode(raw.source) || !graph.hasNode(raw.target) || graph.hasEdge(raw.key)) continue;
    graph.addDirectedEdgeWithKey(raw.key, raw.source, raw.target, edgeAttributes(raw.attributes.type, raw.attributes.properties));
    addedEdges.push(raw.key);
  }
  if (addedNodes.length > 0 || addedEdges.length > 0) applyDegreeSizes(graph);
  return { addedNodes, addedEdges };
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A fresh viewer graph from what the API sent. Nodes go in by id and edges by
 * their ends and type, whatever order the database returned them in: the layout
 * visits them in graph order, so equal data must make an equal graph for a link
 * to reopen the same picture (relationship keys are element ids, which a reload
 * of the database changes, so they only break ties).
 */
export function buildGraph(data: GraphData): ViewerGraph {
  const graph = createViewerGraph();
  const nodes = [...data.nodes].sort((a, b) => byKey(a.key, b.key));
  // Ends compared by their node's rank in that order (the same order as comparing their keys, in integers).
  const rank = new Map<string, number>();
  nodes.forEach((node, i) => rank.set(node.key, i));
  const ranked = data.edges.map((edge) => ({ edge, source: rank.get(edge.source) ?? -1, target: rank.get(edge.target) ?? -1 }));
  ranked.sort(
    (a, b) =>
      a.source - b.source ||
      a.target - b.target ||
      byKey(a.edge.attributes.type, b.edge.attributes.type) ||
      byKey(a.edge.key, b.edge.key) ||
      // An end the graph lacks (rank -1; mergeGraph leaves such an edge out) by its key, as before.
      byKey(a.edge.source, b.edge.source) ||
      byKey(a.edge.target, b.edge.target),
  );
  const edges = ranked.map((r) => r.edge);
  mergeGraph(graph, { nodes, edges });
  applyDegreeSizes(graph);
  return graph;
}

/** Node size by degree (distinct neighbours, so parallel edges do not inflate it). */
export function applyDegreeSizes(graph: ViewerGraph): void {
  let min = Infinity;
  let max = -Infinity;
  // Counted in place (forEachNeighbor visits each neighbour once), no array per node.
  graph.forEachNode((node, attrs) => {
    let degree = 0;
    graph.forEachNeighbor(node, () => {
      degree++;
    });
    attrs.degree = degree;
    min = Math.min(min, degree);
    max = Math.max(max, degree);
  });
  const minSize = graph.order <= 60 ? MIN_NODE_SIZE_SMALL_GRAPH : MIN_NODE_SIZE;
  // One event for the whole graph (a renderer drawing it refreshes every node once), not one per node.
  graph.updateEachNodeAttributes((_node, attrs) => {
    attrs.size = nodeSize(attrs.degree, min, max, minSize);
    return attrs;
  });
}

/** Counts per node label and per relationship type, for the legend. */
export function countByLabelAndType(graph: ViewerGraph): { labels: Map<string, number>; types: Map<string, number> } {
  const labels = new Map<string, number>();
  const types = new Map<string, number>();
  graph.forEachNode((_n, a) => labels.set(a.nodeLabel, (labels.get(a.nodeLabel) ?? 0) + 1));
  graph.forEachEdge((_e, a) => types.set(a.type, (types.get(a.type) ?? 0) + 1));
  return { labels, types };
}
