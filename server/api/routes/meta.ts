import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ApiContext } from '../context.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';

export const CLIENT_DIST = 'client/dist';

/** The page served while the viewer is not built: says so and what to do. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>congress-graph: viewer not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.5">
<h1>The viewer is not built yet</h1>
<p>The API is running (see <a href="/api/health">/api/health</a> and <a href="/api/openapi.json">/api/openapi.json</a>),
but <code>client/dist/index.html</code> does not exist. Build the viewer with <code>npm run build</code> (or run <code>npm install</code> again), then reload this page.</p>
</body></html>
`;

/** GET /api/openapi.json and GET / (the viewer). */
export function metaRoutes({ config }: ApiContext, openApi: () => Record<string, unknown>): RouteSpec[] {
  const indexHtml = path.join(config.rootDir, CLIENT_DIST, 'index.html');
  return [
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openapi',
      summary: 'This document: the API in OpenAPI 3.1',
      tags: ['meta'],
      responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } } },
      handler: () => openApi(),
    }),
    defineRoute({
      method: 'get',
      path: '/',
      operationId: 'viewer',
      summary: 'The viewer (client/dist/index.html)',
      tags: ['meta'],
      responses: {
        200: { description: 'The viewer’s page.', content: { 'text/html': { schema: { type: 'string' } } } },
        503: { description: 'The viewer is not built: an HTML page saying how to build it.', content: { 'text/html': { schema: { type: 'string' } } } },
      },
      handler: (_input, _req, res) => {
        res.setHeader('Cache-Control', 'no-cache');
        if (!existsSync(indexHtml)) {
          res.status(503).type('html').send(NOT_BUILT_PAGE);
          return undefined;
        }
        res.sendFile(indexHtml);
        return undefined;
      },
    }),
  ];
}
