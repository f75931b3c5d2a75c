/**
 * Subgraphs for the viewer: nodes of some labels, relationships of some types
 * between them, optionally only what the reports in scope contributed (the corpus
 * filter, scope.ts; the loader tags every node and relationship with `_reports`).
 */
import type { Driver, Record as Neo4jRecord } from 'neo4j-driver';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../contract/model.ts';
import { labelExpression } from './labels.ts';
import { readEachRecord, readQuery, type ReadOptions } from './run.ts';
import { GraphCollector } from './serialized-graph.ts';
import { inScope, scopedProperties, WHOLE_CORPUS, type Scope } from './scope.ts';
import { pairsToJson, pairsToRaw, publicPropertiesCypher } from './values.ts';
import type { SerializedGraph } from '../../contract/graph.ts';

/** The viewer's default: the entity graph without the paragraphs. */
export const DEFAULT_GRAPH_LABELS: readonly NodeLabel[] = NODE_LABELS.filter((l) => l !== 'Paragraph');

export interface SubgraphOptions extends ReadOptions {
  labels?: readonly NodeLabel[] | undefined;
  types?: readonly RelationshipType[] | undefined;
  /** The reports in scope (default: the whole corpus). */
  scope?: Scope;
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
  const scope = options.scope ?? WHOLE_CORPUS;
  const found = await readQuery(
    driver,
    `MATCH (n:${labelExpr}) WHERE ${inScope('n')} RETURN elementId(n) AS e LIMIT $limit`,
    { reports: scope.reports, limit: options.maxNodes + 1 },
    options,
  );
  const ids = found.records.map((record) => record.get('e') as string);
  const truncated = ids.length > options.maxNodes;
  // Only the relationships among the nodes returned: reading every relationship of the types
  // and dropping those with an end outside the limit held 100,000+ rows per request for a
  // 300-node view of the 200-report corpus.
  const graph = new GraphCollector({ maxNodes: options.maxNodes });
  await readGraphAmong(driver, ids.slice(0, options.maxNodes), { types, scope }, options, graph);
  return graph.toJSON({ labels: [...labels], types: [...types], reports: scope.reports, nodeLimit: options.maxNodes, truncated });
}

/**
 * The nodes with these element ids and the relationships among them (of `types` when given,
 * and only those the reports in `scope` contributed, their shared properties folded for the
 * scope), in one query, into `graph`.
 */
export async function readGraphAmong(
  driver: Driver,
  ids: readonly string[],
  filter: { types?: readonly RelationshipType[] | undefined; scope?: Scope | undefined },
  options: ReadOptions,
  graph: GraphCollector,
): Promise<void> {
  const typeFilter = filter.types?.length ? `:${relTypeExpression(filter.types)}` : '';
  const scope = filter.scope ?? WHOLE_CORPUS;
  const cypher = `MATCH (a) WHERE elementId(a) IN $ids
     OPTIONAL MATCH (a)-[r${typeFilter}]->(b) WHERE elementId(b) IN $ids AND ${inScope('r')}
     RETURN coalesce(a.id, elementId(a)) AS start, labels(a) AS labels, ${publicPropertiesCypher('a')} AS props,
            collect(CASE WHEN r IS NULL THEN null ELSE {id: elementId(r), type: type(r), end: coalesce(b.id, elementId(b)),
              properties: CASE WHEN $reports IS NULL OR r._contrib IS NULL THEN ${publicPropertiesCypher('r')} ELSE [k IN keys(r) | [k, r[k]]] END} END) AS rels`;
  // Each record is mapped as the driver decodes it (readEachRecord), not read whole first:
  // a buffered read held every record's driver values (strings, lists of pairs, Integers) at
  // once, about three times the mapped graph (148 MB against 47 MB for the 200-report corpus's
  // 13,420 nodes and 90,000 relationships), and the two together. The answer's JSON is written
  // as a stream (routes/graph.ts), so no string of it is ever whole either.
  const addRecord = (record: Neo4jRecord): void => {
    const start = record.get('start') as string;
    // Properties come without the loader's bookkeeping (publicPropertiesCypher): a hub's list of reports is not shipped.
    graph.addNode({ id: start, labels: record.get('labels') as string[], properties: pairsToJson(record.get('props') as [string, unknown][]) });
    // A relationship several reports share comes with its bookkeeping under a filter only, to be folded for the scope.
    // Its end node may come in a later record: the collector checks ends when the graph is sealed.
    for (const rel of record.get('rels') as { id: string; type: string; end: string; properties: [string, unknown][] }[]) {
      const properties = scope.reports === null ? pairsToJson(rel.properties) : scopedProperties(rel.type, pairsToRaw(rel.properties), scope);
      graph.addEdge({ id: rel.id, type: rel.type, start, end: rel.end, properties });
    }
  };
  // A second try after a lost connection sees the same records again: the collector keeps each node and edge once.
  await readEachRecord(driver, cypher, { ids: [...ids], reports: scope.reports }, addRecord, options);
}
