/**
 * How the API writes a JSON answer built for the request (a route's return value, an error):
 * one `JSON.stringify`, the UTF-8 bytes once, `Content-Type: application/json; charset=utf-8`
 * and `Content-Length`, and no ETag.
 *
 * Why not Express's `res.json`: it hashes the whole body (SHA-1) for a weak ETag on every
 * answer, and these answers are read from the database on each request, so a matching
 * `If-None-Match` would save only the transfer, never the query, the mapping or the
 * serialisation, while every answer paid for the hash (node details and neighbourhoods of hubs
 * are 150–220 KB). Streamed answers (`json-stream.ts`) send none either. Static files (the
 * viewer's assets, index.html) keep theirs: serve-static derives it from the file's size and
 * time, not from its bytes.
 */
import type { Response } from 'express';

/**
 * Write `value` as the whole JSON answer with `status` (a HEAD request gets the headers
 * only). `value` must be JSON-serialisable (no BigInt, no cycles: `JSON.stringify` throws
 * a TypeError, before anything is written). `undefined` is written as `null`.
 */
export function sendJson(res: Response, status: number, value: unknown): void {
  sendJsonBytes(res, status, Buffer.from(JSON.stringify(value) ?? 'null', 'utf8'));
}

/**
 * Write `body`, the UTF-8 bytes of an answer that is already JSON (the Cypher console's workers
 * serialise their own answers), as the whole answer with `status`, the same way as `sendJson`:
 * no second parse and serialisation, no ETag.
 */
export function sendJsonBytes(res: Response, status: number, body: Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  if (res.req.method === 'HEAD') res.end();
  else res.end(body);
}
