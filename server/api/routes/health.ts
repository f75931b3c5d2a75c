import { serverInfo } from '../../db/queries/server-info.ts';
import type { ApiContext } from '../context.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { HealthResponse } from '../../contract/api.ts';

/** The server-side timeout of serverInfo cannot fire in a hung database: health waits no longer than this. */
const HEALTH_DEADLINE_MS = 3000;

function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  work.catch(() => undefined); // it may still fail after the deadline won
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** GET /api/health: is the database reachable, and what is it. 503 while it is not. */
export function healthRoutes({ driver }: ApiContext): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      operationId: 'health',
      summary: 'Whether the graph database is reachable, and its version',
      tags: ['meta'],
      responses: {
        200: { description: 'The database answers.', schema: HealthResponse },
        503: { description: 'The database does not answer; `neo4j.reason` says why.', schema: HealthResponse },
      },
      handler: async (_input, _req, res) => {
        try {
          const server = await withinDeadline(serverInfo(driver, 2000), HEALTH_DEADLINE_MS);
          return { status: 'ok', neo4j: { ok: true, version: server.version, edition: server.edition } };
        } catch (error) {
          const reason = error instanceof Error ? (error.message.split('\n')[0] ?? 'unreachable') : 'unreachable';
          res.setHeader('Retry-After', '5');
          res.status(503).json({ status: 'unavailable', neo4j: { ok: false, reason: `The graph database is not reachable: ${reason}` } });
          return undefined;
        }
      },
    }),
  ];
}
