import { inject } from 'vitest';
import { createDriver, type Driver } from '../../server/db/driver.ts';

/** How tests reach the run's Neo4j (provided by neo4j.global.ts). */
export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  /** True when the run started its own database (so tests may start more). */
  local: boolean;
  /** The JVM's process id, when the run started it (to measure what it costs). */
  pid?: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/** A driver on the run's database; close it in afterAll. */
export function testDriver(): Driver {
  const { uri, user, password } = testNeo4j();
  return createDriver({ uri, user, password });
}
