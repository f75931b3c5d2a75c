/** The shortest path between two nodes, as an ordered list and as a graph. */
import type { Driver, Node, Path } from 'neo4j-driver';
import type { RelationshipType } from '../../contract/model.ts';
import { displayName, matchNodeById } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { GraphCollector } from './serialized-graph.ts';
import { inScope, type Scope } from './scope.ts';
import { relTypeExpression } from './subgraph.ts';
import { ValueConverter, nodeKey, nodeToJson } from './values.ts';
import type { PathResponse } from '../../contract/api.ts';
import type { RelationshipJson, SerializedGraph } from '../../contract/graph.ts';

/** One path: its nodes in order and the relationship of each step (with its stored start and end). */
export interface PathSteps {
  path: PathResponse['path'];
  relationships: RelationshipJson[];
}

/** At most this many of the shortest paths are returned (the first in node-id order is "the" path). */
export const MAX_ALTERNATIVES = 10;
/** allShortestPaths is cut after this many before ordering, so a dense graph cannot make it enumerate without end. */
const ALTERNATIVES_READ = 500;

export type PathResult =
  | { status: 'found'; length: number; path: PathResponse['path']; relationships: RelationshipJson[]; alternatives: PathSteps[]; graph: SerializedGraph }
  | { status: 'none' }
  | { status: 'missing'; missing: string[] };

export interface PathOptions extends ReadOptions {
  maxLength: number;
  types?: readonly RelationshipType[] | undefined;
  /** Only through what the reports in scope brought (default: the whole corpus). */
  scope?: Scope;
}

/**
 * The shortest paths between two nodes (relationships followed either way, of the
 * given types only, at most `maxLength` steps): up to MAX_ALTERNATIVES of them, in
 * the order of their nodes' ids so the same question always gives the same first
 * path, one per sequence of nodes and relationship types (two SPOKE_ON from two
 * paragraphs make one path to read); `graph` holds every node and relationship of them all.
 * Under a corpus filter (`scope`), only relationships the reports in scope brought are followed.
 */
export async function shortestPath(driver: Driver, from: string, to: string, options: PathOptions): Promise<PathResult> {
  const types = options.types?.length ? `:${relTypeExpression(options.types)}` : '';
  const maxLength = Math.max(1, Math.min(15, Math.trunc(options.maxLength)));
  const found = await readQuery(
    driver,
    `CALL () { ${matchNodeById(from, 'a', 'from')} }
     CALL () { ${matchNodeById(to, 'b', 'to')} }
     MATCH p = allShortestPaths((a)-[${types}*..${maxLength}]-(b))
     ${options.scope?.reports ? `WHERE all(r IN relationships(p) WHERE ${inScope('r')})` : ''}
     WITH p LIMIT ${ALTERNATIVES_READ}
     WITH p, [n IN nodes(p) | coalesce(n.id, elementId(n))] AS ids, [r IN relationships(p) | type(r)] AS types
     ORDER BY ids, types
     RETURN p LIMIT ${ALTERNATIVES_READ}`,
    { from, to, reports: options.scope?.reports ?? null },
    options,
  );
  // Paths through the same nodes over relationships of the same types read the same: one of them stands for all.
  const seen = new Set<string>();
  const paths = found.records
    .map((r) => r.get('p') as Path)
    .filter((p) => {
      const key = [nodeKey(p.start), ...p.segments.flatMap((s) => [s.relationship.type, nodeKey(s.end)])].join('>');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (paths.length === 0) {
    const [fromExists, toExists] = await Promise.all([nodeExists(driver, from, options), nodeExists(driver, to, options)]);
    const missing = [...(fromExists ? [] : [from]), ...(toExists ? [] : [to])];
    return missing.length > 0 ? { status: 'missing', missing } : { status: 'none' };
  }
  const converter = new ValueConverter();
  for (const path of paths.slice(0, MAX_ALTERNATIVES)) converter.collect(path);
  const graph = new GraphCollector();
  const alternatives = paths.slice(0, MAX_ALTERNATIVES).map((path): PathSteps => {
    const nodes: Node[] = [path.start, ...path.segments.map((s) => s.end)];
    const relationships = path.segments.map((s) => converter.relationshipToJson(s.relationship));
    for (const n of nodes) graph.addNode(nodeToJson(n));
    for (const r of relationships) graph.addEdge(r);
    return {
      path: nodes.map((n) => {
        const json = nodeToJson(n);
        return { id: json.id, labels: json.labels, name: displayName(json.labels, json.properties, json.id) };
      }),
      relationships,
    };
  });
  const first = alternatives[0]!;
  const length = first.relationships.length;
  return { status: 'found', length, path: first.path, relationships: first.relationships, alternatives, graph: graph.toJSON({ from, to, length }) };
}

async function nodeExists(driver: Driver, id: string, options: ReadOptions): Promise<boolean> {
  const result = await readQuery(driver, `CALL () { ${matchNodeById(id, 'n', 'id')} } RETURN count(n) AS c`, { id }, options);
  return Number(result.records[0]?.get('c') ?? 0) > 0;
}
