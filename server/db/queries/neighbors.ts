/**
 * A node's neighbourhood up to 3 steps, breadth first (nearest first when the
 * limit cuts), as a graph: the nodes reached and every relationship among them.
 * One query per step, then one for the nodes and their relationships.
 */
import type { Driver } from 'neo4j-driver';
import type { NodeLabel, RelationshipType } from '../../contract/model.ts';
import { labelExpression, matchNodeById } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { GraphCollector } from './serialized-graph.ts';
import { inScope, WHOLE_CORPUS, type Scope } from './scope.ts';
import { readGraphAmong, relTypeExpression } from './subgraph.ts';
import type { SerializedGraph } from '../../contract/graph.ts';

export interface NeighborOptions extends ReadOptions {
  depth: number;
  /** Most nodes besides the centre. */
  limit: number;
  labels?: readonly NodeLabel[] | undefined;
  types?: readonly RelationshipType[] | undefined;
  /** Only through what the reports in scope brought (default: the whole corpus). */
  scope?: Scope;
}

/** The neighbourhood of `id`, or undefined when no node has that id. */
export async function neighbors(driver: Driver, id: string, options: NeighborOptions): Promise<SerializedGraph | undefined> {
  const center = await readQuery(driver, `CALL () { ${matchNodeById(id, 'n', 'id')} } RETURN elementId(n) AS e`, { id }, options);
  const centerElementId = center.records[0]?.get('e') as string | undefined;
  if (centerElementId === undefined) return undefined;

  const scope = options.scope ?? WHOLE_CORPUS;
  const relPattern = options.types?.length ? `[r:${relTypeExpression(options.types)}]` : '[r]';
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
       MATCH (a)-${relPattern}-(b${otherLabel}) WHERE ${inScope('r')}
       WITH DISTINCT b WHERE NOT elementId(b) IN $seen
       RETURN elementId(b) AS e LIMIT $take`,
      { frontier, seen, take: remaining + 1, reports: scope.reports },
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
  const graph = new GraphCollector();
  await readGraphAmong(driver, seen, { types: options.types, scope }, options, graph);
  return graph.toJSON({ center: id, depth: options.depth, limit: options.limit, truncated });
}
