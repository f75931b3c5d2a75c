/**
 * The benchmark's HTTP floor (scripts/bench/http-floor.ts) is a fair second reference only
 * if it does the API's work for the same request: the same query functions, the same
 * parameters, the same JSON. Compared here with the app on the seed report, request by
 * request, and once as the process the benchmark starts.
 */
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floorAnswer, floorServerMs, startFloorServer } from '../../../scripts/bench/http-floor.ts';
import { testNeo4j } from '../../setup/neo4j.ts';
import { seededApp } from '../server/api/helpers.ts';

let driver: Driver;
let app: Express;

beforeAll(async () => {
  ({ driver, app } = await seededApp());
});
afterAll(() => driver.close());

const enc = encodeURIComponent;

describe('the HTTP floor', () => {
  it.each([
    ['a search in Chinese', `/api/search?q=${enc('贩运')}&limit=10`],
    ['a search in English, with a label filter', `/api/search?q=${enc('trafficking')}&limit=5&labels=CrimeType`],
    ['node details of a hub', `/api/nodes/${enc('state:ARG')}`],
    ['node details with a group limit', `/api/nodes/${enc('instrument:untoc')}?limit=3`],
    ['a neighbourhood', `/api/nodes/${enc('crime:organized-crime')}/neighbors?depth=1&limit=150`],
    ['an unknown node', `/api/nodes/${enc('state:XXX')}`],
    ['an unknown node’s neighbourhood', `/api/nodes/${enc('state:XXX')}/neighbors?depth=1&limit=100`],
  ])('answers %s with the API’s status and, on success, the API’s JSON', async (_what, path) => {
    const api = await request(app).get(path);
    const floor = await floorAnswer(driver, path);
    expect(floor.status).toBe(api.status);
    if (api.status === 200) expect(floor.value).toEqual(api.body);
  });

  it('refuses what the route’s schema refuses (400), and answers 404 off its three routes', async () => {
    const bad = `/api/nodes/${enc('state:ARG')}/neighbors?depth=9`;
    expect((await request(app).get(bad)).status).toBe(400);
    expect((await floorAnswer(driver, bad)).status).toBe(400);
    expect((await floorAnswer(driver, '/api/graph')).status).toBe(404);
  });

  it('runs as its own process on a loopback port, answers as the API does, and stops', async () => {
    const { uri, user, password } = testNeo4j();
    const floor = await startFloorServer({ uri, user, password });
    try {
      const path = `/api/nodes/${enc('state:ARG')}`;
      const started = performance.now();
      const answer = await fetch(`${floor.url}${path}`);
      const elapsed = performance.now() - started;
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      // Its own time on the answer, which the benchmark takes from the client's to get the hop.
      const serverMs = floorServerMs(answer.headers.get('server-timing') ?? undefined);
      expect(serverMs).toBeGreaterThan(0);
      expect(serverMs).toBeLessThan(elapsed);
      expect(await answer.json()).toEqual((await request(app).get(path)).body);
    } finally {
      await floor.stop();
    }
    await expect(fetch(`${floor.url}/api/search?q=x`)).rejects.toThrow();
  });
});
