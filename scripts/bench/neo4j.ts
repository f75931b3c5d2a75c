/**
 * A throwaway local Neo4j for the benchmark: a free port and a fresh data
 * directory (deleted afterwards), with `npm start`'s default page cache, but a
 * 2 GB heap and 1.5 GB of transaction memory: the viewer's largest graph is one
 * report of 200,000 relationships, which the loader writes in one transaction (a
 * report is all or nothing) and which overruns the default 512 MiB.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, loadConfig } from '../../server/config.ts';
import { createDriver, describeServer, type Driver } from '../../server/db/driver.ts';
import { LocalNeo4j } from '../../server/db/local/local-neo4j.ts';
import { findFreePort } from '../../server/db/local/ports.ts';
import { createLogger } from '../../server/logger.ts';

const BENCH_HEAP = '2g';
const BENCH_TX_MEMORY = '1536m';

export interface BenchDatabase {
  driver: Driver;
  uri: string;
  user: string;
  password: string;
  version: string;
  heap: string;
  pageCache: string;
  transactionMemory: string;
  /** Stop Neo4j and delete its data directory. */
  close(): Promise<void>;
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const { local } = loadConfig({}).neo4j; // the defaults, not this shell's settings
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'congress-graph-bench-'));
  const neo4j = await LocalNeo4j.start({
    ...local,
    heap: BENCH_HEAP,
    transactionMemory: BENCH_TX_MEMORY,
    rootDir: PROJECT_ROOT,
    boltPort: await findFreePort(),
    dataDir,
    java: process.env.NEO4J_JAVA,
    password: undefined,
    log: createLogger('warn'),
    supervise: false,
  });
  const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  const { version } = await describeServer(driver, 10_000);
  return {
    driver,
    uri: neo4j.uri,
    user: neo4j.user,
    password: neo4j.password,
    version,
    heap: BENCH_HEAP,
    pageCache: local.pageCache,
    transactionMemory: BENCH_TX_MEMORY,
    async close() {
      await driver.close();
      await neo4j.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
