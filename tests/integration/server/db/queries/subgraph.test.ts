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

/** The relationships among `keys` in the database, by element id. */
async function relationshipsAmong(keys: string[]): Promise<string[]> {
  const expected = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE coalesce(a.id, elementId(a)) IN $keys AND coalesce(b.id, elementId(b)) IN $keys RETURN elementId(r) AS id ORDER BY id`,
    { keys },
  );
  return expected.records.map((r) => r.get('id') as string);
}

/** subgraph()'s answer holds exactly `ids` among its nodes, each once; returns how many. */
async function checkExact(labels: readonly ('State' | 'AgendaItem' | 'Theme')[] | undefined, maxNodes: number): Promise<number> {
  const graph = await subgraph(driver, { labels, maxNodes });
  const keys = graph.nodes.map((n) => n.key);
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys).size).toBe(keys.length);
  const ids = await relationshipsAmong(keys);
  // Every one, each once, whether its end node's record came before or after its start's.
  expect(graph.edges.map((e) => e.key).sort()).toEqual([...ids].sort());
  const nodes = new Set(keys);
  for (const edge of graph.edges) expect(nodes.has(edge.source) && nodes.has(edge.target)).toBe(true);
  return ids.length;
}

describe('subgraph, read record by record', () => {
  for (const [what, labels] of [
    ['the whole entity graph', undefined],
    ['States, agenda items and themes', ['State', 'AgendaItem', 'Theme'] as const],
  ] as const) {
    it(`holds exactly the relationships among its nodes (${what})`, async () => {
      expect(await checkExact(labels, 100_000)).toBeGreaterThan(0);
    });
  }

  // A cut takes the first nodes the database gives, which depends on what other test files
  // loaded into the shared database before: one cut may hold no relationship, so several are
  // checked, and together they must hold some.
  it('holds exactly the relationships among its nodes (cuts of 60, 150 and 400 nodes)', async () => {
    let relationships = 0;
    for (const maxNodes of [60, 150, 400]) relationships += await checkExact(undefined, maxNodes);
    expect(relationships).toBeGreaterThan(0);
  });
});
