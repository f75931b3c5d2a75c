import { Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { describeServer } from '../../db/driver.ts';

/** GET /api/health: is the database reachable, and what is it. 503 while it is not. */
export function healthRoutes(driver: Driver): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      const server = await describeServer(driver, 2000);
      res.json({ status: 'ok', neo4j: { ok: true, version: server.version, edition: server.edition } });
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? 'unreachable') : 'unreachable';
      res.setHeader('Retry-After', '5');
      res.status(503).json({ status: 'unavailable', neo4j: { ok: false, reason: `The graph database is not reachable: ${reason}` } });
    }
  });
  return router;
}
