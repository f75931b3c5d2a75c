/**
 * Graphs as graphology's serialized form (`graph.export()`), the shape the viewer
 * imports: `{options, attributes, nodes: [{key, attributes}], edges: [{key, source, target, attributes}]}`.
 * Node attributes are `{labels, name, properties}`, edge attributes `{type, properties}`.
 * Built directly (no graphology instance), deduplicated, with optional caps: what a
 * cap leaves out is counted and `attributes.truncated` says whether anything was.
 */
import { displayName } from './labels.ts';
import type { Json, NodeJson, RelationshipJson, SerializedEdge, SerializedGraph, SerializedNode } from '../../contract/graph.ts';

export interface GraphCaps {
  maxNodes?: number;
  maxEdges?: number;
}

export class GraphCollector {
  private readonly nodes = new Map<string, SerializedNode>();
  private readonly edges = new Map<string, SerializedEdge>();
  droppedNodes = 0;
  droppedEdges = 0;

  constructor(private readonly caps: GraphCaps = {}) {}

  hasNode(key: string): boolean {
    return this.nodes.has(key);
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  get edgeCount(): number {
    return this.edges.size;
  }

  /** Add a node (once); false when the node cap left it out. */
  addNode(node: NodeJson): boolean {
    if (this.nodes.has(node.id)) return true;
    if (this.caps.maxNodes !== undefined && this.nodes.size >= this.caps.maxNodes) {
      this.droppedNodes += 1;
      return false;
    }
    this.nodes.set(node.id, {
      key: node.id,
      attributes: { labels: node.labels, name: displayName(node.labels, node.properties, node.id), properties: node.properties },
    });
    return true;
  }

  /**
   * Add a relationship (once). Its end nodes must be added too, before `toJSON`;
   * an edge whose end nodes a cap left out is dropped then.
   */
  addEdge(rel: RelationshipJson): void {
    if (this.edges.has(rel.id)) return;
    if (this.caps.maxEdges !== undefined && this.edges.size >= this.caps.maxEdges) {
      this.droppedEdges += 1;
      return;
    }
    const edge = { key: rel.id, source: rel.start, target: rel.end, attributes: { type: rel.type, properties: rel.properties } };
    this.edges.set(rel.id, edge);
  }

  get truncated(): boolean {
    return this.droppedNodes > 0 || this.droppedEdges > 0;
  }

  /** Drop edges whose end nodes are missing (a cap left them out); call before reading counts. */
  seal(): this {
    for (const [key, edge] of this.edges) {
      if (!this.nodes.has(edge.source) || !this.nodes.has(edge.target)) {
        this.edges.delete(key);
        this.droppedEdges += 1;
      }
    }
    return this;
  }

  toJSON(attributes: Record<string, Json> = {}): SerializedGraph {
    this.seal();
    const edges = [...this.edges.values()];
    const attrs: Record<string, Json> = { ...attributes };
    attrs.truncated = attributes.truncated === true || this.truncated;
    return { options: { type: 'directed', multi: true, allowSelfLoops: true }, attributes: attrs, nodes: [...this.nodes.values()], edges };
  }
}

export function emptyGraph(attributes: Record<string, Json> = {}): SerializedGraph {
  return new GraphCollector().toJSON(attributes);
}
