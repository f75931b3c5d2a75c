/**
 * A throwaway local Neo4j for the benchmark: a free port and a fresh data
 * directory (deleted afterwards), sized as `npm start` sizes it by default so the
 * figures say what a user gets.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, loadConfig } from '../../server/config.ts';
import { createDriver, describeServer, type Driver } from '../../server/db/driver.ts';
import { LocalNeo4j } from '../../server/db/local/local-neo4j.ts';
import { findFreePort } from '../../server/db/local/ports.ts';
import { createLogger } from '../../server/logger.ts';

export interface BenchDatabase {
  driver: Driver;
  uri: string;
  user: string;
  password: string;
  version: string;
  heap: string;
  pageCache: string;
  /** Stop Neo4j and delete its data directory. */
  close(): Promise<void>;
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const { local } = loadConfig({}).neo4j; // the defaults, not this shell's settings
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'congress-graph-bench-'));
  const neo4j = await LocalNeo4j.start({
    ...local,
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
    heap: local.heap,
    pageCache: local.pageCache,
    async close() {
      await driver.close();
      await neo4j.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
