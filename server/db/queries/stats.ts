/** Counts per label and relationship type (from Neo4j's count store), and the loaded reports. */
import type { Driver, Node } from 'neo4j-driver';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../contract/model.ts';
import { labelText } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { nodeToJson, scalarToJson } from './values.ts';
import type { StatsResponse } from '../../contract/api.ts';

const COUNTS = [
  'MATCH (n) RETURN "total" AS kind, "nodes" AS name, count(n) AS n',
  'MATCH ()-[r]->() RETURN "total" AS kind, "relationships" AS name, count(r) AS n',
  ...NODE_LABELS.map((l) => `MATCH (n:${labelText(l)}) RETURN "label" AS kind, "${l}" AS name, count(n) AS n`),
  ...RELATIONSHIP_TYPES.map((t) => `MATCH ()-[r:\`${t}\`]->() RETURN "type" AS kind, "${t}" AS name, count(r) AS n`),
].join('\nUNION ALL\n');

export async function graphStats(driver: Driver, options: ReadOptions = {}): Promise<StatsResponse> {
  const [counts, reports] = await Promise.all([
    readQuery(driver, COUNTS, {}, options),
    readQuery(driver, 'MATCH (r:Report) RETURN r ORDER BY r.id', {}, options),
  ]);
  const stats: StatsResponse = { nodes: 0, relationships: 0, labels: {}, relationshipTypes: {}, reports: [] };
  for (const record of counts.records) {
    const kind = record.get('kind') as string;
    const name = record.get('name') as string;
    const n = scalarToJson(record.get('n')) as number;
    if (kind === 'total') stats[name as 'nodes' | 'relationships'] = n;
    else if (kind === 'label') stats.labels[name] = n;
    else stats.relationshipTypes[name] = n;
  }
  stats.reports = reports.records.map((r) => {
    const node = nodeToJson(r.get('r') as Node);
    return { id: node.id, properties: node.properties };
  });
  return stats;
}
