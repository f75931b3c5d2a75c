import { describe, expect, it } from 'vitest';
import {
  applyDegreeSizes,
  buildGraph,
  countByLabelAndType,
  edgeSize,
  edgeWeight,
  initialPosition,
  MAX_NODE_SIZE,
  mergeGraph,
  MIN_NODE_SIZE,
  MIN_NODE_SIZE_SMALL_GRAPH,
  nodeSize,
  primaryLabel,
} from '../../../../../client/src/graph/build.ts';
import type { SerializedGraph } from '../../../../../server/contract/graph.ts';
import { LABEL_COLORS } from '../../../../../client/src/graph/palette.ts';

/** A node as the API sends it (the viewer names it from its properties, not from `name`). */
const node = (key: string, labels: string[], properties: SerializedGraph['nodes'][number]['attributes']['properties']) => ({
  key,
  attributes: { labels, name: key, properties },
});
/** A slice of the seed as the API serializes it (graphology's form). */
const seedSlice: SerializedGraph = {
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  attributes: {},
  nodes: [
    node('instrument:untoc', ['Instrument'], {
      name: '打击有组织犯罪公约',
      name_zh: '联合国打击跨国有组织犯罪公约',
      name_en: 'United Nations Convention against Transnational Organized Crime',
      short_zh: '打击有组织犯罪公约',
      short_en: 'Organized Crime Convention',
      kind: 'treaty',
      year: 2000,
    }),
    node('rec:lac-rpm-2025:24(c)', ['Recommendation'], {
      report: 'report:lac-rpm-2025',
      paragraph: 24,
      letter: 'c',
      text: '加强国内法律框架，以履行《打击有组织犯罪公约》规定的义务；',
    }),
    node('crime:organized-crime', ['CrimeType'], { name_zh: '有组织犯罪', name_en: 'organized crime' }),
    node('crime:crimes-affecting-environment', ['CrimeType'], { name_zh: '影响环境的犯罪', name_en: 'crimes that affect the environment' }),
    node('crime:corruption', ['CrimeType'], { name_zh: '腐败', name_en: 'corruption' }),
    node('state:ARG', ['State'], { name_zh: '阿根廷', name_en: 'Argentina', iso3: 'ARG' }),
  ],
  edges: [
    {
      key: 'r1',
      source: 'rec:lac-rpm-2025:24(c)',
      target: 'instrument:untoc',
      attributes: { type: 'CITES', properties: { paragraph: 24, evidence: '打击有组织犯罪公约', spans: [13, 22] } },
    },
    {
      key: 'r2',
      source: 'crime:crimes-affecting-environment',
      target: 'crime:organized-crime',
      attributes: {
        type: 'CO_OCCURS',
        properties: { count: 4, paragraphs: ['para:lac-rpm-2025:12', 'para:lac-rpm-2025:24', 'para:lac-rpm-2025:53', 'para:lac-rpm-2025:66'] },
      },
    },
    // Two stated links between the same pair: parallel edges, both kept.
    {
      key: 'r3',
      source: 'crime:crimes-affecting-environment',
      target: 'crime:organized-crime',
      attributes: { type: 'LINKED_TO', properties: { kind: 'nexus', paragraph: 24 } },
    },
    {
      key: 'r4',
      source: 'crime:crimes-affecting-environment',
      target: 'crime:organized-crime',
      attributes: { type: 'LINKED_TO', properties: { kind: 'form-of', paragraph: 66 } },
    },
    {
      key: 'r5',
      source: 'crime:corruption',
      target: 'crime:organized-crime',
      attributes: { type: 'CO_OCCURS', properties: { count: 1, paragraphs: ['para:lac-rpm-2025:12'] } },
    },
    { key: 'r6', source: 'rec:lac-rpm-2025:24(c)', target: 'crime:organized-crime', attributes: { type: 'ADDRESSES', properties: {} } },
    // An edge to a node the response does not hold is skipped, not an error.
    { key: 'r7', source: 'state:ARG', target: 'agenda:15:3', attributes: { type: 'SPOKE_ON', properties: {} } },
  ],
};

describe('primary label', () => {
  it('takes the first label of the model, else what the id prefix says', () => {
    expect(primaryLabel('crime:corruption', [])).toBe('CrimeType');
    expect(primaryLabel('rec:lac-rpm-2025:24(c)', [])).toBe('Recommendation');
    expect(primaryLabel('doc:A/CONF.241/PM.1', [])).toBe('Document');
    expect(primaryLabel('x:y', ['Entity', 'State'])).toBe('State');
  });
});

describe('sizes and weights', () => {
  it('weighs co-occurrence by its count (or its paragraphs) and everything else as 1', () => {
    expect(edgeWeight('CO_OCCURS', { count: 4 })).toBe(4);
    expect(edgeWeight('CO_OCCURS', { paragraphs: ['a', 'b', 'c'] })).toBe(3);
    expect(edgeWeight('CITES', { count: 9 })).toBe(1);
  });

  it('thickens edges with weight, from 1 px, never past a cap', () => {
    expect(edgeSize(1)).toBe(1);
    expect(edgeSize(4)).toBeGreaterThan(edgeSize(2));
    expect(edgeSize(10_000)).toBeLessThanOrEqual(8);
  });

  it('sizes nodes by degree within the bounds', () => {
    expect(nodeSize(0, 0, 10)).toBe(MIN_NODE_SIZE);
    expect(nodeSize(10, 0, 10)).toBe(MAX_NODE_SIZE);
    expect(nodeSize(5, 0, 10)).toBeGreaterThan(nodeSize(2, 0, 10));
    expect(nodeSize(3, 3, 3)).toBeGreaterThanOrEqual(MIN_NODE_SIZE);
  });
});

