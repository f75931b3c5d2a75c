import type { RequestHandler } from 'express';
import { sendJson } from './http/send-json.ts';

/**
 * A deadline for every API request (REQUEST_TIMEOUT_MS). The driver has no
 * client-side timeout for a query already sent: when Neo4j hangs (stopped, stuck
 * in GC, a dead network path), its transaction timeout never fires and a request
 * would wait for ever. Past the deadline the client gets a 504; the work left
 * behind ends when the database answers again (the pool bounds how much of it
 * there can be). Uploads are exempt: a load keeps running to its commit, and a
 * 504 would misreport one that succeeds.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    if (ms <= 0 || !req.path.startsWith('/api/') || (req.method === 'POST' && req.path === '/api/reports')) {
      next();
      return;
    }
    const timer = setTimeout(() => {
      if (res.headersSent) return; // a stream under way: it ends by itself or is cut off
      res.setHeader('Retry-After', '5');
      sendJson(res, 504, {
        error: { code: 'request_timeout', message: `The graph database did not answer within ${ms / 1000} s; try again shortly.` },
      });
    }, ms);
    const clear = (): void => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
