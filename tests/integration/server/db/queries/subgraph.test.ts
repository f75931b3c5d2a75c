/**
 * subgraph() reads its records one by one as they arrive (server/db/queries/subgraph.ts):
 * a relationship whose end node comes in a later record must still be in the graph, and
 * the graph must hold every relationship among its nodes, each once, whatever the order.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../../../../../server/db/queries/subgraph.ts';
import { seededApp } from '../../api/helpers.ts';

let driver: Driver;

beforeAll(async () => {
  ({ driver } = await seededApp());
});
afterAll(() => driver.close());

describe('subgraph, read record by record', () => {
  for (const [what, labels, maxNodes] of [
    ['the whole entity graph', undefined, 100_000],
    ['States, agenda items and themes', ['State', 'AgendaItem', 'Theme'] as const, 100_000],
    ['a cut of 60 nodes', undefined, 60],
  ] as const) {
    it(`holds exactly the relationships among its nodes (${what})`, async () => {
      const graph = await subgraph(driver, { labels, maxNodes });
      const keys = graph.nodes.map((n) => n.key);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(keys.length);
      const expected = await driver.executeQuery(
        `MATCH (a)-[r]->(b) WHERE coalesce(a.id, elementId(a)) IN $keys AND coalesce(b.id, elementId(b)) IN $keys RETURN elementId(r) AS id ORDER BY id`,
        { keys },
      );
      const ids = expected.records.map((r) => r.get('id') as string);
      expect(ids.length).toBeGreaterThan(0);
      // Every one, each once, whether its end node's record came before or after its start's.
      expect(graph.edges.map((e) => e.key).sort()).toEqual([...ids].sort());
      const nodes = new Set(keys);
      for (const edge of graph.edges) expect(nodes.has(edge.source) && nodes.has(edge.target)).toBe(true);
    });
  }
});
