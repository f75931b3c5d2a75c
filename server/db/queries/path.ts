/** The shortest path between two nodes, as an ordered list and as a graph. */
import type { Driver, Node, Path } from 'neo4j-driver';
import type { RelationshipType } from '../../contract/model.ts';
import { displayName, matchNodeById } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { GraphCollector } from './serialized-graph.ts';
import { inScope, type Scope } from './scope.ts';
import { relTypeExpression } from './subgraph.ts';
import { ValueConverter, nodeToJson } from './values.ts';
import type { PathResponse } from '../../contract/api.ts';
import type { RelationshipJson, SerializedGraph } from '../../contract/graph.ts';

export type PathResult =
  | { status: 'found'; length: number; path: PathResponse['path']; relationships: RelationshipJson[]; graph: SerializedGraph }
  | { status: 'none' }
  | { status: 'missing'; missing: string[] };

export interface PathOptions extends ReadOptions {
  maxLength: number;
  types?: readonly RelationshipType[] | undefined;
  /** Only through what the reports in scope brought (default: the whole corpus). */
  scope?: Scope;
}

export async function shortestPath(driver: Driver, from: string, to: string, options: PathOptions): Promise<PathResult> {
  const types = options.types?.length ? `:${relTypeExpression(options.types)}` : '';
  const maxLength = Math.max(1, Math.min(15, Math.trunc(options.maxLength)));
  const found = await readQuery(
    driver,
    `CALL { ${matchNodeById(from, 'a', 'from')} }
     CALL { ${matchNodeById(to, 'b', 'to')} }
     MATCH p = shortestPath((a)-[${types}*..${maxLength}]-(b))
     ${options.scope?.reports ? `WHERE all(r IN relationships(p) WHERE ${inScope('r')})` : ''}
     RETURN p`,
    { from, to, reports: options.scope?.reports ?? null },
    options,
  );
  const path = found.records[0]?.get('p') as Path | undefined;
  if (!path) {
    const [fromExists, toExists] = await Promise.all([nodeExists(driver, from, options), nodeExists(driver, to, options)]);
    const missing = [...(fromExists ? [] : [from]), ...(toExists ? [] : [to])];
    return missing.length > 0 ? { status: 'missing', missing } : { status: 'none' };
  }
  const converter = new ValueConverter();
  converter.collect(path);
  const nodes: Node[] = [path.start, ...path.segments.map((s) => s.end)];
  const relationships = path.segments.map((s) => converter.relationshipToJson(s.relationship));
  const graph = new GraphCollector();
  for (const n of nodes) graph.addNode(nodeToJson(n));
  for (const r of relationships) graph.addEdge(r);
  return {
    status: 'found',
    length: path.segments.length,
    path: nodes.map((n) => {
      const json = nodeToJson(n);
      return { id: json.id, labels: json.labels, name: displayName(json.labels, json.properties, json.id) };
    }),
    relationships,
    graph: graph.toJSON({ from, to, length: path.segments.length }),
  };
}

async function nodeExists(driver: Driver, id: string, options: ReadOptions): Promise<boolean> {
  const result = await readQuery(driver, `CALL { ${matchNodeById(id, 'n', 'id')} } RETURN count(n) AS c`, { id }, options);
  return Number(result.records[0]?.get('c') ?? 0) > 0;
}
