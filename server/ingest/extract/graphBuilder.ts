/** Collects nodes and relationships, keeping each node once and each relationship once. */
import type { GraphJson, GraphNode, GraphRelationship, Properties } from '../../contract/model.ts';

export interface GraphBuilder {
  addNode(node: GraphNode): void;
  hasNode(id: string): boolean;
  addRelationship(rel: GraphRelationship): void;
  build(reports: string[]): GraphJson;
}

/** Two relationships are the same fact when type, ends and these identifying properties agree. */
function relationshipKey(rel: GraphRelationship): string {
  const p = rel.properties;
  return JSON.stringify([rel.type, rel.start, rel.end, p.report ?? null, p.paragraph ?? null, p.unit ?? null, p.role ?? null, p.kind ?? null]);
}

export function createGraphBuilder(): GraphBuilder {
  const nodes = new Map<string, GraphNode>();
  const relationships = new Map<string, GraphRelationship>();
  return {
    addNode(node) {
      if (!nodes.has(node.id)) nodes.set(node.id, node);
    },
    hasNode: (id) => nodes.has(id),
    addRelationship(rel) {
      const key = relationshipKey(rel);
      if (!relationships.has(key)) relationships.set(key, rel);
    },
    build(reports) {
      return { reports, nodes: [...nodes.values()], relationships: [...relationships.values()] };
    },
  };
}

export function rel(type: GraphRelationship['type'], start: string, end: string, properties: Properties = {}): GraphRelationship {
  return { type, start, end, properties };
}
