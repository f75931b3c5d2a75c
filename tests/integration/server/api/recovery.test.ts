/**
 * The database going away and coming back, with no restart of the server: a TCP
 * proxy stands between a second driver and the run's Neo4j; stopping the proxy
 * is the database vanishing (connections cut, new ones refused), starting it on the
 * same port is the database coming back.
 */
import net from 'node:net';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../../../server/db/driver.ts';
import { testDriver, testNeo4j } from '../../../setup/neo4j.ts';
import { loadSeed } from '../../../setup/seed.ts';
import { apiApp } from './helpers.ts';

class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly target: { host: string; port: number }) {}

  start(port = 0): Promise<number> {
    return new Promise((resolve, reject) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(this.target.port, this.target.host);
        for (const s of [client, upstream]) {
          this.sockets.add(s);
          s.on('close', () => this.sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.server = server;
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  }

  /** Refuse new connections and cut the open ones, as a dying database does. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

let seedDriver: Driver;
let proxied: Driver;
let proxy: TcpProxy;
let port: number;
let app: Express;

beforeAll(async () => {
  seedDriver = testDriver();
  await loadSeed(seedDriver);
  const target = new URL(testNeo4j().uri);
  proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 7687) });
  port = await proxy.start();
  const { user, password } = testNeo4j();
  const connection = { uri: `bolt://127.0.0.1:${port}`, user, password };
  proxied = createDriver(connection);
  app = apiApp(proxied, {}, {}, connection);
});
afterAll(async () => {
  await proxy.stop();
  await proxied.close();
  await seedDriver.close();
});

async function timed(run: () => Promise<request.Response>): Promise<{ res: request.Response; ms: number }> {
  const started = Date.now();
  const res = await run();
  return { res, ms: Date.now() - started };
}

describe('the database goes away and comes back', () => {
  it('answers 503 while it is gone and 200 once it is back, without a restart', async () => {
    // Up: warm the pool so that stale connections exist when the database goes.
    await Promise.all([1, 2, 3].map(() => request(app).get('/api/stats').expect(200)));
    await request(app).post('/api/cypher').send({ query: 'MATCH (n:State) RETURN count(n) AS n' }).expect(200);

    await proxy.stop();
    for (const run of [
      () => request(app).get('/api/stats'),
      () => request(app).get('/api/search?q=trafficking'),
      () => request(app).get(`/api/nodes/${encodeURIComponent('instrument:untoc')}`),
      () => request(app).post('/api/cypher').send({ query: 'RETURN 1' }),
    ]) {
      const { res, ms } = await timed(run);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('database_unavailable');
      expect(res.headers['retry-after']).toBeDefined();
      expect(ms).toBeLessThan(5000);
    }
    const health = await timed(() => request(app).get('/api/health'));
    expect(health.res.status).toBe(503);
    expect(health.res.body).toMatchObject({ status: 'unavailable', neo4j: { ok: false } });
    expect(health.ms).toBeLessThan(3000);

    // Back, on the same address: the very next requests succeed.
    await proxy.start(port);
    await request(app).get('/api/health').expect(200);
    const stats = await request(app).get('/api/stats').expect(200);
    expect(stats.body.labels.Paragraph).toBe(95);
    await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
    await request(app).get('/api/search?q=trafficking').expect(200);
  });

  it('recovers again after a second outage in the middle of a query', async () => {
    const slow = request(app).post('/api/cypher').send({ query: 'UNWIND range(1, 30000000) AS x WITH x WHERE x < 0 RETURN count(x)' });
    const pending = slow.then((r) => r);
    await new Promise((r) => setTimeout(r, 300));
    await proxy.stop();
    const res = await pending;
    expect([503, 504]).toContain(res.status);
    await proxy.start(port);
    await request(app).get('/api/stats').expect(200);
  });
});
