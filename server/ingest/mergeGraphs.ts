/**
 * Several reports → one graph. Shared entities (a State, an instrument, an
 * agenda item) appear once; their alias lists are united. Co-occurrence
 * counts add up per pair across reports.
 */
import type { GraphJson, GraphNode, GraphRelationship, PropertyValue } from '../contract/model.ts';

const UNITED_LISTS = ['aliases', 'listedIn'];

function unite(a: PropertyValue | undefined, b: PropertyValue | undefined): PropertyValue {
  const list = [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])];
  return [...new Set(list)];
}

function relationshipKey(r: GraphRelationship): string {
  if (r.type === 'CO_OCCURS' || r.type === 'SUPPLEMENTS') return JSON.stringify([r.type, r.start, r.end]);
  const p = r.properties;
  return JSON.stringify([r.type, r.start, r.end, p.report ?? null, p.paragraph ?? null, p.unit ?? null, p.role ?? null, p.kind ?? null]);
}

export function mergeGraphs(graphs: readonly GraphJson[]): GraphJson {
  const reports: string[] = [];
  const nodes = new Map<string, GraphNode>();
  const relationships = new Map<string, GraphRelationship>();
  for (const g of graphs) {
    for (const r of g.reports) {
      // Two different texts under one id would silently mix their paragraphs.
      if (reports.includes(r)) throw new Error(`two graphs both hold report ${r}: give each report its own id`);
      reports.push(r);
    }
    for (const n of g.nodes) {
      const existing = nodes.get(n.id);
      if (!existing) {
        nodes.set(n.id, { id: n.id, labels: [...n.labels], properties: { ...n.properties } });
        continue;
      }
      for (const key of UNITED_LISTS) {
        if (key in n.properties || key in existing.properties) existing.properties[key] = unite(existing.properties[key], n.properties[key]);
      }
      // A document title known in one language from one report and in the other from another.
      for (const [key, value] of Object.entries(n.properties)) {
        if (existing.properties[key] === null && value !== null) existing.properties[key] = value;
      }
    }
    for (const r of g.relationships) {
      const key = relationshipKey(r);
      const existing = relationships.get(key);
      if (!existing) {
        relationships.set(key, { ...r, properties: { ...r.properties } });
      } else if (r.type === 'CO_OCCURS') {
        existing.properties.count = Number(existing.properties.count) + Number(r.properties.count);
        existing.properties.paragraphs = unite(existing.properties.paragraphs, r.properties.paragraphs);
        existing.properties.reports = unite(existing.properties.reports, r.properties.reports);
      }
    }
  }
  return { reports, nodes: [...nodes.values()], relationships: [...relationships.values()] };
}
