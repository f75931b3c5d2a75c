/**
 * nodeDetails reads the node, its relationships and every text their provenance points
 * into in one query: held here against the seed's graph as ingest made it, for every
 * kind of relationship at both of its ends, so that no kind of provenance (a `unit`, a start node that is the text, a report
 * and paragraph number, a co-occurrence's paragraphs) is lost, whatever the item limit cuts.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphJson, GraphNode, GraphRelationship } from '../../../../../server/contract/model.ts';
import { nodeDetails } from '../../../../../server/db/queries/node-details.ts';
import { testDriver } from '../../../../setup/neo4j.ts';
import { loadSeed, seedGraph } from '../../../../setup/seed.ts';

let driver: Driver;
let graph: GraphJson;
let byId: Map<string, GraphNode>;

beforeAll(async () => {
  driver = testDriver();
  await loadSeed(driver);
  graph = await seedGraph();
  byId = new Map(graph.nodes.map((n) => [n.id, n]));
});
afterAll(() => driver.close());

const isText = (n: GraphNode | undefined): boolean => !!n && (n.labels.includes('Paragraph') || n.labels.includes('Recommendation'));

/** The texts a relationship's provenance names, by the rule node-details.ts documents, read from the graph itself. */
function expectedTexts(r: GraphRelationship): string[] {
  const p = r.properties;
  const ids: string[] = [];
  if (typeof p.unit === 'string') ids.push(p.unit);
  else if (isText(byId.get(r.start))) ids.push(r.start);
  else if (typeof p.report === 'string' && typeof p.paragraph === 'number') {
    const para = graph.nodes.find((n) => n.labels.includes('Paragraph') && n.properties.report === p.report && n.properties.number === p.paragraph);
    if (para) ids.push(para.id);
  }
  if (Array.isArray(p.paragraphs)) ids.push(...p.paragraphs.filter((x): x is string => typeof x === 'string'));
  return ids.filter((id) => byId.has(id));
}

describe('nodeDetails', () => {
  it('gives every fact the texts its properties name, with those texts, for a node at each end of each relationship type', async () => {
    let facts = 0;
    let withText = 0;
    const nodes = new Set<string>();
    for (const type of new Set(graph.relationships.map((r) => r.type))) {
      const first = graph.relationships.find((r) => r.type === type)!;
      nodes.add(first.start).add(first.end);
    }
    for (const node of [...nodes].map((id) => byId.get(id)!)) {
      const details = await nodeDetails(driver, node.id, { perGroup: 10_000 });
      expect(details, node.id).toBeDefined();
      const mine = graph.relationships.filter((r) => r.start === node.id || r.end === node.id);
      expect(
        details!.relationships.reduce((t, g) => t + g.count, 0),
        node.id,
      ).toBe(mine.length);
      for (const group of details!.relationships) {
        expect(group.items, `${node.id} ${group.type}`).toHaveLength(group.count);
        for (const item of group.items) {
          const out = group.direction === 'out';
          const candidates = mine.filter(
            (r) => r.type === group.type && (out ? r.start === node.id && r.end === item.other.id : r.end === node.id && r.start === item.other.id),
          );
          expect(candidates.length, `${node.id} ${group.type} ${item.other.id}`).toBeGreaterThan(0);
          // Parallel relationships between the same two nodes: the one with these properties.
          const r =
            candidates.find((c) => JSON.stringify(expectedTexts(c)) === JSON.stringify(item.provenance.map((p) => p.paragraphId ?? ''))) ?? candidates[0]!;
          expect(
            item.provenance.map((p) => p.paragraphId),
            `${node.id} ${group.type} ${item.other.id}`,
          ).toEqual(expectedTexts(r));
          for (const p of item.provenance) expect(p.text).toBe(byId.get(p.paragraphId ?? '')?.properties.text);
          facts += 1;
          if (item.provenance.length > 0) withText += 1;
        }
      }
    }
    // The seed has facts of every kind: with a text and without one.
    expect(withText).toBeGreaterThan(100);
    expect(facts - withText).toBeGreaterThan(0);
  });

  it('cut to one item per group, still gives the items it keeps their texts', async () => {
    const hub = 'state:ARG';
    const whole = (await nodeDetails(driver, hub, { perGroup: 10_000 }))!;
    const cut = (await nodeDetails(driver, hub, { perGroup: 1 }))!;
    expect(cut.relationships.map((g) => [g.type, g.direction, g.count])).toEqual(whole.relationships.map((g) => [g.type, g.direction, g.count]));
    expect(whole.relationships.some((g) => g.count > 1)).toBe(true);
    for (const group of cut.relationships) {
      expect(group.items).toHaveLength(1);
      const item = group.items[0]!;
      const same = whole.relationships.find((g) => g.type === group.type && g.direction === group.direction)!.items.find((i) => i.id === item.id)!;
      expect(item.provenance).toEqual(same.provenance);
    }
  });

  it('is undefined for an id no node has', async () => {
    expect(await nodeDetails(driver, 'state:XXX')).toBeUndefined();
    expect(await nodeDetails(driver, 'no-such-id')).toBeUndefined();
  });
});
