/**
 * GEXF (version 1.2draft, the library default) through graphology-gexf's writer, from nodes and edges with flat
 * attributes. The ids and text go through `xmlSafeGraph` (xml.ts) first: the
 * library escapes markup but passes on characters XML 1.0 forbids, and one vertical
 * tab in a paragraph made the whole file unreadable to Gephi and networkx.
 */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { Json } from '../../contract/graph.ts';
import { xmlSafeGraph, type XmlEdge, type XmlNode } from './xml.ts';

export function writeGexf(nodes: readonly XmlNode<Record<string, Json>>[], edges: readonly XmlEdge<Record<string, Json>>[]): string {
  const safe = xmlSafeGraph(nodes, edges);
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const n of safe.nodes) graph.addNode(n.id, n.attributes);
  for (const e of safe.edges) graph.addEdgeWithKey(e.id, e.source, e.target, e.attributes);
  return write(graph, { pretty: false });
}
