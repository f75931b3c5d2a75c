import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactGraph as CompactGraphSchema, SerializedGraph as SerializedGraphSchema } from '../../../../server/contract/api.ts';
import {
  COMPACT_GRAPH_FORMAT,
  CompactGraphError,
  decodeCompactGraph,
  encodeCompactGraph,
  isCompactGraph,
  type CompactGraph,
} from '../../../../server/contract/compactGraph.ts';
import type { SerializedGraph } from '../../../../server/contract/graph.ts';
import { graphs } from '../../../setup/graphArbitraries.ts';

describe('compact graph codec', () => {
  it('gives back exactly the serialized graph it was given, and both forms pass their schemas', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const compact = encodeCompactGraph(graph);
        expect(CompactGraphSchema.safeParse(compact).success).toBe(true);
        // Through JSON, as on the wire.
        const decoded = decodeCompactGraph(JSON.parse(JSON.stringify(compact)) as CompactGraph);
        expect(decoded).toEqual(graph);
        expect(SerializedGraphSchema.safeParse(decoded).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('sends each label list, type and node key once, and the edge keys’ common prefix once', () => {
    const prefix = '5:0d4a6b1e-7c1f-4a55-9e0b-3c2f1a8d9e77:';
    const nodes = Array.from({ length: 200 }, (_, i) => ({
      key: `state:S${i}`,
      attributes: { labels: ['State'], name: `State ${i}`, properties: { id: `state:S${i}` } },
    }));
    const edges = Array.from({ length: 1000 }, (_, i) => ({
      key: `${prefix}${i}`,
      source: `state:S${i % 200}`,
      target: `state:S${(i * 7) % 200}`,
      attributes: { type: i % 2 ? 'CO_OCCURS' : 'LINKED_TO', properties: {} },
    }));
    const graph: SerializedGraph = { options: { type: 'directed', multi: true, allowSelfLoops: true }, attributes: {}, nodes, edges };
    const compact = encodeCompactGraph(graph);
    expect(compact.labelSets).toEqual([['State']]);
    expect(compact.types).toEqual(['LINKED_TO', 'CO_OCCURS']);
    expect(compact.edges.keyPrefix).toBe(prefix);
    expect(compact.edges.keys.slice(0, 3)).toEqual(['0', '1', '2']);
    expect(compact.edges.source.slice(0, 3)).toEqual([0, 1, 2]);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(graph).length / 2);
  });

  it('never splits a surrogate pair between the prefix and the rest of a key', () => {
    const graph: SerializedGraph = {
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      attributes: {},
      nodes: [{ key: 'a', attributes: { labels: [], name: '', properties: {} } }],
      edges: ['x\u{1F600}', 'x\u{1F601}'].map((key) => ({ key, source: 'a', target: 'a', attributes: { type: 'CITES', properties: {} } })),
    };
    const compact = encodeCompactGraph(graph);
    expect(compact.edges.keyPrefix).toBe('x');
    // encodeURIComponent throws on a lone surrogate.
    expect(() => compact.edges.keys.map(encodeURIComponent)).not.toThrow();
    expect(decodeCompactGraph(compact)).toEqual(graph);
  });

  it('refuses an edge whose end the graph lacks', () => {
    const graph: SerializedGraph = {
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      attributes: {},
      nodes: [{ key: 'a', attributes: { labels: [], name: '', properties: {} } }],
      edges: [{ key: 'e', source: 'a', target: 'b', attributes: { type: 'CITES', properties: {} } }],
    };
    expect(() => encodeCompactGraph(graph)).toThrow(CompactGraphError);
  });

  it('refuses a compact graph that does not hold together, naming what is wrong', () => {
    const good = (): CompactGraph => ({
      format: COMPACT_GRAPH_FORMAT,
      attributes: {},
      labelSets: [['State']],
      types: ['CITES'],
      nodes: { keys: ['a', 'b'], labelSet: [0, 0], names: ['A', 'B'], properties: [{}, {}] },
      edges: { keyPrefix: 'k', keys: ['1'], source: [0], target: [1], type: [0], properties: [{}] },
    });
    expect(decodeCompactGraph(good()).edges[0]).toMatchObject({ key: 'k1', source: 'a', target: 'b' });
    const broken: [string, (g: CompactGraph) => void, RegExp][] = [
      ['target out of range', (g) => (g.edges.target[0] = 2), /target index 2/],
      ['negative source', (g) => (g.edges.source[0] = -1), /source index -1/],
      ['unknown type', (g) => (g.edges.type[0] = 1), /type index 1/],
      ['unknown label set', (g) => (g.nodes.labelSet[1] = 5), /label set index 5/],
      ['short node column', (g) => g.nodes.names.pop(), /node columns/],
      ['short edge column', (g) => g.edges.properties.pop(), /edge columns/],
      ['another format', (g) => ((g as { format: string }).format = 'compact-graph/2'), /not a compact-graph\/1/],
    ];
    for (const [what, breakIt, message] of broken) {
      const g = good();
      breakIt(g);
      expect(() => decodeCompactGraph(g), what).toThrow(message);
    }
  });

  it('tells a compact graph from a serialized one by its format tag', () => {
    expect(isCompactGraph({ format: COMPACT_GRAPH_FORMAT })).toBe(true);
    expect(isCompactGraph({ options: {}, nodes: [], edges: [] })).toBe(false);
    expect(isCompactGraph(null)).toBe(false);
    expect(isCompactGraph('compact-graph/1')).toBe(false);
  });
});
