/**
 * Neo4j warns, query by query, of Cypher it has deprecated (GQL status 01N00–01N02, category
 * DEPRECATION): such a query breaks on a later Neo4j (CALL subqueries that import with WITH
 * are gone from Cypher 25), and every warning is sent and parsed with each answer. Loading the
 * seed and asking every read route of the API (with and without a corpus filter) must draw none.
 */
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observedDriver } from '../../../../server/db/observed.ts';
import { testDriver } from '../../../setup/neo4j.ts';
import { clearDatabase, loadSeed } from '../../../setup/seed.ts';
import { apiApp } from '../api/helpers.ts';

interface Warning {
  query: string;
  status: string;
  description: string;
}

/** Queries whose summaries were read. */
let observed = 0;

/** `driver`, with every query's summary read for deprecation warnings, into `into`. */
function recording(driver: Driver, into: Warning[]): Driver {
  return observedDriver(driver, (query, summary) => {
    observed += 1;
    for (const g of summary.gqlStatusObjects)
      if (g.classification === 'DEPRECATION' || /^01N0/.test(g.gqlStatus))
        into.push({ query: query.slice(0, 120), status: g.gqlStatus, description: g.statusDescription });
    for (const n of summary.notifications)
      if (n.category === 'DEPRECATION') into.push({ query: query.slice(0, 120), status: n.code, description: n.description });
  });
}

let driver: Driver;
let app: Express;
const warnings: Warning[] = [];
const enc = encodeURIComponent;

beforeAll(async () => {
  driver = testDriver();
  await clearDatabase(driver);
  const watched = recording(driver, warnings);
  await loadSeed(watched);
  app = apiApp(watched);
});
afterAll(() => driver.close());

describe('the product’s Cypher', () => {
  it('loads a report without a deprecation warning', () => {
    expect(observed).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });

  it('answers every read route, whole corpus and filtered, without a deprecation warning', async () => {
    const ids = await driver.executeQuery(
      `MATCH (p:Paragraph) WITH p LIMIT 1 MATCH (r:Recommendation) WITH p, r LIMIT 1 MATCH (c:CrimeType) WITH p, r, c LIMIT 1
       MATCH (s:Person) RETURN p.id AS p, r.id AS r, c.id AS c, s.id AS s LIMIT 1`,
    );
    const row = ids.records[0]!;
    const nodes = ['state:ARG', 'instrument:untoc', row.get('p') as string, row.get('r') as string, row.get('c') as string, row.get('s') as string];
    const paths = [
      '/api/stats',
      '/api/reports',
      '/api/graph',
      '/api/graph?labels=State,Recommendation&limit=50',
      `/api/search?q=${enc('贩运')}`,
      '/api/search?q=trafficking&labels=CrimeType',
      `/api/search?q=${enc('24(c)')}`,
      `/api/path?from=${enc('state:ARG')}&to=${enc('instrument:untoc')}`,
      '/api/citations',
      '/api/compare?columns=instrument',
      '/api/export?format=json',
      '/api/export?format=csv&table=nodes',
      ...nodes.flatMap((id) => [`/api/nodes/${enc(id)}`, `/api/nodes/${enc(id)}/neighbors?depth=2`, `/api/nodes/${enc(id)}/profile`]),
    ];
    for (const path of paths) {
      for (const filtered of [path, `${path}${path.includes('?') ? '&' : '?'}region=LAC`]) {
        const answer = await request(app).get(filtered);
        expect(answer.status, filtered).toBeLessThan(300);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings).toEqual([]);
  });
});
