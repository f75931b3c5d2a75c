/**
 * Collects one report's nodes and relationships, keeping each node once (by id) and
 * each relationship once (by its identity): what is found again merges into what
 * was found first, by the rules of mergeRules.ts (the same as across reports).
 */
import type { GraphJson, GraphNode, GraphRelationship, Properties } from '../../contract/model.ts';
import { mergeProperties, relationshipKey } from '../mergeRules.ts';

export interface GraphBuilder {
  addNode(node: GraphNode): void;
  hasNode(id: string): boolean;
  addRelationship(rel: GraphRelationship): void;
  build(reports: string[]): GraphJson;
}

export function createGraphBuilder(): GraphBuilder {
  const nodes = new Map<string, GraphNode>();
  const relationships = new Map<string, GraphRelationship>();
  return {
    addNode(node) {
      const existing = nodes.get(node.id);
      nodes.set(node.id, existing ? { ...existing, properties: mergeProperties('node', existing.properties, node.properties) } : node);
    },
    hasNode: (id) => nodes.has(id),
    addRelationship(rel) {
      const key = relationshipKey(rel);
      const existing = relationships.get(key);
      relationships.set(key, existing ? { ...existing, properties: mergeProperties(rel.type, existing.properties, rel.properties) } : rel);
    },
    build(reports) {
      return { reports, nodes: [...nodes.values()], relationships: [...relationships.values()] };
    },
  };
}

export function rel(type: GraphRelationship['type'], start: string, end: string, properties: Properties = {}): GraphRelationship {
  return { type, start, end, properties };
}
