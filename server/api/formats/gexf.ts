/**
 * GEXF 1.3 (https://gexf.net/schema.html) through graphology-gexf's writer, from nodes
 * and edges with flat attributes. Each node carries viz:color (its label's colour) and
 * viz:size (by degree, the viewer's scale), each edge viz:color (its type's), both from
 * server/contract/display.ts, so Gephi opens the graph coloured and sized as the viewer
 * draws it (positions are the viewer's: its "current view" export carries them). Version
 * 1.3, not the library's default 1.2draft, whose viz namespace it writes as
 * "http:///www.gexf.net/1.1draft/viz" (three slashes, and 1.1), which no reader resolves.
 * The ids and text go through `xmlSafeGraph` (contract/xml.ts) first: the library escapes
 * markup but passes on characters XML 1.0 forbids, and one vertical tab in a paragraph
 * made the whole file unreadable to Gephi and networkx.
 */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { Json } from '../../contract/graph.ts';
import { labelColor, MIN_NODE_SIZE, nodeSize, rgb, typeColor } from '../../contract/display.ts';
import { xmlSafeGraph, type XmlEdge, type XmlNode } from '../../contract/xml.ts';

/** `degree(id)`: the node's distinct neighbours, for viz:size. */
export function writeGexf(
  nodes: readonly XmlNode<Record<string, Json>>[],
  edges: readonly XmlEdge<Record<string, Json>>[],
  degree: (id: string) => number = () => 0,
): string {
  const safe = xmlSafeGraph(nodes, edges);
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  const degrees = safe.nodes.map((n) => degree(n.id));
  const min = degrees.length > 0 ? Math.min(...degrees) : 0;
  const max = degrees.length > 0 ? Math.max(...degrees) : 0;
  const nodeIndex = new Map<string, number>();
  safe.nodes.forEach((n, i) => {
    nodeIndex.set(n.id, i);
    graph.addNode(n.id, n.attributes);
  });
  for (const e of safe.edges) graph.addEdgeWithKey(e.id, e.source, e.target, e.attributes);
  return write(graph, {
    version: '1.3',
    pretty: false,
    formatNode: (key: string, attributes: Record<string, Json>) => {
      const { label, ...rest } = attributes;
      const size = nodeSize(degrees[nodeIndex.get(key) ?? 0] ?? 0, min, max, MIN_NODE_SIZE);
      return {
        label: typeof label === 'string' ? label : key,
        viz: { color: rgb(labelColor(String(rest.nodeLabel ?? ''))), size: Math.round(size * 100) / 100 },
        attributes: rest,
      };
    },
    formatEdge: (_key: string, attributes: Record<string, Json>) => {
      const { label, ...rest } = attributes;
      return { label: typeof label === 'string' ? label : undefined, viz: { color: rgb(typeColor(String(rest.type ?? ''))) }, attributes: rest };
    },
  });
}
