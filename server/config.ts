import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { LocalNeo4jSettings } from './db/local/local-neo4j.ts';

/**
 * Every setting the project reads from the environment, parsed once at the edge.
 * The README's settings table documents the same names and defaults.
 */
const port = z.coerce.number().int().min(0).max(65535);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value));
const memorySize = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g');

const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: optionalString,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: optionalString,
  NEO4J_DATABASE: optionalString,
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_DATA_DIR: z.string().default('.data/neo4j'),
  NEO4J_HEAP: memorySize.default('1g'),
  NEO4J_PAGECACHE: memorySize.default('256m'),
  NEO4J_TX_MEMORY: memorySize.default('512m'),
  NEO4J_JAVA: optionalString,
  ADMIN_TOKEN: optionalString,
  UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  CORS_ORIGIN: optionalString,
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(20_000),
  CYPHER_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  CYPHER_MAX_ROWS: z.coerce.number().int().positive().default(5000),
  CYPHER_MAX_GRAPH_NODES: z.coerce.number().int().positive().default(5000),
  CYPHER_MAX_GRAPH_RELS: z.coerce.number().int().positive().default(20000),
  CYPHER_MAX_RESULT_MB: z.coerce.number().positive().default(16),
  CYPHER_WORKER_MEMORY_MB: z.coerce.number().int().min(32).default(512),
  CYPHER_CONCURRENCY: z.coerce
    .number()
    .int()
    .positive()
    .default(() => defaultConsoleConcurrency()),
  CYPHER_CLIENT_CONCURRENCY: z.coerce.number().int().min(0).default(2),
  CYPHER_QUEUE: z.coerce.number().int().min(0).default(32),
  CYPHER_WORKER_IDLE_MS: z.coerce.number().int().min(0).default(10_000),
  GRAPH_MAX_NODES: z.coerce.number().int().positive().default(100000),
  GRAPH_CONCURRENCY: z.coerce.number().int().positive().default(2),
  GRAPH_QUEUE: z.coerce.number().int().min(0).default(64),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  RATE_LIMIT_CYPHER: z.coerce.number().int().min(0).default(300),
  RATE_LIMIT_SEARCH: z.coerce.number().int().min(0).default(3000),
  TRUST_PROXY: optionalString,
});

export interface Config {
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Where the project's files live; relative settings resolve against it. */
  rootDir: string;
  neo4j: {
    /** Set when the user points the project at their own Neo4j: then none is started. */
    uri: string | undefined;
    user: string;
    password: string | undefined;
    database: string | undefined;
    local: LocalNeo4jSettings;
  };
  adminToken: string | undefined;
  /** The largest report file POST /api/reports accepts, in bytes (bigger: 413). */
  uploadMaxBytes: number;
  corsOrigin: string | undefined;
  cypher: {
    timeoutMs: number;
    maxRows: number;
    /** Caps on the graph collected from a console result (nodes, relationships). */
    maxGraphNodes: number;
    maxGraphRelationships: number;
    /** A console answer's JSON may hold at most this many bytes. */
    maxResultBytes: number;
    /** The heap limit of each worker thread that runs console queries. */
    workerMemoryMb: number;
    /** Console queries running at once (a worker thread each), overall; by default from the machine's cores (defaultConsoleConcurrency). */
    concurrency: number;
    /** Console queries one client may have running or waiting (0: no per-client bound). */
    clientConcurrency: number;
    /** Console queries that may wait for a worker. */
    queue: number;
    /** Milliseconds a console worker beyond the first stays without a query before it is stopped (0: never). */
    workerIdleMs: number;
  };
  /** The most nodes GET /api/graph and GET /api/export return (the rest is cut and said so). */
  graphMaxNodes: number;
  /** How many GET /api/graph answers are built at once; the rest queue. */
  graphConcurrency: number;
  /** How many GET /api/graph requests may wait for their turn; past that, a 503 with Retry-After. */
  graphQueue: number;
  /** Requests per window and client on /api/cypher and /api/search; 0 turns a limit off. */
  rateLimit: { windowMs: number; cypher: number; search: number };
  /** Deadline of an API request (uploads aside): a 504 past it, even if the database hangs; 0 turns it off. */
  requestTimeoutMs: number;
  /** Express's `trust proxy` setting (TRUST_PROXY), for rate limits behind a reverse proxy. */
  trustProxy: string | undefined;
}

export class ConfigError extends Error {}

/**
 * The default of CYPHER_CONCURRENCY: console queries running at once, one worker thread each.
 * `cores` (default `os.availableParallelism()`, the CPUs this process may use) clamped to 2..4.
 * A worker decodes its answer on a core of its own, so workers beyond the cores add memory
 * (about 30 MB of RSS each when idle, more while decoding) but no throughput: on a machine of
 * 2 cores, 2 workers answered the benchmark's console load at 50 connections at least as fast
 * as 4 did, with some 60 MB less (docs/PERFORMANCE.md). At least 2, so that one slow query does not
 * make every other console user wait; at most 4, the former fixed default, since Neo4j shares
 * the machine's cores with the server. Throws nothing; `cores` below 1 counts as 1.
 */
export function defaultConsoleConcurrency(cores: number = os.availableParallelism()): number {
  return Math.min(4, Math.max(2, Math.floor(cores)));
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = PROJECT_ROOT): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid settings: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    rootDir,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      local: {
        boltPort: e.NEO4J_BOLT_PORT,
        dataDir: path.resolve(rootDir, e.NEO4J_DATA_DIR),
        heap: e.NEO4J_HEAP,
        pageCache: e.NEO4J_PAGECACHE,
        transactionMemory: e.NEO4J_TX_MEMORY,
        java: e.NEO4J_JAVA,
      },
    },
    adminToken: e.ADMIN_TOKEN,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1_048_576),
    corsOrigin: e.CORS_ORIGIN,
    cypher: {
      timeoutMs: e.CYPHER_TIMEOUT_MS,
      maxRows: e.CYPHER_MAX_ROWS,
      maxGraphNodes: e.CYPHER_MAX_GRAPH_NODES,
      maxGraphRelationships: e.CYPHER_MAX_GRAPH_RELS,
      maxResultBytes: Math.round(e.CYPHER_MAX_RESULT_MB * 1_048_576),
      workerMemoryMb: e.CYPHER_WORKER_MEMORY_MB,
      concurrency: e.CYPHER_CONCURRENCY,
      clientConcurrency: e.CYPHER_CLIENT_CONCURRENCY,
      queue: e.CYPHER_QUEUE,
      workerIdleMs: e.CYPHER_WORKER_IDLE_MS,
    },
    graphMaxNodes: e.GRAPH_MAX_NODES,
    graphConcurrency: e.GRAPH_CONCURRENCY,
    graphQueue: e.GRAPH_QUEUE,
    rateLimit: { windowMs: e.RATE_LIMIT_WINDOW_MS, cypher: e.RATE_LIMIT_CYPHER, search: e.RATE_LIMIT_SEARCH },
    trustProxy: e.TRUST_PROXY,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
  };
}
