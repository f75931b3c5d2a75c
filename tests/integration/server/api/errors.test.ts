/**
 * Every error class the API answers with, in its one shape
 * `{error: {code, message, details?}}`, never with a stack trace or a credential;
 * and the edge: helmet headers with the viewer's CSP, CORS off unless asked for,
 * the viewer page or a clear 503 when it is not built.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../../../server/db/driver.ts';
import { testNeo4j } from '../../../setup/neo4j.ts';
import { apiApp, assertNoLeak, seededApp } from './helpers.ts';

let driver: Driver;
let app: Express;
const tempDirs: string[] = [];

beforeAll(async () => {
  ({ driver, app } = await seededApp());
});
afterAll(async () => {
  await driver.close();
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

function expectErrorShape(body: unknown, code: string): void {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(Object.keys((body as { error: object }).error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
}

describe('400: validation', () => {
  it.each([
    ['/api/nodes/x/neighbors?depth=4', 'query.depth'],
    ['/api/nodes/x/neighbors?depth=zero', 'query.depth'],
    ['/api/nodes/x/neighbors?limit=0', 'query.limit'],
    ['/api/graph?labels=State,Nonsense', 'query.labels'],
    ['/api/graph?types=KNOWS', 'query.types'],
    ['/api/search', 'query.q'],
    ['/api/search?q=%20%20', 'query.q'],
    ['/api/search?q=x&limit=1000', 'query.limit'],
    ['/api/path?from=state:ARG', 'query.to'],
    ['/api/path?from=state:ARG&to=state:BRA&maxLength=99', 'query.maxLength'],
    ['/api/citations?format=xml', 'query.format'],
    ['/api/export?format=pdf', 'query.format'],
  ])('GET %s names %s', async (url, field) => {
    const res = await request(app).get(url).expect(400);
    expectErrorShape(res.body, 'invalid_request');
    expect(res.body.error.details.some((d: { path: string }) => d.path === field || d.path.startsWith(`${field}.`))).toBe(true);
    expect(res.body.error.message).toContain(field);
  });

  it('says which list value is wrong', async () => {
    const res = await request(app).get('/api/graph?labels=State,Nonsense').expect(400);
    expect(res.body.error.message).toMatch(/"Nonsense" is not one of Report, Meeting/);
  });

  it('refuses a bad Cypher request body', async () => {
    for (const body of [{}, { query: '' }, { query: 1 }, { query: 'RETURN 1', params: [] }, { query: 'RETURN 1', extra: true }]) {
      const res = await request(app).post('/api/cypher').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expectErrorShape(res.body, 'invalid_request');
    }
    const long = await request(app)
      .post('/api/cypher')
      .send({ query: `RETURN 1 ${' '.repeat(20_001)}` })
      .expect(400);
    expect(long.body.error.details[0].path).toBe('body.query');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await request(app).post('/api/cypher').set('content-type', 'application/json').send('{"query": ').expect(400);
    expectErrorShape(res.body, 'invalid_json');
  });

  it('same from and to in a path', async () => {
    const res = await request(app).get('/api/path?from=state:ARG&to=state:ARG').expect(400);
    expectErrorShape(res.body, 'invalid_request');
  });
});

describe('404', () => {
  it.each([
    ['/api/nodes/state%3AXXX', 'not_found'],
    ['/api/nodes/nonsense/neighbors', 'not_found'],
    ['/api/path?from=state:ARG&to=state:XXX', 'not_found'],
    ['/api/citations?instrument=instrument:nope', 'not_found'],
    ['/api/no-such-endpoint', 'not_found'],
  ])('GET %s', async (url, code) => {
    const res = await request(app).get(url).expect(404);
    expectErrorShape(res.body, code);
  });

  it('names the missing node', async () => {
    const res = await request(app).get('/api/path?from=state:XXX&to=state:ARG').expect(404);
    expect(res.body.error.details.missing).toEqual(['state:XXX']);
  });
});

describe('413: body over 1 MB', () => {
  it('refuses it before reading it all', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'RETURN 1', params: { big: 'x'.repeat(1_100_000) } })
      .expect(413);
    expectErrorShape(res.body, 'payload_too_large');
  });
});

describe('429: rate limits on /api/cypher and /api/search', () => {
  it('answers 429 with Retry-After past the limit, per endpoint', async () => {
    const limited = apiApp(driver, { RATE_LIMIT_SEARCH: '2', RATE_LIMIT_CYPHER: '1', RATE_LIMIT_WINDOW_MS: '60000' });
    await request(limited).get('/api/search?q=a').expect(200);
    await request(limited).get('/api/search?q=b').expect(200);
    const res = await request(limited).get('/api/search?q=c').expect(429);
    expectErrorShape(res.body, 'rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await request(limited).post('/api/cypher').send({ query: 'RETURN 1' }).expect(200);
    await request(limited).post('/api/cypher').send({ query: 'RETURN 1' }).expect(429);
    // Other endpoints are not limited.
    await request(limited).get('/api/stats').expect(200);
  });

  it('a limit of 0 turns it off', async () => {
    const open = apiApp(driver, { RATE_LIMIT_SEARCH: '0' });
    for (let i = 0; i < 5; i++) await request(open).get('/api/search?q=a').expect(200);
  });
});

describe('503: the database cannot be reached', () => {
  it('every database-backed endpoint says so, fast, with Retry-After and without credentials', async () => {
    const password = 'not-the-real-one-but-secret';
    const connection = { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password };
    const nowhere = createDriver(connection);
    const down = apiApp(nowhere, { NEO4J_PASSWORD: password, ADMIN_TOKEN: 'admin-secret' }, {}, connection);
    try {
      for (const [method, url, body] of [
        ['get', '/api/stats'],
        ['get', '/api/graph'],
        ['get', '/api/nodes/state%3AARG'],
        ['get', '/api/nodes/state%3AARG/neighbors'],
        ['get', '/api/search?q=x'],
        ['get', '/api/path?from=state:ARG&to=state:BRA'],
        ['post', '/api/cypher', { query: 'RETURN 1' }],
        ['post', '/api/queries/citation-matrix', {}],
        ['get', '/api/citations'],
        ['get', '/api/export?format=json'],
      ] as const) {
        const started = Date.now();
        const res = method === 'get' ? await request(down).get(url) : await request(down).post(url).send(body);
        expect(res.status, url).toBe(503);
        expectErrorShape(res.body, 'database_unavailable');
        expect(res.body.error.message).toMatch(/not reachable/);
        expect(res.headers['retry-after']).toBeDefined();
        expect(Date.now() - started, url).toBeLessThan(5000);
        assertNoLeak(res.text, [password, 'admin-secret', '127.0.0.1:1']);
      }
      await request(down).get('/api/queries').expect(200); // files, not the database
      await request(down).get('/api/openapi.json').expect(200);
    } finally {
      await nowhere.close();
    }
  });

  it('a database that refuses the server’s credentials is a 503 that gives nothing away', async () => {
    // Not the neo4j user: failed logins would lock it for the other tests.
    const wrong = createDriver({ uri: testNeo4j().uri, user: 'api-test-intruder', password: 'wrong-password-123' });
    const res = await request(apiApp(wrong)).get('/api/stats');
    await wrong.close();
    expect(res.status).toBe(503);
    expectErrorShape(res.body, 'database_unavailable');
    assertNoLeak(res.text, ['wrong-password-123']);
  });
});

describe('the edge', () => {
  it('sets helmet headers with a CSP the viewer can live with', async () => {
    const res = await request(app).get('/api/health').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('has CORS off unless CORS_ORIGIN is set', async () => {
    const off = await request(app).get('/api/health').set('Origin', 'https://elsewhere.example').expect(200);
    expect(off.headers['access-control-allow-origin']).toBeUndefined();
    const withCors = apiApp(driver, { CORS_ORIGIN: 'https://viewer.example' });
    const on = await request(withCors).get('/api/health').set('Origin', 'https://viewer.example').expect(200);
    expect(on.headers['access-control-allow-origin']).toBe('https://viewer.example');
    const preflight = await request(withCors).options('/api/cypher').set('Origin', 'https://viewer.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBeLessThan(300);
  });

  it('serves the built viewer at /, and a clear 503 page when it is not built', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'congress-graph-viewer-'));
    tempDirs.push(root);
    const notBuilt = apiApp(driver, {}, { rootDir: root });
    const missing = await request(notBuilt).get('/').expect(503);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.text).toMatch(/not built/);
    expect(missing.text).toMatch(/npm run build/);

    await mkdir(path.join(root, 'client/dist/assets'), { recursive: true });
    await writeFile(path.join(root, 'client/dist/index.html'), '<!doctype html><title>viewer</title><script type="module" src="/assets/app.js"></script>');
    await writeFile(path.join(root, 'client/dist/assets/app.js'), 'console.log(1)');
    const built = apiApp(driver, {}, { rootDir: root });
    const page = await request(built).get('/').expect(200);
    expect(page.text).toContain('<title>viewer</title>');
    const asset = await request(built).get('/assets/app.js').expect(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
  });

  it('answers an unknown path with the JSON error shape', async () => {
    const res = await request(app).get('/nothing/here').expect(404);
    expectErrorShape(res.body, 'not_found');
  });
});
