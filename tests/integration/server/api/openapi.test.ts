/**
 * The OpenAPI document is valid OpenAPI 3.1, lists every route the app serves (and
 * no route it does not), and each documented operation is answered by the app.
 */
import { validate } from '@readme/openapi-parser';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../../../../server/api/openapi.ts';
import { seededApp } from './helpers.ts';

let driver: Driver;
let app: Express;
let doc: { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean; example?: unknown }[] }>> };

beforeAll(async () => {
  ({ driver, app } = await seededApp({ ADMIN_TOKEN: 'openapi-test-token' }));
  doc = (await request(app).get('/api/openapi.json').expect(200).expect('content-type', /json/)).body;
});
afterAll(() => driver.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every method + path the Express app routes, found by walking its router (not the route specs). */
function servedRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.push(`${method} ${openApiPath(layer.route.path)}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out.sort();
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
  });

  it('lists exactly the routes the app serves', () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
      .sort();
    const served = servedRoutes(app);
    expect(served.length).toBeGreaterThanOrEqual(15);
    expect(documented).toEqual(served);
  });

  it('documents every endpoint the issue asks for', () => {
    for (const op of [
      'get /api/health',
      'get /api/stats',
      'get /api/graph',
      'get /api/nodes/{id}',
      'get /api/nodes/{id}/neighbors',
      'get /api/search',
      'get /api/path',
      'get /api/queries',
      'post /api/queries/{name}',
      'post /api/cypher',
      'get /api/citations',
      'get /api/export',
      'post /api/reports',
      'get /api/openapi.json',
      'get /',
    ]) {
      const [method, path] = op.split(' ') as [string, string];
      expect(doc.paths[path]?.[method], op).toBeDefined();
    }
  });

  it('every documented operation is answered by the app (no “no such endpoint”)', async () => {
    const samples: Record<string, string> = { id: encodeURIComponent('state:ARG'), name: 'citation-matrix' };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        let url = path.replace(/\{(\w+)\}/g, (_m, name: string) => samples[name] ?? 'x');
        const query = (op.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => `${p.name}=${encodeURIComponent(String(p.example ?? 'state:BRA'))}`);
        if (path === '/api/path') query.splice(0, query.length, 'from=state:ARG', 'to=state:BRA');
        if (query.length > 0) url += `?${query.join('&')}`;
        const res =
          method === 'get'
            ? await request(app).get(url)
            : method === 'delete'
              ? await request(app).delete(url)
              : await request(app).post(url).send({ query: 'RETURN 1' });
        expect(res.body?.error?.message ?? '', `${method} ${url}`).not.toMatch(/No such endpoint/);
        expect(res.status, `${method} ${url}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      }
    }
  });

  it('validates requests with the schemas it publishes (a documented bound is enforced)', async () => {
    const depth = doc.paths['/api/nodes/{id}/neighbors']!.get!.parameters!.find((p) => p.name === 'depth') as unknown as { schema: { maximum: number } };
    expect(depth.schema.maximum).toBe(3);
    await request(app).get('/api/nodes/state%3AARG/neighbors?depth=3').expect(200);
    await request(app).get('/api/nodes/state%3AARG/neighbors?depth=4').expect(400);
  });
});
