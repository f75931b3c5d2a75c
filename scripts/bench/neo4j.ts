/**
 * A throwaway local Neo4j for the benchmark: a free port and a fresh data
 * directory (deleted afterwards), with `npm start`'s default page cache, but a
 * 2 GB heap and 1.5 GB of transaction memory: the viewer's largest graph is one
 * report of 200,000 relationships, which the loader writes in one transaction (a
 * report is all or nothing) and which overruns the default 512 MiB.
 */
import { loadConfig } from '../../server/config.ts';
import { createDriver, type Driver } from '../../server/db/driver.ts';
import { serverInfo } from '../../server/db/queries/server-info.ts';
import { startThrowawayNeo4j } from '../throwaway-neo4j.ts';

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
  const neo4j = await startThrowawayNeo4j('bench', { heap: BENCH_HEAP, transactionMemory: BENCH_TX_MEMORY });
  const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  const { version } = await serverInfo(driver, 10_000);
  return {
    driver,
    uri: neo4j.uri,
    user: neo4j.user,
    password: neo4j.password,
    version,
    heap: BENCH_HEAP,
    pageCache: loadConfig({}).neo4j.local.pageCache, // npm start's default
    transactionMemory: BENCH_TX_MEMORY,
    async close() {
      await driver.close();
      await neo4j.stop();
    },
  };
}
