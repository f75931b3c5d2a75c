/**
 * A Neo4j for one run that leaves nothing behind: a fresh data directory under the
 * system's temporary directory and a free Bolt port on 127.0.0.1, deleted when the
 * run ends. The one lifecycle of the test run's database (tests/setup), the
 * benchmark's (scripts/bench), and the servers the soak test, the fuzz run and the
 * fault tests start on a database of their own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, loadConfig } from '../server/config.ts';
import { LocalNeo4j, type LocalNeo4jOptions } from '../server/db/local/local-neo4j.ts';
import { findFreePort } from '../server/db/local/ports.ts';
import { createLogger } from '../server/logger.ts';

/** Where a throwaway Neo4j lives: its data directory and Bolt port. */
export interface ThrowawayPlace {
  dataDir: string;
  boltPort: number;
  /**
   * The settings that make `server/main.ts` start its local Neo4j here (and not use a
   * NEO4J_URI of the calling shell): NEO4J_URI and NEO4J_PASSWORD emptied,
   * NEO4J_DATA_DIR and NEO4J_BOLT_PORT set.
   */
  serverEnv: Record<string, string>;
  /** Delete the data directory (stop whatever runs in it first). */
  remove(): Promise<void>;
}

/** A fresh place for a Neo4j: `congress-graph-<purpose>-…` in the temporary directory, and a free port. */
export async function throwawayPlace(purpose: string): Promise<ThrowawayPlace> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `congress-graph-${purpose}-`));
  const boltPort = await findFreePort();
  return {
    dataDir,
    boltPort,
    serverEnv: { NEO4J_URI: '', NEO4J_PASSWORD: '', NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort) },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export interface ThrowawayNeo4j {
  uri: string;
  user: string;
  password: string;
  /** The Neo4j JVM's process id (tests read its CPU time from /proc). */
  pid: number | undefined;
  /** Stop Neo4j, then delete its data directory. */
  stop(): Promise<void>;
}

/** Memory settings; the rest of `npm start`'s defaults apply (docs/NEO4J.md). */
export type ThrowawaySizes = Partial<Pick<LocalNeo4jOptions, 'heap' | 'pageCache' | 'transactionMemory'>>;

/**
 * Start a local Neo4j 5.26 in a throwaway place (as `npm start` does: Java from
 * NEO4J_JAVA or the PATH, jars from Maven), unsupervised: a crash is the run's
 * failure, not restarted. Throws a StartupError when it cannot start; the data
 * directory is kept then, for the log the error points to.
 */
export async function startThrowawayNeo4j(purpose: string, sizes: ThrowawaySizes = {}, logLevel = 'warn'): Promise<ThrowawayNeo4j> {
  const place = await throwawayPlace(purpose);
  const { local } = loadConfig({}).neo4j; // the defaults, not the calling shell's settings
  const neo4j = await LocalNeo4j.start({
    ...local,
    ...sizes,
    rootDir: PROJECT_ROOT,
    boltPort: place.boltPort,
    dataDir: place.dataDir,
    java: process.env.NEO4J_JAVA,
    password: undefined,
    log: createLogger(logLevel),
    supervise: false,
  });
  return {
    uri: neo4j.uri,
    user: neo4j.user,
    password: neo4j.password,
    pid: neo4j.pid,
    async stop() {
      await neo4j.stop();
      await place.remove();
    },
  };
}
