/**
 * GET /api/graph is written as a stream (server/api/http/json-stream.ts): the bytes a
 * client gets, plain or gzip, in either format, are JSON.stringify of the graph the
 * query functions build, as when the answer was one `res.json`.
 */
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCompactGraph } from '../../../../../server/contract/compactGraph.ts';
import { subgraph } from '../../../../../server/db/queries/subgraph.ts';
import { WHOLE_CORPUS } from '../../../../../server/db/queries/scope.ts';
import { testConfig } from '../../../../setup/config.ts';
import { seededApp, textBody } from '../helpers.ts';

let driver: Driver;
let app: Express;

beforeAll(async () => {
  ({ driver, app } = await seededApp());
});
afterAll(() => driver.close());

describe('GET /api/graph, streamed', () => {
  for (const format of ['graphology', 'compact'] as const) {
    for (const encoding of ['identity', 'gzip']) {
      it(`sends JSON.stringify of the graph, byte for byte (format=${format}, ${encoding})`, async () => {
        const config = testConfig();
        const graph = await subgraph(driver, { database: config.neo4j.database, scope: WHOLE_CORPUS, maxNodes: config.graphMaxNodes });
        const expected = JSON.stringify(format === 'compact' ? encodeCompactGraph(graph) : graph);
        expect(expected.length).toBeGreaterThan(64 * 1024); // more than one batch: the seed's graph is written in several

        const res = await request(app).get(`/api/graph?format=${format}`).set('Accept-Encoding', encoding).buffer(true).parse(textBody).expect(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['content-encoding']).toBe(encoding === 'gzip' ? 'gzip' : undefined);
        // No ETag: it would need the whole body before the first byte.
        expect(res.headers.etag).toBeUndefined();
        expect(res.body).toBe(expected);
      });
    }
  }

  it('still answers a graph too small to stream in batches, and an empty one', async () => {
    const small = await request(app).get('/api/graph?limit=3').expect(200);
    expect(small.body.nodes).toHaveLength(3);
    // An unknown report keeps nothing of the corpus (scope.ts): an empty graph, whole.
    const none = await request(app).get('/api/graph?report=report:no-such-report').buffer(true).parse(textBody).expect(200);
    expect(JSON.parse(none.body as string)).toMatchObject({ nodes: [], edges: [] });
  });
});
