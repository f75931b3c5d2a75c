import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../server/config.ts';
import { LocalNeo4j } from '../../server/db/local/local-neo4j.ts';
import { findFreePort } from '../../server/db/local/ports.ts';
import { createLogger } from '../../server/logger.ts';
import type { TestNeo4j } from './neo4j.ts';

/**
 * One real Neo4j for the whole test run: the one NEO4J_URI names, or a local
 * 5.26 on a free port with a throwaway data directory, stopped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      local: false,
    } satisfies TestNeo4j);
    return async () => {};
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'congress-graph-test-'));
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const neo4j = await LocalNeo4j.start({
    rootDir: PROJECT_ROOT,
    boltPort: await findFreePort(),
    dataDir,
    heap: '768m',
    pageCache: '128m',
    transactionMemory: '256m',
    java: process.env.NEO4J_JAVA,
    password: undefined,
    log,
    supervise: false,
  });
  project.provide('neo4j', { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, local: true, ...(neo4j.pid ? { pid: neo4j.pid } : {}) } satisfies TestNeo4j);
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
