import type { TestProject } from 'vitest/node';
import { startThrowawayNeo4j } from '../../scripts/throwaway-neo4j.ts';
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
  const neo4j = await startThrowawayNeo4j('test', { heap: '768m', pageCache: '128m', transactionMemory: '256m' }, process.env.LOG_LEVEL ?? 'warn');
  project.provide('neo4j', {
    uri: neo4j.uri,
    user: neo4j.user,
    password: neo4j.password,
    local: true,
    ...(neo4j.pid ? { pid: neo4j.pid } : {}),
  } satisfies TestNeo4j);
  return () => neo4j.stop();
}
