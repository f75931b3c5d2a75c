/**
 * GET /api/graph under more clients than it builds graphs for: GRAPH_CONCURRENCY at
 * once, GRAPH_QUEUE waiting, and the next one turned away at once with a 503 and
 * Retry-After (server/api/http/slots.ts), the others answered in full once the
 * database answers. The database is the real one, its answers held back by a gate.
 */
import type { Driver, Session } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiApp, seededApp } from '../helpers.ts';

let driver: Driver;

beforeAll(async () => {
  ({ driver } = await seededApp());
});
afterAll(() => driver.close());

/** The driver, with every query sent only once `open()` was called (and counted as it is asked). */
function gatedDriver(real: Driver): { driver: Driver; open: () => void; asked: () => number } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let asked = 0;
  const driver = new Proxy(real, {
    get(target, prop) {
      if (prop !== 'session') return Reflect.get(target, prop) as unknown;
      return (...args: Parameters<Driver['session']>): Session => {
        const session = target.session(...args);
        return new Proxy(session, {
          get(s, p) {
            if (p !== 'run') return Reflect.get(s, p) as unknown;
            return (...runArgs: Parameters<Session['run']>) => {
              asked += 1;
              // Awaited (readQuery), observed record by record (the graph's own query) or iterated: either way only once the gate opens.
              const box = gate.then(() => ({ result: s.run(...runArgs) }));
              return {
                then: (ok: (value: unknown) => unknown, ko: (error: unknown) => unknown) => box.then((b) => b.result).then(ok, ko),
                subscribe: (observer: Parameters<ReturnType<Session['run']>['subscribe']>[0]) => void box.then((b) => b.result.subscribe(observer)),
                async *[Symbol.asyncIterator]() {
                  yield* (await box).result;
                },
              };
            };
          },
        });
      };
    },
  });
  return { driver, open, asked: () => asked };
}

describe('GET /api/graph, more requests than slots and queue', () => {
  it('answers the one past GRAPH_CONCURRENCY + GRAPH_QUEUE with 503 graph_busy and Retry-After at once, the others in full', async () => {
    const gated = gatedDriver(driver);
    const app = apiApp(gated.driver, { GRAPH_CONCURRENCY: '1', GRAPH_QUEUE: '1' });
    const paths = ['/api/graph', '/api/graph?labels=CrimeType,Instrument', '/api/graph?limit=20'];
    const answers = paths.map((p) =>
      request(app)
        .get(p)
        .then((res) => res),
    );
    // Nothing can be answered in full while the database's answers are held back: the first answer is the refusal.
    const first = await Promise.race(answers);
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBe('2');
    expect(first.body.error.code).toBe('graph_busy');
    expect(gated.asked()).toBe(1); // one graph being built, one waiting, the refused one never reached the database

    gated.open();
    const all = await Promise.all(answers);
    expect(all.map((r) => r.status).sort()).toEqual([200, 200, 503]);
    for (const res of all.filter((r) => r.status === 200)) expect(res.body.nodes.length).toBeGreaterThan(0);
    // The slots are free again.
    const again = await request(app).get('/api/graph?limit=5').expect(200);
    expect(again.body.nodes.length).toBeGreaterThan(0);
  });
});
