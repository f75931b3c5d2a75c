/**
 * fast-check arbitraries of graphs as the API serializes them (graphology's SerializedGraph:
 * unique node keys, edges between them, edge keys shaped like Neo4j element ids with a
 * common prefix, or anything; Chinese and English names), for the compact codec's and the
 * viewer's graph-worker round trips.
 */
import fc from 'fast-check';
import type { Json, SerializedGraph } from '../../server/contract/graph.ts';

const LABELS = ['State', 'Organization', 'CrimeType', 'Instrument', 'Recommendation', 'Meeting'];
const TYPES = ['ATTENDED', 'CITES', 'CO_OCCURS', 'LINKED_TO', 'ADDRESSES'];

const json: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);
const properties = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), json, { maxKeys: 4 });

/** Serialized graphs as the API builds them: unique node keys, edges between them, keys shaped like element ids (or anything). */
export const graphs: fc.Arbitrary<SerializedGraph> = fc
  .record({
    keys: fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { minLength: 0, maxLength: 30 }),
    prefix: fc.oneof(fc.constant('5:0d4a6b1e-7c1f-4a55-9e0b-3c2f1a8d9e77:'), fc.string({ unit: 'grapheme', maxLength: 4 })),
    attributes: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), json, { maxKeys: 3 }),
  })
  .chain(({ keys, prefix, attributes }) =>
    fc
      .record({
        nodes: fc.tuple(
          ...keys.map((key) =>
            fc
              .record({ labels: fc.subarray(LABELS, { maxLength: 2 }), name: fc.string({ unit: 'grapheme' }), properties })
              .map((a) => ({ key, attributes: a })),
          ),
        ),
        edges:
          keys.length === 0
            ? fc.constant([] as { n: number; source: string; target: string; type: string; properties: Record<string, Json> }[])
            : fc.uniqueArray(
                fc.record({ n: fc.nat(), source: fc.constantFrom(...keys), target: fc.constantFrom(...keys), type: fc.constantFrom(...TYPES), properties }),
                { maxLength: 60, selector: (e) => e.n },
              ),
      })
      .map(({ nodes, edges }) => ({
        options: { type: 'directed' as const, multi: true as const, allowSelfLoops: true as const },
        attributes,
        nodes,
        edges: edges.map((e) => ({ key: `${prefix}${e.n}`, source: e.source, target: e.target, attributes: { type: e.type, properties: e.properties } })),
      })),
  );
