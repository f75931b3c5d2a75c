/**
 * A node's neighbourhood up to 3 steps, breadth first (nearest first when the
 * limit cuts), as a graph: the nodes reached and every relationship among them.
 * One query per step, then one for the nodes and their relationships.
 */
import type { Driver, Node } from 'neo4j-driver';
import type { NodeLabel, RelationshipType } from '../../model.ts';
import { labelExpression, matchNodeById } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { GraphCollector, type SerializedGraph } from './serialized-graph.ts';
import { relTypeExpression } from './subgraph.ts';
import { nodeToJson, propertiesToJson } from './values.ts';

export interface NeighborOptions extends ReadOptions {
  depth: number;
  /** Most nodes besides the centre. */
  limit: number;
  labels?: readonly NodeLabel[] | undefined;
  types?: readonly RelationshipType[] | undefined;
}

/** The neighbourhood of `id`, or undefined when no node has that id. */
export async function neighbors(driver: Driver, id: string, options: NeighborOptions): Promise<SerializedGraph | undefined> {
  const center = await readQuery(driver, `CALL { ${matchNodeById(id, 'n', 'id')} } RETURN elementId(n) AS e`, { id }, options);
  const centerElementId = center.records[0]?.get('e') as string | undefined;
  if (centerElementId === undefined) return undefined;

  const relPattern = options.types?.length ? `[:${relTypeExpression(options.types)}]` : '';
  const otherLabel = options.labels?.length ? `:${labelExpression(options.labels)}` : '';
  const seen = [centerElementId];
  let frontier = [centerElementId];
  let truncated = false;
  for (let level = 1; level <= options.depth && frontier.length > 0; level++) {
    const remaining = options.limit + 1 - seen.length;
    if (remaining <= 0) {
      truncated = true;
      break;
    }
    const step = await readQuery(
      driver,
      `MATCH (a) WHERE elementId(a) IN $frontier
       MATCH (a)-${relPattern}-(b${otherLabel})
       WITH DISTINCT b WHERE NOT elementId(b) IN $seen
       RETURN elementId(b) AS e LIMIT $take`,
      { frontier, seen, take: remaining + 1 },
      options,
    );
    let found = step.records.map((r) => r.get('e') as string);
    if (found.length > remaining) {
      truncated = true;
      found = found.slice(0, remaining);
    }
    seen.push(...found);
    frontier = found;
  }

  // The nodes and the relationships among them, in one query (one connection per request).
  const typeFilter = relPattern ? `:${relTypeExpression(options.types!)}` : '';
  const result = await readQuery(
    driver,
    `MATCH (a) WHERE elementId(a) IN $ids
     OPTIONAL MATCH (a)-[r${typeFilter}]->(b) WHERE elementId(b) IN $ids
     RETURN a AS n, coalesce(a.id, elementId(a)) AS start,
            collect(CASE WHEN r IS NULL THEN null ELSE {id: elementId(r), type: type(r), end: coalesce(b.id, elementId(b)), properties: properties(r)} END) AS rels`,
    { ids: seen },
    options,
  );
  const graph = new GraphCollector();
  for (const record of result.records) graph.addNode(nodeToJson(record.get('n') as Node));
  for (const record of result.records) {
    const start = record.get('start') as string;
    for (const rel of record.get('rels') as { id: string; type: string; end: string; properties: Record<string, unknown> }[]) {
      graph.addEdge({ id: rel.id, type: rel.type, start, end: rel.end, properties: propertiesToJson(rel.properties) });
    }
  }
  return graph.toJSON({ center: id, depth: options.depth, limit: options.limit, truncated });
}
