import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphData } from '../../../../../client/src/graph/build.ts';

function data(): GraphData {
  const nodes = ['state:ARG', 'state:CRI', 'crime:corruption', 'instrument:untoc', 'rec:lac-rpm-2025:24(c)'].map((key) => ({
    key,
    attributes: { labels: [], properties: { name: key } },
  }));
  const edges = [
    { key: '5:x:1', source: 'state:ARG', target: 'crime:corruption', attributes: { type: 'MENTIONS', properties: {} } },
    { key: '5:x:2', source: 'rec:lac-rpm-2025:24(c)', target: 'instrument:untoc', attributes: { type: 'CITES', properties: {} } },
    { key: '5:x:3', source: 'state:CRI', target: 'crime:corruption', attributes: { type: 'MENTIONS', properties: {} } },
    { key: '5:x:4', source: 'state:CRI', target: 'crime:corruption', attributes: { type: 'SPOKE_ON', properties: {} } },
  ];
  return { nodes, edges };
}

describe('the same data makes the same graph', () => {
  it('whatever order the database returned nodes and relationships in, and whatever their element ids', () => {
    const a = buildGraph(data());
    const shuffled = data();
    shuffled.nodes.reverse();
    // Element ids change when the database is reloaded: give the relationships other keys in another order.
    shuffled.edges = shuffled.edges.reverse().map((e, i) => ({ ...e, key: `7:y:${i}` }));
    const b = buildGraph(shuffled);
    expect(b.nodes()).toEqual(a.nodes());
    expect(b.mapEdges((_e, attrs, s, t) => `${s}>${t}:${attrs.type}`)).toEqual(a.mapEdges((_e, attrs, s, t) => `${s}>${t}:${attrs.type}`));
    // The layout's starting positions come from the ids alone.
    expect(b.mapNodes((_n, attrs) => [attrs.x, attrs.y])).toEqual(a.mapNodes((_n, attrs) => [attrs.x, attrs.y]));
  });

  it('adds edges in the order of their ends, type and key, and leaves out those whose end is missing', () => {
    const d = data();
    d.edges.push(
      { key: '5:x:0', source: 'state:CRI', target: 'crime:corruption', attributes: { type: 'MENTIONS', properties: {} } },
      { key: '5:x:9', source: 'state:ZZZ', target: 'crime:corruption', attributes: { type: 'MENTIONS', properties: {} } },
      { key: '5:x:8', source: 'crime:corruption', target: 'state:ARG', attributes: { type: 'ADDRESSES', properties: {} } },
    );
    const graph = buildGraph(d);
    const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected = d.edges
      .filter((e) => graph.hasNode(e.source) && graph.hasNode(e.target))
      .sort((a, b) => byKey(a.source, b.source) || byKey(a.target, b.target) || byKey(a.attributes.type, b.attributes.type) || byKey(a.key, b.key))
      .map((e) => e.key);
    expect(graph.edges()).toEqual(expected);
    expect(graph.hasEdge('5:x:9')).toBe(false);
  });
});
