/** What the load tests compare: the whole database, and graph.json, in one plain shape. */
import type { Driver } from 'neo4j-driver';
import { scalarToJson } from '../../../../server/db/queries/values.ts';
import type { GraphJson, PropertyValue } from '../../../../server/contract/model.ts';

export interface SnapshotNode {
  id: string;
  labels: string[];
  properties: Record<string, PropertyValue>;
}
export interface SnapshotRel {
  type: string;
  start: string;
  end: string;
  properties: Record<string, PropertyValue>;
}
export interface Snapshot {
  nodes: SnapshotNode[];
  relationships: SnapshotRel[];
}

function sortedProps(props: Record<string, unknown>, keepBookkeeping: boolean): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(props).sort()) {
    if (!keepBookkeeping && key.startsWith('_')) continue;
    if (key === 'id') continue;
    const value = props[key];
    if (value === null || value === undefined) continue; // Neo4j stores no nulls
    out[key] = scalarToJson(value) as PropertyValue;
  }
  return out;
}

const byJson = (a: unknown, b: unknown): number => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Every node and relationship with every property, in a stable order. */
export async function snapshot(driver: Driver, { bookkeeping = true } = {}): Promise<Snapshot> {
  const nodes = await driver.executeQuery('MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props');
  const rels = await driver.executeQuery('MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props');
  return {
    nodes: nodes.records
      .map((r) => ({ id: String(r.get('id')), labels: [...(r.get('labels') as string[])].sort(), properties: sortedProps(r.get('props'), bookkeeping) }))
      .sort(byJson),
    relationships: rels.records
      .map((r) => ({
        type: String(r.get('type')),
        start: String(r.get('start')),
        end: String(r.get('end')),
        properties: sortedProps(r.get('props'), bookkeeping),
      }))
      .sort(byJson),
  };
}

/** graph.json in the snapshot's shape (what the database should hold, bookkeeping aside). */
export function graphSnapshot(graph: GraphJson): Snapshot {
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, labels: [...n.labels].sort(), properties: sortedProps(n.properties, false) })).sort(byJson),
    relationships: graph.relationships.map((r) => ({ type: r.type, start: r.start, end: r.end, properties: sortedProps(r.properties, false) })).sort(byJson),
  };
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort());
}

/** Nodes per label and relationships per type, as Neo4j counts them. */
export async function databaseCounts(driver: Driver): Promise<{ labels: Record<string, number>; types: Record<string, number> }> {
  const labels = await driver.executeQuery('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n');
  const types = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
  const toRecord = (rows: typeof labels.records, key: string) =>
    Object.fromEntries(rows.map((r) => [String(r.get(key)), Number(scalarToJson(r.get('n')))]).sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
  return { labels: toRecord(labels.records, 'label'), types: toRecord(types.records, 'type') };
}

export function graphCounts(graph: GraphJson): { labels: Record<string, number>; types: Record<string, number> } {
  return {
    labels: countBy(
      graph.nodes.flatMap((n) => n.labels),
      (l) => l,
    ),
    types: countBy(graph.relationships, (r) => r.type),
  };
}