describe('buildGraph', () => {
  const graph = buildGraph(seedSlice);

  it('holds every node, and every edge whose ends it holds, parallel stated links included', () => {
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(6);
    expect(graph.edges('crime:crimes-affecting-environment', 'crime:organized-crime')).toHaveLength(3);
  });

  it('colours by label and names in both languages, short names for the graph', () => {
    const a = graph.getNodeAttributes('instrument:untoc');
    expect(a.color).toBe(LABEL_COLORS.Instrument);
    expect(a.label_en).toBe('Organized Crime Convention');
    expect(a.label_zh).toBe('打击有组织犯罪公约');
    expect(a.name_en).toBe('United Nations Convention against Transnational Organized Crime');
    expect(graph.getNodeAttribute('rec:lac-rpm-2025:24(c)', 'label_en')).toBe('24(c)');
    expect(graph.getNodeAttribute('crime:corruption', 'label_zh')).toBe('腐败');
  });

  it('makes the best-connected node the largest', () => {
    const hub = graph.getNodeAttribute('crime:organized-crime', 'size');
    graph.forEachNode((node, a) => expect(a.size).toBeLessThanOrEqual(hub));
    // A small graph (a trace, a query result) draws its least-connected nodes a little bigger.
    expect(graph.getNodeAttribute('state:ARG', 'size')).toBe(MIN_NODE_SIZE_SMALL_GRAPH);
    const big = buildGraph({
      nodes: Array.from({ length: 80 }, (_, i) => ({ key: `state:S${i}`, attributes: { labels: ['State'], properties: {} } })),
      edges: [{ key: 'e', source: 'state:S0', target: 'state:S1', attributes: { type: 'SPOKE_ON', properties: {} } }],
    });
    expect(big.getNodeAttribute('state:S5', 'size')).toBe(MIN_NODE_SIZE);
    expect(big.getNodeAttribute('state:S0', 'size')).toBe(MAX_NODE_SIZE);
  });

  it('draws stated links curved with an arrow, contested ones dashed, co-occurrence by weight', () => {
    const r3 = graph.getEdgeAttributes('r3');
    expect(r3).toMatchObject({ type: 'LINKED_TO', curved: true, arrow: true, dashed: false });
    expect(graph.getEdgeAttribute('r2', 'size')).toBeGreaterThan(graph.getEdgeAttribute('r5', 'size'));
    const contested = buildGraph({
      nodes: seedSlice.nodes,
      edges: [{ key: 'c', source: 'crime:corruption', target: 'crime:organized-crime', attributes: { type: 'LINKED_TO', properties: { kind: 'contested' } } }],
    });
    expect(contested.getEdgeAttributes(contested.edges()[0]!).dashed).toBe(true);
  });

  it('counts labels and types for the legend', () => {
    const { labels, types } = countByLabelAndType(graph);
    expect(labels.get('CrimeType')).toBe(3);
    expect(types.get('LINKED_TO')).toBe(2);
  });

  it('starts every node at the same place whatever the order of arrival', () => {
    const reversed = buildGraph({ nodes: [...seedSlice.nodes].reverse(), edges: seedSlice.edges });
    graph.forEachNode((node, a) => {
      expect(reversed.getNodeAttribute(node, 'x')).toBe(a.x);
      expect(reversed.getNodeAttribute(node, 'y')).toBe(a.y);
    });
    const p = initialPosition('state:ARG', 'State');
    expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});

describe('mergeGraph (expanding a node)', () => {
  it('keeps the positions of nodes already drawn and places new ones near the anchor', () => {
    const graph = buildGraph({ nodes: seedSlice.nodes.slice(0, 3), edges: [seedSlice.edges[0]!] });
    graph.setNodeAttribute('instrument:untoc', 'x', 500);
    graph.setNodeAttribute('instrument:untoc', 'y', -500);
    const before = graph.getNodeAttributes('rec:lac-rpm-2025:24(c)');
    const result = mergeGraph(graph, seedSlice, 'instrument:untoc');
    expect(result.addedNodes.sort()).toEqual(['crime:corruption', 'crime:crimes-affecting-environment', 'state:ARG']);
    expect(graph.getNodeAttribute('rec:lac-rpm-2025:24(c)', 'x')).toBe(before.x);
    const added = graph.getNodeAttributes('state:ARG');
    expect(Math.hypot(added.x - 500, added.y + 500)).toBeLessThan(20);
    // Merging the same data again adds nothing.
    expect(mergeGraph(graph, seedSlice)).toEqual({ addedNodes: [], addedEdges: [] });
  });

  it('re-sizes by degree after a merge', () => {
    const graph = buildGraph({ nodes: seedSlice.nodes, edges: [] });
    mergeGraph(graph, seedSlice);
    applyDegreeSizes(graph);
    expect(graph.getNodeAttribute('crime:organized-crime', 'degree')).toBe(3);
  });
});
