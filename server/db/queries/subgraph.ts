/**
 * Subgraphs for the viewer: nodes of some labels, relationships of some types
 * between them, optionally only what one report contributed (the loader tags every
 * node and relationship with `_reports`).
 */
import type { Driver, Node } from 'neo4j-driver';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../model.ts';
import { labelExpression } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { GraphCollector, type SerializedGraph } from './serialized-graph.ts';
import { nodeToJson, propertiesToJson } from './values.ts';

/** The viewer's default: the entity graph without the paragraphs. */
export const DEFAULT_GRAPH_LABELS: readonly NodeLabel[] = NODE_LABELS.filter((l) => l !== 'Paragraph');

export interface SubgraphOptions extends ReadOptions {
  labels?: readonly NodeLabel[] | undefined;
  types?: readonly RelationshipType[] | undefined;
  report?: string | undefined;
  maxNodes: number;
}

export function relTypeExpression(types: readonly string[]): string {
  return types
    .map((t) => {
      if (!(RELATIONSHIP_TYPES as readonly string[]).includes(t)) throw new Error(`not a MODEL relationship type: ${t}`);
      return `\`${t}\``;
    })
    .join('|');
}

export async function subgraph(driver: Driver, options: SubgraphOptions): Promise<SerializedGraph> {
  const labels = options.labels?.length ? options.labels : DEFAULT_GRAPH_LABELS;
  const types = options.types?.length ? options.types : RELATIONSHIP_TYPES;
  const labelExpr = labelExpression(labels);
  const report = options.report ?? null;
  const nodes = await readQuery(
    driver,
    `MATCH (n:${labelExpr}) WHERE $report IS NULL OR $report IN n._reports RETURN n LIMIT $limit`,
    { report, limit: options.maxNodes + 1 },
    options,
  );
  // Only the relationships among the nodes returned: reading every relationship of the types
  // and dropping those with an end outside the limit held 100,000+ rows per request for a
  // 300-node view of the 200-report corpus.
  const ids = nodes.records.slice(0, options.maxNodes).map((record) => (record.get('n') as Node).elementId);
  const rels = await readQuery(
    driver,
    `MATCH (a) WHERE elementId(a) IN $ids
     MATCH (a)-[r:${relTypeExpression(types)}]->(b) WHERE elementId(b) IN $ids AND ($report IS NULL OR $report IN r._reports)
     RETURN elementId(r) AS id, type(r) AS type, coalesce(a.id, elementId(a)) AS start, coalesce(b.id, elementId(b)) AS end, properties(r) AS properties`,
    { ids, report },
    options,
  );
  const graph = new GraphCollector({ maxNodes: options.maxNodes });
  for (const record of nodes.records) graph.addNode(nodeToJson(record.get('n') as Node));
  for (const record of rels.records) {
    graph.addEdge({
      id: record.get('id') as string,
      type: record.get('type') as string,
      start: record.get('start') as string,
      end: record.get('end') as string,
      properties: propertiesToJson(record.get('properties') as Record<string, unknown>),
    });
  }
  return graph.toJSON({ labels: [...labels], types: [...types], report, nodeLimit: options.maxNodes });
}
