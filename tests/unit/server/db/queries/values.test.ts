import neo4j, { Node, Path, PathSegment, Relationship } from 'neo4j-driver';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { spanPairs } from '../../../../../server/db/queries/node-details.ts';
import { GraphCollector } from '../../../../../server/db/queries/serialized-graph.ts';
import { nodeToJson, scalarToJson, toDriverValue, ValueConverter } from '../../../../../server/db/queries/values.ts';

const int = neo4j.int;
const node = (eid: string, labels: string[], props: Record<string, unknown>) => new Node(int(0), labels, props, eid);
const rel = (eid: string, type: string, start: string, end: string, props: Record<string, unknown> = {}) =>
  new Relationship(int(0), int(0), int(0), type, props, eid, start, end);

describe('scalarToJson', () => {
  it('makes integers numbers (strings beyond 2^53) and temporals ISO strings', () => {
    expect(scalarToJson(int(42))).toBe(42);
    expect(scalarToJson(int('9007199254740993'))).toBe('9007199254740993');
    expect(scalarToJson([int(1), int(2)])).toEqual([1, 2]);
    expect(scalarToJson(new neo4j.types.Date(2025, 2, 4))).toBe('2025-02-04');
    expect(scalarToJson(Number.NaN)).toBe('NaN');
    expect(scalarToJson({ a: int(1), b: [null] })).toEqual({ a: 1, b: [null] });
  });
});

describe('toDriverValue', () => {
  it('sends whole numbers as integers, inside lists and maps too, and the rest as it is', () => {
    const v = toDriverValue({ n: 3, f: 1.5, s: 'x', b: true, z: null, ints: [1, 2], words: ['a'], nested: { k: [4] } }) as Record<string, unknown>;
    expect(neo4j.isInt(v.n)).toBe(true);
    expect(v.f).toBe(1.5);
    expect([v.s, v.b, v.z, v.words]).toEqual(['x', true, null, ['a']]);
    expect((v.ints as unknown[]).every((x) => neo4j.isInt(x))).toBe(true);
    expect(neo4j.isInt((v.nested as { k: unknown[] }).k[0])).toBe(true);
  });

  it('sends a list of numbers with a fraction in it as floats (Neo4j stores a list of one type)', () => {
    expect(toDriverValue([1, 2.5])).toEqual([1, 2.5]);
    const int = neo4j.int(7);
    expect(toDriverValue(int)).toBe(int);
  });
});

describe('nodes and relationships', () => {
  const arg = node('4:x:1', ['State'], { id: 'state:ARG', name: '阿根廷', _reports: ['r'], n: int(3) });
  const theme = node('4:x:2', ['Theme'], { id: 'theme:15', title_zh: '主题' });
  const anon = node('4:x:3', ['Thing'], { v: 1 });
  const spoke = rel('5:x:9', 'SPOKE_ON', '4:x:1', '4:x:2', { paragraph: int(8), spans: [int(46), int(49)], _reports: ['r'] });

  it('uses the model id, drops bookkeeping properties', () => {
    expect(nodeToJson(arg)).toEqual({ id: 'state:ARG', labels: ['State'], properties: { name: '阿根廷', n: 3 } });
    expect(nodeToJson(anon).id).toBe('4:x:3');
  });

  it('names relationship ends by model id, once their nodes are known', () => {
    const c = new ValueConverter();
    c.collect({ r: spoke, list: [spoke] });
    expect(c.missingEndpoints().sort()).toEqual(['4:x:1', '4:x:2']);
    c.addNodes([arg, theme]);
    expect(c.missingEndpoints()).toEqual([]);
    expect(c.toJson(spoke)).toEqual({ id: '5:x:9', type: 'SPOKE_ON', start: 'state:ARG', end: 'theme:15', properties: { paragraph: 8, spans: [46, 49] } });
  });

  it('converts paths to {nodes, relationships}', () => {
    const path = new Path(arg, theme, [new PathSegment(arg, spoke, theme)]);
    const c = new ValueConverter();
    c.collect(path);
    const json = c.toJson(path) as { nodes: { id: string }[]; relationships: { start: string }[] };
    expect(json.nodes.map((n) => n.id)).toEqual(['state:ARG', 'theme:15']);
    expect(json.relationships[0]!.start).toBe('state:ARG');
  });
});

describe('GraphCollector', () => {
  it('builds a graph graphology imports, deduplicated', () => {
    const g = new GraphCollector();
    g.addNode({ id: 'a', labels: ['State'], properties: { name: 'A' } });
    g.addNode({ id: 'a', labels: ['State'], properties: { name: 'A' } });
    g.addNode({ id: 'b', labels: ['Recommendation'], properties: { paragraph: 24, letter: 'c' } });
    g.addEdge({ id: 'e1', type: 'X', start: 'a', end: 'b', properties: {} });
    g.addEdge({ id: 'e1', type: 'X', start: 'a', end: 'b', properties: {} });
    g.addEdge({ id: 'e2', type: 'X', start: 'a', end: 'a', properties: {} });
    const json = g.toJSON({ about: 'test' });
    const graph = MultiDirectedGraph.from(json);
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(2);
    expect(graph.getNodeAttribute('b', 'name')).toBe('24(c)');
    expect(json.attributes).toEqual({ about: 'test', truncated: false });
  });

  it('drops what the caps leave out, edges without both ends included, and says so', () => {
    const g = new GraphCollector({ maxNodes: 1, maxEdges: 5 });
    g.addNode({ id: 'a', labels: [], properties: {} });
    expect(g.addNode({ id: 'b', labels: [], properties: {} })).toBe(false);
    g.addEdge({ id: 'e', type: 'X', start: 'a', end: 'b', properties: {} });
    const json = g.toJSON();
    expect(json.nodes).toHaveLength(1);
    expect(json.edges).toHaveLength(0);
    expect(json.attributes.truncated).toBe(true);
  });
});

describe('spanPairs', () => {
  it('turns the flat list into pairs', () => {
    expect(spanPairs([1, 3, 10, 12])).toEqual([
      [1, 3],
      [10, 12],
    ]);
    expect(spanPairs([1, 3, 5])).toEqual([[1, 3]]);
    expect(spanPairs(null)).toEqual([]);
  });
});
