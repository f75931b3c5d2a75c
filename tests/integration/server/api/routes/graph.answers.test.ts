/**
 * GET /api/nodes/:id and /api/nodes/:id/neighbors (and the Cypher console's answers) are written by the route layer
 * (server/api/http/send-json.ts): the bytes a client gets are JSON.stringify of what the
 * query functions return for the same parameters (the API benchmark's reference calls
 * exactly these), with their UTF-8 length and no ETag; errors stay JSON without a stack.
 */
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NeighborsQuery, NodeDetailsQuery } from '../../../../../server/contract/api.ts';
import { neighbors } from '../../../../../server/db/queries/neighbors.ts';
import { nodeDetails } from '../../../../../server/db/queries/node-details.ts';
import { testConfig } from '../../../../setup/config.ts';
import { seededApp, textBody } from '../helpers.ts';

let driver: Driver;
let app: Express;

beforeAll(async () => {
  ({ driver, app } = await seededApp());
});
afterAll(() => driver.close());

const enc = encodeURIComponent;

describe('node details and neighbourhoods as sent', () => {
  for (const id of ['instrument:untoc', 'state:ARG', 'rec:lac-rpm-2025:24(c)']) {
    it(`sends the query functions' answer for ${id}, byte for byte, with its length and no ETag`, async () => {
      const database = testConfig().neo4j.database;
      const details = await nodeDetails(driver, id, { database, perGroup: NodeDetailsQuery.parse({}).limit });
      const query = NeighborsQuery.parse({ depth: '1', limit: '150' });
      const graph = await neighbors(driver, id, { database, depth: query.depth, limit: query.limit, labels: query.labels, types: query.types });
      for (const [path, value] of [
        [`/api/nodes/${enc(id)}`, details],
        [`/api/nodes/${enc(id)}/neighbors?depth=1&limit=150`, graph],
      ] as const) {
        expect(value).toBeDefined();
        const expected = JSON.stringify(value);
        const res = await request(app).get(path).set('Accept-Encoding', 'identity').buffer(true).parse(textBody).expect(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['content-length']).toBe(String(Buffer.byteLength(expected, 'utf8')));
        expect(res.headers.etag).toBeUndefined();
        expect(res.body).toBe(expected);
      }
    });
  }

  it('answers a conditional request in full (no validator to match)', async () => {
    const res = await request(app)
      .get(`/api/nodes/${enc('state:ARG')}`)
      .set('If-None-Match', '*')
      .expect(200);
    expect(res.body.id).toBe('state:ARG');
  });

  it('keeps errors JSON, without a stack: an unknown node, a bad parameter', async () => {
    const missing = await request(app)
      .get(`/api/nodes/${enc('state:nowhere')}`)
      .expect(404);
    expect(missing.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(missing.body).toEqual({ error: { code: 'not_found', message: 'No node has the id "state:nowhere".' } });
    const bad = await request(app)
      .get(`/api/nodes/${enc('state:ARG')}/neighbors?depth=9`)
      .expect(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.details[0].path).toBe('query.depth');
    expect(JSON.stringify(bad.body)).not.toMatch(/at .+\.ts:\d+/);
  });

  it("sends the Cypher console's answer the same way: JSON with its length, no ETag", async () => {
    const res = await request(app)
      .post('/api/cypher')
      .set('Accept-Encoding', 'identity')
      .send({ query: 'MATCH (n:Instrument {id: $id}) RETURN n.id AS id', params: { id: 'instrument:untoc' } })
      .buffer(true)
      .parse(textBody)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.body, 'utf8')));
    expect(res.headers.etag).toBeUndefined();
    expect(JSON.parse(res.body).rows).toEqual([{ id: 'instrument:untoc' }]);
  });
});
