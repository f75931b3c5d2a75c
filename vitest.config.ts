import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests (no database, no processes) run anywhere in seconds; integration and e2e
// tests share one real Neo4j started by the global setup for the whole run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Speed: worker threads start faster than forked processes, and without isolation
          // the files share one module graph per worker, so the gazetteer, the ingest pipeline
          // and their transforms are loaded once, not once per file. Safe because the unit
          // tests keep no state between files (no mocks, stubs, fake timers or globals; the one
          // module-level setting a test changes, the viewer's unit tags, it sets back). Tests
          // that start processes or worker threads, or read real PDF and Word files, are
          // integration tests (tests/integration/).
          pool: 'threads',
          isolate: false,
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
