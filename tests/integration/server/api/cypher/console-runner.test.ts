/**
 * The console's worker pool (server/api/cypher/console-runner.ts), on a scripted
 * worker (tests/fixtures/console-scripted-worker.mjs) so that what happens when is
 * certain: a query stuck in its thread past its deadline stops only its own
 * worker, while another client's query in another worker goes on and is answered.
 * The same with Neo4j: tests/integration/server/api/cypher/console-isolation.test.ts.
 */
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleRunner, READ_GRACE_MS, type ConsoleRequest } from '../../../../../server/api/cypher/console-runner.ts';
import { type ApiError } from '../../../../../server/api/errors.ts';

const runners: ConsoleRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
});

function runner(concurrency: number, perClient = 2, queueLimit = 4, idleMs = 0): ConsoleRunner {
  const r = new ConsoleRunner({
    connection: { uri: 'bolt://unused', user: 'x', password: 'y' },
    database: undefined,
    maxResultBytes: 1_000_000,
    workerMemoryMb: 64,
    concurrency,
    perClient,
    queueLimit,
    idleMs,
    log: pino({ level: 'silent' }),
    workerEntry: new URL('../../../../fixtures/console-scripted-worker.mjs', import.meta.url),
  });
  runners.push(r);
  return r;
}

const job = (query: string, client: string, timeoutMs: number): ConsoleRequest => ({
  query,
  params: {},
  client,
  limits: { timeoutMs, maxRows: 10, maxGraphNodes: 10, maxGraphRelationships: 10 },
});

const failure = (promise: Promise<unknown>): Promise<ApiError> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: ApiError) => error,
  );

describe('ConsoleRunner', () => {
  it('a query stuck past its deadline stops its own worker only: another client’s query in flight is answered', async () => {
    const pool = runner(2);
    await pool.run(job('WAIT 0', 'a', 1000)); // load the first worker
    const stuck = failure(pool.run(job('HANG', 'a', 100)));
    // Still running when the stuck one is stopped (at 100 ms + the read grace).
    const other = pool.run(job(`WAIT ${READ_GRACE_MS + 1500}`, 'b', READ_GRACE_MS));
    const error = await stuck;
    expect(error).toMatchObject({ status: 504, code: 'query_timeout' });
    const answer = await other;
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ waited: READ_GRACE_MS + 1500 });
    // The stopped worker's slot takes queries again, on a fresh worker.
    await expect(pool.run(job('WAIT 1', 'a', 1000))).resolves.toBeDefined();
  }, 30_000);

  it('a worker that dies fails its own query (503) and nobody else’s', async () => {
    const pool = runner(2);
    const other = pool.run(job('WAIT 1500', 'b', 3000));
    await new Promise((r) => setTimeout(r, 300));
    const crashed = await failure(pool.run(job('CRASH', 'a', 3000)));
    expect(crashed).toMatchObject({ status: 503, code: 'console_unavailable' });
    await expect(other).resolves.toBeDefined();
  }, 30_000);

  it('bounds queries per client (429) and overall (queued, then 503 console_busy)', async () => {
    const pool = runner(1, 1, 1);
    const first = pool.run(job('WAIT 800', 'a', 3000));
    expect(await failure(pool.run(job('WAIT 1', 'a', 3000)))).toMatchObject({ status: 429, code: 'too_many_queries' });
    const queued = pool.run(job('WAIT 1', 'b', 3000));
    expect(await failure(pool.run(job('WAIT 1', 'c', 3000)))).toMatchObject({ status: 503, code: 'console_busy' });
    await expect(first).resolves.toBeDefined();
    await expect(queued).resolves.toBeDefined();
    await expect(pool.run(job('WAIT 1', 'a', 3000))).resolves.toBeDefined(); // counts given back
  }, 30_000);

  it('stops the workers beyond the first after idleMs without a query, and answers the next burst on fresh ones', async () => {
    const pool = runner(3, 0, 4, 300);
    const burst = async (): Promise<unknown[]> => {
      const answers = Promise.all(['a', 'b', 'c'].map((client, i) => pool.run(job(`WAIT ${200 + i}`, client, 3000))));
      expect(pool.workers).toBe(3); // one per query, started at once
      return ((await answers) as { body: Buffer }[]).map((a) => JSON.parse(a.body.toString('utf8')));
    };
    expect(await burst()).toEqual([{ waited: 200 }, { waited: 201 }, { waited: 202 }]);
    await vi.waitFor(() => expect(pool.workers).toBe(1), { timeout: 10_000, interval: 50 });
    await new Promise((r) => setTimeout(r, 600)); // twice idleMs more: the first worker stays
    expect(pool.workers).toBe(1);
    expect(await burst()).toEqual([{ waited: 200 }, { waited: 201 }, { waited: 202 }]);
  }, 30_000);

  it('releaseIdle stops the idle workers beyond the first at once, never one running a query, and the next burst gets fresh ones', async () => {
    const pool = runner(3, 0, 4, 60_000); // far longer than the test: only releaseIdle can stop them
    const burst = async (): Promise<unknown[]> => {
      const answers = await Promise.all(['a', 'b', 'c'].map((client, i) => pool.run(job(`WAIT ${10 + i}`, client, 3000))));
      return answers.map((a) => JSON.parse(a.body.toString('utf8')));
    };
    expect(await burst()).toEqual([{ waited: 10 }, { waited: 11 }, { waited: 12 }]);
    expect(pool.workers).toBe(3);
    // Two queries take the first two slots; the third slot's worker is idle.
    const running = ['a', 'b'].map((client) => pool.run(job('WAIT 800', client, 3000)));
    expect(pool.releaseIdle()).toBe(1);
    expect(pool.workers).toBe(2); // the second slot's worker runs a query: it stays
    for (const answer of await Promise.all(running)) expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ waited: 800 });
    expect(pool.releaseIdle()).toBe(1); // now idle; the first slot's stays for good
    expect(pool.workers).toBe(1);
    expect(await burst()).toEqual([{ waited: 10 }, { waited: 11 }, { waited: 12 }]);
    expect(pool.workers).toBe(3);
  }, 30_000);

  it('keeps every worker with idleMs 0', async () => {
    const pool = runner(2, 0, 4, 0);
    await Promise.all(['a', 'b'].map((client) => pool.run(job('WAIT 100', client, 3000))));
    await new Promise((r) => setTimeout(r, 500));
    expect(pool.workers).toBe(2);
  }, 30_000);
});
