/**
 * GET /api/graph beside the console's worker threads: before a graph is built, the
 * console's idle workers beyond the first are stopped (ConsoleRunner.releaseIdle), so that
 * the workers of a finished burst of console queries do not hold their memory beside the
 * graph's (docs/PERFORMANCE.md, Memory); the console answers its next burst on fresh
 * workers. That a worker running a query is left alone: cypher/console-runner.test.ts.
 */
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../../server/api/app.ts';
import { testConfig } from '../../../../setup/config.ts';
import { seededApp } from '../helpers.ts';

let driver: Driver;

beforeAll(async () => {
  ({ driver } = await seededApp());
});
afterAll(() => driver.close());

describe('GET /api/graph and idle console workers', () => {
  it('stops the idle console workers beyond the first before building a graph; the console answers the next burst', async () => {
    const lines: { msg?: string; released?: number }[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg?: string; released?: number }) });
    // Three workers at most, never stopped by their own idle timer within the test; no deadline while a busy machine loads them.
    const config = testConfig({
      CYPHER_CONCURRENCY: '3',
      CYPHER_CLIENT_CONCURRENCY: '0',
      RATE_LIMIT_CYPHER: '0',
      CYPHER_WORKER_IDLE_MS: '600000',
      REQUEST_TIMEOUT_MS: '0',
    });
    const app = createApp({ driver, config, log });
    const released = (): (number | undefined)[] => lines.filter((l) => l.msg === 'idle console workers stopped for a graph answer').map((l) => l.released);
    // Three queries at once, each before any worker has loaded: one worker each.
    const burst = (): Promise<unknown> =>
      Promise.all(
        [1, 2, 3].map((n) =>
          request(app)
            .post('/api/cypher')
            .send({ query: `RETURN ${n} AS n`, params: {} })
            .expect(200),
        ),
      );

    await burst();
    const graph = await request(app).get('/api/graph?limit=20').expect(200);
    expect(graph.body.nodes.length).toBeGreaterThan(0);
    expect(released()).toEqual([2]); // the first slot's worker stays for the next console user

    await request(app).get('/api/graph?limit=20').expect(200);
    expect(released()).toEqual([2]); // nothing idle left to stop: no second line

    await burst();
    await request(app).get('/api/graph?limit=20').expect(200);
    expect(released()).toEqual([2, 2]);
  }, 120_000);
});
