/**
 * Neo4j warns, query by query, of Cypher it has deprecated (GQL status 01N00–01N02, category
 * DEPRECATION): such a query breaks on a later Neo4j (CALL subqueries that import with WITH
 * are gone from Cypher 25), and every warning is sent and parsed with each answer. Loading the
 * seed and asking every read route of the API (with and without a corpus filter) must draw none.
 */
import type { Express } from 'express';
import type { Driver, QueryResult, Result, Session, ManagedTransaction } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDriver } from '../../../setup/neo4j.ts';
import { clearDatabase, loadSeed } from '../../../setup/seed.ts';
import { apiApp } from '../api/helpers.ts';

interface Warning {
  query: string;
  status: string;
  description: string;
}

/** `driver`, with every query's summary read for deprecation warnings, into `into`. */
function recording(driver: Driver, into: Warning[]): Driver {
  const note = (query: unknown, summary: Awaited<ReturnType<Result['summary']>>): void => {
    for (const g of summary.gqlStatusObjects)
      if (g.classification === 'DEPRECATION' || /^01N0/.test(g.gqlStatus))
        into.push({ query: String(query).slice(0, 120), status: g.gqlStatus, description: g.statusDescription });
    for (const n of summary.notifications)
      if (n.category === 'DEPRECATION') into.push({ query: String(query).slice(0, 120), status: n.code, description: n.description });
  };
  const watch = <T extends Result>(query: unknown, result: T): T => {
    result.summary().then(
      (summary) => note(query, summary),
      () => undefined,
    );
    return result;
  };
  const withRun = <T extends Session | ManagedTransaction>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value: unknown = Reflect.get(t, prop);
        if (prop === 'run') return (query: string, ...rest: unknown[]) => watch(query, (t.run as (...a: unknown[]) => Result)(query, ...rest));
        if (prop === 'executeRead' || prop === 'executeWrite')
          return (work: (tx: ManagedTransaction) => unknown, ...rest: unknown[]) =>
            (value as (...a: unknown[]) => unknown).call(t, (tx: ManagedTransaction) => work(withRun(tx)), ...rest);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
      },
    });
  return new Proxy(driver, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop);
      if (prop === 'session') return (...args: unknown[]) => withRun((value as (...a: unknown[]) => Session).apply(t, args));
      if (prop === 'executeQuery')
        return async (query: string, ...rest: unknown[]) => {
          const answer = (await (value as (...a: unknown[]) => Promise<QueryResult>).call(t, query, ...rest)) as QueryResult;
          note(query, answer.summary);
          return answer;
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
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
