/**
 * The API benchmark's second reference, the HTTP floor: a bare `node:http` server that
 * answers search, node details and neighbours by calling the same query functions as the
 * routes, with the same parameters (the routes' zod schemas read the query string), and
 * writes the answer as one `JSON.stringify` with a Content-Length. No framework, no
 * middleware: no logging, security headers, compression, deadline, corpus filter or error
 * envelope. Run as its own process (http-floor-main.ts), it costs what any HTTP API around
 * these functions must cost on the machine: the parse of a request, the serialisation,
 * the bytes through loopback and the extra process hop.
 *
 * So the API's figures split in two: reference → floor is what HTTP costs at all, floor →
 * product is what the product's own layer adds (docs/PERFORMANCE.md, The API). Each answer
 * says, in a Server-Timing header (W3C Server Timing), how long the floor worked on it, so
 * that a client can tell the hop (its own time less that) from the work.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type http from 'node:http';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { NeighborsQuery, NodeDetailsQuery, SearchQuery } from '../../server/contract/api.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { neighbors } from '../../server/db/queries/neighbors.ts';
import { nodeDetails } from '../../server/db/queries/node-details.ts';
import { search } from '../../server/db/queries/search.ts';

const NODE_PATH = /^\/api\/nodes\/([^/]+)(\/neighbors)?$/;

/**
 * The answer to one GET: status and JSON value. `/api/search`, `/api/nodes/:id` and
 * `/api/nodes/:id/neighbors` answer as the API does (200 with the same JSON, 404 for an
 * unknown node); a query string the route's schema refuses is a 400, anything else a 404.
 * Rejects with the driver's error.
 */
export async function floorAnswer(driver: Driver, rawUrl: string): Promise<{ status: number; value: unknown }> {
  const url = new URL(rawUrl, 'http://floor');
  const query = Object.fromEntries(url.searchParams);
  const node = NODE_PATH.exec(url.pathname);
  let value: unknown;
  if (url.pathname === '/api/search') {
    const q = SearchQuery.safeParse(query);
    if (!q.success) return INVALID;
    value = { results: await search(driver, q.data.q, { labels: q.data.labels, limit: q.data.limit }) };
  } else if (node?.[2]) {
    const q = NeighborsQuery.safeParse(query);
    if (!q.success) return INVALID;
    value = await neighbors(driver, decodeURIComponent(node[1]!), { depth: q.data.depth, limit: q.data.limit, labels: q.data.labels, types: q.data.types });
  } else if (node) {
    const q = NodeDetailsQuery.safeParse(query);
    if (!q.success) return INVALID;
    value = await nodeDetails(driver, decodeURIComponent(node[1]!), { perGroup: q.data.limit });
  }
  return value ? { status: 200, value } : { status: 404, value: { error: { code: 'not_found' } } };
}

const INVALID = { status: 400, value: { error: { code: 'invalid_request' } } };

/**
 * The floor's request listener on `driver`: floorAnswer's value as the whole JSON answer; a
 * driver error is a 500. Every answer carries `Server-Timing: app;dur=<ms>`, the time from the
 * request event to the body ready to write (the query and JSON.stringify included).
 */
export function floorListener(driver: Driver): http.RequestListener {
  return (req, res) => {
    const started = performance.now();
    floorAnswer(driver, req.url ?? '/').then(
      ({ status, value }) => send(res, status, value, started),
      () => send(res, 500, { error: { code: 'internal' } }, started),
    );
  };
}

function send(res: http.ServerResponse, status: number, value: unknown, started: number): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Server-Timing': `${APP_METRIC};dur=${(performance.now() - started).toFixed(3)}`,
  });
  res.end(body);
}

const APP_METRIC = 'app';

/**
 * The floor's own time on an answer, in ms, from its Server-Timing header (the `app` metric's
 * `dur`, as floorListener writes it; W3C Server Timing, https://www.w3.org/TR/server-timing/);
 * undefined when the header or the metric is missing or its duration is not a number.
 */
export function floorServerMs(header: string | readonly string[] | undefined): number | undefined {
  const text = Array.isArray(header) ? header.join(',') : (header as string | undefined);
  const metric = text
    ?.split(',')
    .map((entry) => entry.split(';').map((part) => part.trim()))
    .find(([name]) => name === APP_METRIC);
  const dur = metric?.find((part) => part.startsWith('dur='))?.slice('dur='.length);
  const ms = dur === undefined || dur === '' ? NaN : Number(dur);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

export interface FloorServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Start the floor as its own process (as the API's server is) on the database given, on a
 * free loopback port; resolves once it listens. Rejects when the process exits first.
 */
export async function startFloorServer(db: { uri: string; user: string; password: string }): Promise<FloorServer> {
  const child: ChildProcess = fork(path.join(PROJECT_ROOT, 'scripts/bench/http-floor-main.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve(Number((m as { port: number }).port)));
    child.once('exit', (code) => reject(new Error(`the HTTP floor server exited (code ${code}) before it listened`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
