import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphFromBody, packGraph, unpackGraph, GRAPH_UNREADABLE } from '../../../../../client/src/api/graphPayload.ts';
import { describeError, ERROR_MESSAGES } from '../../../../../client/src/i18n/errors.ts';
import { CompactGraphError, encodeCompactGraph, type CompactGraph } from '../../../../../server/contract/compactGraph.ts';
import { ApiError } from '../../../../../server/contract/errors.ts';
import type { SerializedGraph } from '../../../../../server/contract/graph.ts';
import { graphs } from '../../../../setup/graphArbitraries.ts';

/** What crosses from the worker to the page: the packed answer through a structured clone, its buffers transferred. */
function handOver(body: unknown): ReturnType<typeof packGraph> & { received: ReturnType<typeof packGraph>['packed'] } {
  const packed = packGraph(body);
  return { ...packed, received: structuredClone(packed.packed, { transfer: packed.transfer }) };
}

const small: SerializedGraph = {
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  attributes: {},
  nodes: [
    { key: 'state:china', attributes: { labels: ['State'], name: '中国', properties: { name_en: 'China', name_zh: '中国' } } },
    { key: 'instrument:untoc', attributes: { labels: ['Instrument'], name: 'UNTOC', properties: {} } },
  ],
  edges: [{ key: '5:x:1', source: 'state:china', target: 'instrument:untoc', attributes: { type: 'CITES', properties: { paragraphs: [12, 14] } } }],
};

describe('the graph answer handed from the graph worker to the page', () => {
  it('is the same graph, item for item, as the server encoded (through JSON, the clone and the transfer)', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const { received } = handOver(JSON.parse(JSON.stringify(encodeCompactGraph(graph))));
        expect(unpackGraph(received)).toEqual(graph);
      }),
      { numRuns: 150 },
    );
  });

  it('moves the index columns as Int32Arrays whose buffers are transferred, not copied', () => {
    const { packed, transfer, received } = handOver(JSON.parse(JSON.stringify(encodeCompactGraph(small))));
    expect(packed.kind).toBe('compact');
    expect(transfer).toHaveLength(4);
    // Transferred: the worker's side of each buffer is detached.
    for (const buffer of transfer) expect(buffer.byteLength).toBe(0);
    if (received.kind !== 'compact') throw new Error('expected a compact graph');
    expect(received.graph.edges.source).toBeInstanceOf(Int32Array);
    expect(Array.from(received.graph.edges.source)).toEqual([0]);
    expect(Array.from(received.graph.edges.target)).toEqual([1]);
  });

  it('passes a graph in the serialized form through as it is', () => {
    const { packed, transfer } = packGraph(small);
    expect(packed).toEqual({ kind: 'serialized', graph: small });
    expect(transfer).toEqual([]);
  });

  it('refuses answers that are not a graph, naming what is wrong', () => {
    const compact = (): CompactGraph => JSON.parse(JSON.stringify(encodeCompactGraph(small))) as CompactGraph;
    const broken: [string, unknown, RegExp][] = [
      ['an index past the node list', { ...compact(), edges: { ...compact().edges, target: [2] } }, /target index 2 out of range/],
      ['a negative index', { ...compact(), edges: { ...compact().edges, source: [-1] } }, /source index -1/],
      ['a fractional index', { ...compact(), nodes: { ...compact().nodes, labelSet: [0.5, 0] } }, /label set index 0.5/],
      ['a string where an index belongs', { ...compact(), edges: { ...compact().edges, type: ['0'] } }, /type index 0 out of range/],
      ['a missing column', { ...compact(), nodes: { ...compact().nodes, names: undefined } }, /node column/],
      ['no edges at all', { ...compact(), edges: null }, /nodes or edges missing/],
      ['an HTML page', '<html>502 Bad Gateway</html>', /not a graph/],
      ['an empty object', {}, /not a graph/],
    ];
    for (const [what, body, message] of broken) expect(() => packGraph(body), what).toThrow(message);
    // Columns of unequal length are found when the page decodes them.
    const uneven = handOver({ ...compact(), nodes: { ...compact().nodes, names: ['中国'] } }).received;
    expect(() => unpackGraph(uneven)).toThrow(CompactGraphError);
  });

  it('turns a broken answer into an ApiError the viewer words in both languages', () => {
    const error = (() => {
      try {
        graphFromBody({ ...encodeCompactGraph(small), types: 'CITES' }, 200);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: GRAPH_UNREADABLE });
    expect(describeError(error, 'zh').message).toBe(ERROR_MESSAGES[GRAPH_UNREADABLE]!.zh);
    expect(describeError(error, 'en').message).toBe(ERROR_MESSAGES[GRAPH_UNREADABLE]!.en);
    expect(ERROR_MESSAGES[GRAPH_UNREADABLE]!.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
