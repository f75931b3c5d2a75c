import { MultiDirectedGraph } from 'graphology';
// The writer alone: the package's browser entry also loads its parser, which needs a DOMParser at import.
import gexfWriterModule from 'graphology-gexf/common/writer.js';
import type { Json } from '../../../server/contract/graph.ts';
import type { EdgeAttrs, NodeAttrs, ViewerGraph } from '../graph/build.ts';
import { rgb } from '../../../server/contract/display.ts';
import { flatValue } from '../../../server/contract/flatten.ts';
import { xmlSafe } from '../../../server/contract/xml.ts';
import { labelName, typeName, type Lang } from '../i18n/i18n.ts';
import { toCsv } from '../views/citationModel.ts';
import { cjsDefault } from '../util/cjs.ts';

const writeGexf = cjsDefault<(graph: unknown, options: Record<string, unknown>) => string>(gexfWriterModule);

/** Which items of the graph on screen an export holds: those the legend shows, and (optionally) only those in the camera's frame. */
export interface ViewSelection {
  hiddenLabels: readonly string[];
  hiddenTypes: readonly string[];
  /** Node ids in the camera's frame; null: wherever they are. */
  inFrame: ReadonlySet<string> | null;
}

/**
 * The current view as a graph of its own: the nodes the legend shows (and, when
 * asked, only those in the frame) and the relationships among them whose type
 * is shown. Positions, colours and sizes are those on screen.
 */
export function viewSubgraph(graph: ViewerGraph, selection: ViewSelection): ViewerGraph {
  const out = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
  const hiddenLabels = new Set(selection.hiddenLabels);
  const hiddenTypes = new Set(selection.hiddenTypes);
  graph.forEachNode((node, attrs) => {
    if (hiddenLabels.has(attrs.nodeLabel)) return;
    if (selection.inFrame && !selection.inFrame.has(node)) return;
    out.addNode(node, attrs);
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    if (hiddenTypes.has(attrs.type) || !out.hasNode(source) || !out.hasNode(target)) return;
    out.addDirectedEdgeWithKey(edge, source, target, attrs);
  });
  return out;
}

function attributes(props: Record<string, Json>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(props)) {
    const flat = flatValue(value ?? null);
    if (flat === null) continue;
    out[key] = typeof flat === 'string' ? xmlSafe(flat) : flat;
  }
  return out;
}

/**
 * The view as GEXF 1.3 (graphology-gexf), so Gephi opens it looking as it does on
 * screen: each node's viz:color, viz:size and viz:position, each edge's
 * viz:color and viz:thickness, labels in the interface's language, every
 * property as an attribute. GEXF 1.3 (https://gexf.net/schema.html) with its viz
 * namespace http://gexf.net/1.3/viz; text made XML 1.0-safe.
 */
export function viewGexf(graph: ViewerGraph, lang: Lang): string {
  return writeGexf(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (key: string, a: NodeAttrs) => ({
      label: xmlSafe(lang === 'en' ? a.name_en : a.name_zh),
      viz: { color: rgb(a.color), size: a.size, x: a.x, y: a.y },
      attributes: {
        id: key,
        nodeLabel: a.nodeLabel,
        labels: a.labels.join(' | '),
        name_zh: xmlSafe(a.name_zh),
        name_en: xmlSafe(a.name_en),
        ...attributes(a.props),
      },
    }),
    formatEdge: (_key: string, a: EdgeAttrs) => ({
      label: a.type,
      weight: a.weight,
      viz: { color: rgb(a.color), thickness: a.size },
      attributes: { type: a.type, ...attributes(a.props) },
    }),
  });
}

/** Property columns in a stable order: those most items have first, then by name. */
function propertyColumns(props: Iterable<Record<string, Json>>, skip: ReadonlySet<string>): string[] {
  const counts = new Map<string, number>();
  for (const p of props) for (const key of Object.keys(p)) if (!skip.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
}

const NODE_FIXED = ['id', 'label', 'label_name', 'name_zh', 'name_en'];

/**
 * The view's nodes as a table: id, label (and its name in `lang`), both names,
 * then one column per property (the union over the nodes), then where and how
 * each is drawn (x, y, size, colour).
 */
export function nodesTable(graph: ViewerGraph, lang: Lang): (string | number | null)[][] {
  const columns = propertyColumns(
    graph.mapNodes((_n, a) => a.props),
    new Set(NODE_FIXED),
  );
  const rows = graph.mapNodes((node, a) => [
    node,
    a.nodeLabel,
    labelName(lang, a.nodeLabel),
    a.name_zh,
    a.name_en,
    ...columns.map((c) => cell(a.props[c])),
    round(a.x),
    round(a.y),
    round(a.size),
    a.color,
  ]);
  return [[...NODE_FIXED, ...columns, 'x', 'y', 'size', 'color'], ...rows];
}

/**
 * The view's relationships as a table: type (and its name in `lang`), each end's
 * id with its name beside it, then one column per property.
 */
export function relationshipsTable(graph: ViewerGraph, lang: Lang): (string | number | null)[][] {
  const name = (node: string) => (lang === 'en' ? graph.getNodeAttribute(node, 'name_en') : graph.getNodeAttribute(node, 'name_zh'));
  const fixed = ['type', 'type_name', 'start', 'start_name', 'end', 'end_name'];
  const columns = propertyColumns(
    graph.mapEdges((_e, a) => a.props),
    new Set(fixed),
  );
  const rows = graph.mapEdges((_e, a, source, target) => [
    a.type,
    typeName(lang, a.type),
    source,
    name(source),
    target,
    name(target),
    ...columns.map((c) => cell(a.props[c])),
  ]);
  return [[...fixed, ...columns], ...rows];
}

function cell(value: Json | undefined): string | number | null {
  const flat = flatValue(value ?? null);
  return typeof flat === 'boolean' ? String(flat) : flat;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function nodesCsv(graph: ViewerGraph, lang: Lang): string {
  return toCsv(nodesTable(graph, lang));
}

export function relationshipsCsv(graph: ViewerGraph, lang: Lang): string {
  return toCsv(relationshipsTable(graph, lang));
}

/** The view in graph.json's shape (docs/MODEL.md), each node with where and how it is drawn. */
export function viewJson(graph: ViewerGraph, view: string): string {
  return JSON.stringify(
    {
      view,
      nodes: graph.mapNodes((id, a) => ({
        id,
        labels: a.labels,
        properties: a.props,
        display: { x: round(a.x), y: round(a.y), size: round(a.size), color: a.color },
      })),
      relationships: graph.mapEdges((_e, a, start, end) => ({ type: a.type, start, end, properties: a.props })),
    },
    null,
    2,
  );
}
