/**
 * neo4j-driver keeps the stack of the code that ran a query, to give it to the query's error.
 * As installed (patches/neo4j-driver-core+6.3.0.patch, applied by patch-package), it keeps the
 * Error and formats that stack only when the query fails: formatting it for every query (what
 * 6.3.0 does) costs more CPU than decoding a node-details answer when source maps are on, as
 * under tsx (docs/PERFORMANCE.md, The API). The first test fails without the patch.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDriver } from '../../../setup/neo4j.ts';

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(() => driver.close());

/** Run `work` counting the stack traces V8 formats meanwhile (each first read of an Error's `stack`). */
async function countingFormattedStacks(work: () => Promise<unknown>): Promise<number> {
  const original = Error.prepareStackTrace;
  let formatted = 0;
  Error.prepareStackTrace = (error, frames) => {
    formatted += 1;
    return original ? original(error, frames) : `${String(error)}\n${frames.map((f) => `    at ${String(f)}`).join('\n')}`;
  };
  try {
    await work();
  } finally {
    Error.prepareStackTrace = original;
  }
  return formatted;
}

describe('the driver’s caller stack', () => {
  it('is not formatted for a query that succeeds', async () => {
    const session = driver.session();
    try {
      await session.run('RETURN 1'); // a first query: the connection is open and warm
      expect(await countingFormattedStacks(() => session.run('UNWIND range(1, 3) AS x RETURN x'))).toBe(0);
      expect(await countingFormattedStacks(() => driver.executeQuery('RETURN 2 AS y'))).toBe(0);
    } finally {
      await session.close();
    }
  });

  it('is still given to the error of a query that fails: the error names the code that ran the query', async () => {
    const session = driver.session();
    async function runTheFailingQuery(): Promise<unknown> {
      return session.run('RETURN 1 / toInteger($zero) AS x', { zero: 0 });
    }
    try {
      const error = (await runTheFailingQuery().catch((e: unknown) => e)) as Error & { code?: string };
      expect(error.code).toBe('Neo.ClientError.Statement.ArithmeticError');
      expect(error.stack?.split('\n')[0]).toContain('/ by zero');
      expect(error.stack).toContain('runTheFailingQuery');
    } finally {
      await session.close();
    }
  });
});
