/**
 * GET /api/graph?format=compact: the same graph as the serialized form, in columns
 * (server/contract/compactGraph.ts), held to its published schema.
 */
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompactGraph, SerializedGraph } from '../../../../server/contract/api.ts';
import { decodeCompactGraph } from '../../../../server/contract/compactGraph.ts';
import { testDriver } from '../../../setup/neo4j.ts';
import { loadSeed } from '../../../setup/seed.ts';
import { apiApp } from './helpers.ts';

let driver: Driver;
let app: Express;

beforeAll(async () => {
  driver = testDriver();
  await loadSeed(driver);
  app = apiApp(driver);
});
afterAll(() => driver.close());

describe('GET /api/graph?format=compact', () => {
  for (const query of ['', 'labels=CrimeType&types=CO_OCCURS,LINKED_TO', 'limit=60']) {
    it(`holds the same graph as the serialized form (${query || 'the whole entity graph'}), in fewer bytes`, async () => {
      const plain = await request(app).get(`/api/graph?${query}`).expect(200);
      const compact = await request(app).get(`/api/graph?${query}&format=compact`).expect(200);
      const decoded = decodeCompactGraph(CompactGraph.parse(compact.body));
      const expected = SerializedGraph.parse(plain.body);
      expect(expected.nodes.length).toBeGreaterThan(0);
      // The same nodes and edges, whatever order Neo4j returned them in on each request.
      const byKey = <T extends { key: string }>(items: T[]) => [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      expect(byKey(decoded.nodes)).toEqual(byKey(expected.nodes));
      expect(byKey(decoded.edges)).toEqual(byKey(expected.edges));
      expect(decoded.attributes).toEqual(expected.attributes);
      expect(compact.text.length).toBeLessThan(plain.text.length);
    });
  }

  it('refuses a format it does not know, in one sentence', async () => {
    const res = await request(app).get('/api/graph?format=csv').expect(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toMatch(/query\.format/);
  });
});
