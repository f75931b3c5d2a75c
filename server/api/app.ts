import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import type { Driver } from 'neo4j-driver';
import type { DriverOptions } from '../db/driver.ts';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { ApiContext } from './context.ts';
import { ConsoleRunner } from './cypher/console-runner.ts';
import { requestDeadline } from './deadline.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { mountRoutes, type RouteSpec } from './http/route.ts';
import { buildOpenApi } from './openapi.ts';
import { compareRoutes } from './routes/compare.ts';
import { corpusRoutes } from './routes/corpus.ts';
import { cypherRoutes } from './routes/cypher.ts';
import { exportRoutes } from './routes/export.ts';
import { graphRoutes } from './routes/graph.ts';
import { healthRoutes } from './routes/health.ts';
import { CLIENT_DIST, metaRoutes } from './routes/meta.ts';
import { reportRoutes } from './routes/reports.ts';
import { searchRoutes } from './routes/search.ts';
import { corsMiddleware, rateLimiters, securityHeaders } from './security.ts';

export interface AppDependencies {
  driver: Driver;
  config: Config;
  log: Logger;
  /** Where the saved queries live (default cypher/queries/). */
  savedQueriesDir?: string;
  /** How the console's worker thread connects (it has its own driver); default: NEO4J_URI and its credentials. */
  connection?: DriverOptions;
}

/** The console's connection: the one given, or the configured NEO4J_URI with its credentials. */
function consoleConnection({ connection, config }: AppDependencies): DriverOptions | undefined {
  if (connection) return connection;
  const { uri, user, password } = config.neo4j;
  return uri && password !== undefined ? { uri, user, password } : undefined;
}

export const API_VERSION = '1.0.0';

/** Every route the app serves, in the order it matches them. */
export function apiRoutes(deps: AppDependencies): RouteSpec[] {
  const { config, log } = deps;
  const database = config.neo4j.database;
  const cypherRunner = new ConsoleRunner({
    connection: consoleConnection(deps),
    database,
    maxResultBytes: config.cypher.maxResultBytes,
    workerMemoryMb: config.cypher.workerMemoryMb,
    concurrency: config.cypher.concurrency,
    perClient: config.cypher.clientConcurrency,
    queueLimit: config.cypher.queue,
    idleMs: config.cypher.workerIdleMs,
    log,
  });
  const ctx: ApiContext = { driver: deps.driver, config, log, database, cypherRunner };
  const limiters = rateLimiters(deps.config);
  let openApi: Record<string, unknown> | undefined;
  const routes: RouteSpec[] = [
    ...healthRoutes(ctx),
    ...graphRoutes(ctx),
    ...searchRoutes(ctx, limiters.search),
    ...cypherRoutes(ctx, { limiter: limiters.cypher, ...(deps.savedQueriesDir ? { savedQueriesDir: deps.savedQueriesDir } : {}) }),
    ...exportRoutes(ctx),
    ...corpusRoutes(ctx),
    ...compareRoutes(ctx),
    ...reportRoutes(ctx),
    ...metaRoutes(ctx, () => (openApi ??= openApiDocument(routes))),
  ];
  return routes;
}

export function openApiDocument(routes: readonly RouteSpec[]): Record<string, unknown> {
  return buildOpenApi(routes, {
    title: 'congress-graph API',
    version: API_VERSION,
    description:
      'The knowledge graph of the UN Congress on Crime Prevention and Criminal Justice documents: search, node details with provenance, neighbourhoods, paths, a read-only Cypher console, citations and exports. Errors are `{"error": {"code", "message", "details"?}}`.',
  });
}

/** The HTTP application; no listening here, so tests drive it with supertest. */
export function createApp(deps: AppDependencies): Express {
  const { config, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.use(
    pinoHttp({
      logger: log,
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // Our serializers read the raw request and response: pino-http's default wrapping first
      // copies every request into a full object (headers, addresses) on each request, a
      // cost on every answer that these two lines then throw away.
      wrapSerializers: false,
      serializers: {
        req: (req: { id: unknown; method: string; originalUrl?: string; url: string }) => ({ id: req.id, method: req.method, url: req.originalUrl ?? req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessMessage: (req, res, time) => `${req.method} ${req.url} ${res.statusCode} ${Math.round(time)} ms`,
      customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
    }),
  );
  app.use(securityHeaders());
  // gzip for clients that ask (every browser): the explore graph of 10,000 nodes is 12.3 MB of
  // JSON and 0.8 MB gzipped (97 ms of zlib, off the event loop); the viewer's script 563 KB.
  app.use(compression());
  const cors = corsMiddleware(config.corsOrigin);
  if (cors) app.use(cors);
  app.use(requestDeadline(config.requestTimeoutMs));
  app.use(express.json({ limit: '1mb' }));

  const router = express.Router();
  mountRoutes(router, apiRoutes(deps));
  app.use(router);

  // The viewer's assets (hashed names: cached for good); index.html itself is GET / above.
  const dist = path.join(config.rootDir, CLIENT_DIST);
  app.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: true }));
  app.use(express.static(dist, { index: false, fallthrough: true }));

  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
