import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests run anywhere in seconds; integration and e2e
// tests share one real Neo4j started by the global setup for the whole run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests run hundreds of cases: on a busy 2-core machine a few take
          // more than vitest's 5 s default. A deadline, not a performance check.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/neo4j.global.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One database for the run: files that write to it must not interleave.
          fileParallelism: false,
        },
      },
    ],
  },
});
