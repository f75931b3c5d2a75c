/**
 * Several reports → one graph. Shared entities (a State, an instrument, an
 * agenda item) appear once; relationships are one per identity; what two
 * reports both bring merges by the rules of mergeRules.ts (alias lists united,
 * co-occurrence counts added up per pair, …).
 */
import type { GraphJson, GraphNode, GraphRelationship } from '../contract/model.ts';
import { mergeProperties, relationshipKey } from './mergeRules.ts';

/**
 * The reports' graphs as one, in the order given (the first report to bring a node
 * names it). Throws when two graphs hold the same report: two texts under one id
 * would silently mix their paragraphs.
 */
export function mergeGraphs(graphs: readonly GraphJson[]): GraphJson {
  const reports: string[] = [];
  const nodes = new Map<string, GraphNode>();
  const relationships = new Map<string, GraphRelationship>();
  for (const g of graphs) {
    for (const r of g.reports) {
      if (reports.includes(r)) throw new Error(`two graphs both hold report ${r}: give each report its own id`);
      reports.push(r);
    }
    for (const n of g.nodes) {
      const existing = nodes.get(n.id);
      nodes.set(
        n.id,
        existing
          ? { ...existing, properties: mergeProperties('node', existing.properties, n.properties) }
          : { id: n.id, labels: [...n.labels], properties: { ...n.properties } },
      );
    }
    for (const r of g.relationships) {
      const key = relationshipKey(r);
      const existing = relationships.get(key);
      relationships.set(
        key,
        existing ? { ...existing, properties: mergeProperties(r.type, existing.properties, r.properties) } : { ...r, properties: { ...r.properties } },
      );
    }
  }
  return { reports, nodes: [...nodes.values()], relationships: [...relationships.values()] };
}
