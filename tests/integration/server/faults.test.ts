/**
 * Faults on a real, supervised local Neo4j that this file starts for itself (never
 * the run's shared database): `npm start` as a user runs it, on a free port and a
 * throwaway data directory, with the bundled corpus. One JVM start for the server,
 * one supervised restart after the kill, one reopening of the store at the end.
 *
 *   1. Neo4j killed (SIGKILL) while requests and a load are in flight: clean 503s,
 *      the loader fails in one line, the server stays up and recovers by itself
 *      once the supervisor has restarted Neo4j; the interrupted load left nothing.
 *   2. The loader killed inside its transaction: the database holds exactly what
 *      it held; the next load succeeds.
 *   3. Neo4j hung (SIGSTOP): every request answers 503/504 within the request
 *      deadline instead of piling up; SIGCONT and service returns.
 *   4. SIGTERM during a request: it finishes; Neo4j shuts down cleanly and its store
 *      opens again without recovery.
 */
import { spawn, execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { createDriver } from '../../../server/db/driver.ts';
import { LocalNeo4j } from '../../../server/db/local/local-neo4j.ts';
import { findFreePort } from '../../../server/db/local/ports.ts';
import { createLogger } from '../../../server/logger.ts';
import { SEED_REPORT_FILE } from '../../setup/seed.ts';
import { spawnServer, type ServerProcess } from '../../../scripts/server-process.ts';
import { throwawayPlace, type ThrowawayPlace } from '../../../scripts/throwaway-neo4j.ts';
import { isAlive, waitFor } from '../../setup/wait.ts';
import { assertNoLeak, fingerprint, type Fingerprint } from './api/helpers.ts';

const DEADLINE_MS = 8000;
/** A console query that keeps Neo4j busy for seconds (well inside its 30 s timeout here). */
const SLOW_QUERY = 'UNWIND range(1, 300000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n';

let place: ThrowawayPlace;
let dataDir: string;
let port: number;
let boltPort: number;
let server: ServerProcess;
let driver: Driver;
let seeded: Fingerprint;

interface Answer {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  text: string;
  ms: number;
}

async function call(route: string, init: RequestInit = {}): Promise<Answer> {
  const started = Date.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}${route}`, { ...init, signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    let body = {};
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // not JSON: the assertions on body say so
    }
    return { status: res.status, body, text, ms: Date.now() - started };
  } catch {
    return { status: 0, body: {}, text: '', ms: Date.now() - started };
  }
}

const cypher = (query: string): Promise<Answer> =>
  call('/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

/** A spread of reads, one per endpoint family. */
const READS: (() => Promise<Answer>)[] = [
  () => call('/api/stats'),
  () => call('/api/search?q=trafficking'),
  () => call('/api/search?q=贩运'),
  () => call(`/api/nodes/${encodeURIComponent('instrument:untoc')}`),
  () => call(`/api/nodes/${encodeURIComponent('state:ARG')}/neighbors?depth=2`),
  () => call('/api/graph?limit=200'),
  () => call(`/api/path?from=${encodeURIComponent('state:ARG')}&to=${encodeURIComponent('instrument:untoc')}`),
  () => cypher('MATCH (s:State) RETURN count(s) AS n'),
];

function javaPid(): number {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(server.child.pid)], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.trim().endsWith('java'));
  return line ? Number(line.trim().split(/\s+/)[0]) : 0;
}

/** The server's log of unhandled errors (500s), to say what went wrong. */
function unhandledErrors(): string {
  return server
    .output()
    .split('\n')
    .filter((line) => line.includes('unhandled error'))
    .join('\n')
    .slice(0, 4000);
}

const healthStatus = async (): Promise<number> => (await call('/api/health')).status;

/** `npm run load` against this file's Neo4j, one row per batch so that its transaction lasts seconds. */
function startLoader(): { exited: Promise<number | null>; output: () => string; inTransaction: Promise<void>; kill: () => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/load.ts'), '--batch-size', '1', SEED_REPORT_FILE], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let markInTransaction: () => void = () => undefined;
  const inTransaction = new Promise<void>((resolve) => (markInTransaction = resolve));
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    // All nodes written, relationships under way: the transaction is open and holds writes.
    if (/: nodes (\d+)\/\1\n/.test(output)) markInTransaction();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { exited, output: () => output, inTransaction, kill: () => child.kill('SIGKILL') };
}

let password: string;

async function debugLog(): Promise<string> {
  return readFile(path.join(dataDir, 'logs', 'debug.log'), 'utf8').catch(() => '');
}
const RECOVERY = /recovery (required|completed)|Starting recovery/i;

beforeAll(async () => {
  place = await throwawayPlace('faults');
  ({ dataDir, boltPort } = place);
  port = await findFreePort();
  server = await spawnServer({
    env: {
      ...place.serverEnv,
      PORT: String(port),
      NEO4J_HEAP: '512m',
      REQUEST_TIMEOUT_MS: String(DEADLINE_MS),
      CYPHER_TIMEOUT_MS: '30000',
      RATE_LIMIT_CYPHER: '0',
      RATE_LIMIT_SEARCH: '0',
      // Several console queries from this one client at once: faults of the database are tested here, not the per-client limit.
      CYPHER_CLIENT_CONCURRENCY: '0',
      LOG_LEVEL: 'warn',
    },
    output: 'capture',
  });
  await waitFor(async () => (await healthStatus()) === 200 || server.child.exitCode !== null, 170_000, 500);
  expect(await healthStatus(), server.output()).toBe(200);
  password = (await readFile(path.join(dataDir, 'password'), 'utf8')).trim();
  driver = createDriver({ uri: `bolt://127.0.0.1:${boltPort}`, user: 'neo4j', password });
  seeded = await fingerprint(driver);
  expect(seeded.nodes).toBeGreaterThan(100);
}, 180_000);

afterAll(async () => {
  await driver?.close();
  if (server && server.child.exitCode === null) {
    const pid = javaPid();
    if (pid) process.kill(pid, 'SIGCONT');
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await place?.remove();
}, 60_000);

describe('faults', () => {
  it('Neo4j killed with requests and a load in flight: clean 503s, the server stays up and recovers by itself, the load left nothing', async () => {
    const loader = startLoader();
    await Promise.race([loader.inTransaction, loader.exited.then(() => Promise.reject(new Error(`loader ended early: ${loader.output()}`)))]);
    const slow = [1, 2, 3].map(() => cypher(SLOW_QUERY));
    const reads = READS.map((read) => read());
    await new Promise((r) => setTimeout(r, 700));
    const pid = javaPid();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();

    // Requests cut off by the kill: 503 with a message a person can read, no stack trace.
    for (const res of await Promise.all(slow)) {
      expect(res.status, res.text).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'database_unavailable' });
      expect(res.body.error!.message).toMatch(/not reachable|not answering/);
      assertNoLeak(res.text);
    }
    // Reads that were quick may have finished before it; none may be anything but 200 or 503.
    for (const res of await Promise.all(reads)) {
      expect([200, 503], `${res.text}\n${unhandledErrors()}`).toContain(res.status);
      assertNoLeak(res.text);
    }
    // The loader's write failed: one line, exit 1.
    expect(await loader.exited).toBe(1);
    expect(loader.output()).toMatch(/^load: .+$/m);
    expect(loader.output()).not.toMatch(/\n\s+at /);

    // While Neo4j is down the server answers, fast, and says so.
    expect(isAlive(server.child.pid!)).toBe(true);
    for (const read of READS) {
      const res = await read();
      if (res.status === 200) break; // the supervisor was quicker than this loop
      expect(res.status, res.text).toBe(503);
      expect(res.ms).toBeLessThan(DEADLINE_MS + 1000);
    }
    expect(await healthStatus()).not.toBe(0);

    // The supervisor restarts Neo4j; the same server, never restarted, answers again.
    await waitFor(async () => (await healthStatus()) === 200, 180_000, 500);
    const recoveredAfterS = (Date.now() - killedAt) / 1000;
    // A cold JVM may take longer than the deadline over its first queries; then every endpoint answers.
    await waitFor(async () => (await Promise.all(READS.map((read) => read()))).every((res) => res.status === 200), 60_000, 1000);
    expect(server.output()).toMatch(/Neo4j exited unexpectedly \(SIGKILL\); restarting in 1 s/);
    // Killed, the store needed recovery (the clean stop below must not); the load's writes were rolled back.
    expect(await debugLog()).toMatch(RECOVERY);
    expect(await fingerprint(driver)).toEqual(seeded);
    console.info(`faults: killed Neo4j recovered after ${recoveredAfterS.toFixed(1)} s`);
  }, 240_000); // a cold JVM start with store recovery: 25 s on a quiet 2-core machine, 90 s on a busy one

  it('the loader killed inside its transaction leaves the database as it was; the next load succeeds', async () => {
    const loader = startLoader();
    await Promise.race([loader.inTransaction, loader.exited.then(() => Promise.reject(new Error(`loader ended early: ${loader.output()}`)))]);
    loader.kill();
    await loader.exited;
    // Neo4j rolls the orphaned transaction back when the connection drops.
    await waitFor(async () => {
      const { records } = await driver.executeQuery(
        "SHOW TRANSACTIONS YIELD metaData WHERE metaData.op = 'load' RETURN count(*) AS n",
        {},
        { routing: neo4j.routing.READ },
      );
      return Number(records[0]!.get('n')) === 0;
    }, 20_000);
    expect(await fingerprint(driver)).toEqual(seeded);

    const again = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/load.ts'), SEED_REPORT_FILE], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    expect(await new Promise((resolve) => again.once('exit', resolve))).toBe(0);
    expect(await fingerprint(driver)).toEqual(seeded);
  }, 60_000);

  it('Neo4j hung (SIGSTOP): every request answers 503/504 within the deadline, nothing piles up; SIGCONT and service returns', async () => {
    const pid = javaPid();
    await call('/api/stats'); // warm connections in the pool: the hang then swallows queries already sent
    process.kill(pid, 'SIGSTOP');
    try {
      for (const wave of [1, 2]) {
        const answers = await Promise.all([...READS, ...READS, () => call('/api/health')].map((read) => read()));
        for (const res of answers) {
          expect([503, 504], `wave ${wave}: ${res.text}`).toContain(res.status);
          expect(res.body.error?.code ?? (res.body as { status?: string }).status).toMatch(/request_timeout|database_unavailable|unavailable/);
          expect(res.ms, res.text).toBeLessThan(DEADLINE_MS + 1500);
          assertNoLeak(res.text);
        }
      }
      // The server itself is not stuck: what needs no database answers at once.
      const doc = await call('/api/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.ms).toBeLessThan(1000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    // Service returns: the queries the hang held finish, then every endpoint answers.
    await waitFor(async () => (await Promise.all(READS.map((read) => read()))).every((res) => res.status === 200), 30_000, 1000);
    expect(javaPid()).toBe(pid); // the same JVM: resumed, not restarted
  }, 60_000);

  it('SIGTERM during a request: it finishes, Neo4j stops cleanly and its store opens again without recovery', async () => {
    const pid = javaPid();
    let answeredAt = 0;
    const inFlight = cypher('UNWIND range(1, 20000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n').then((res) => {
      answeredAt = Date.now();
      return res;
    });
    await new Promise((r) => setTimeout(r, 150));
    server.child.kill('SIGTERM');
    const signalledAt = Date.now();
    const res = await inFlight;
    expect(answeredAt, 'the request was over before SIGTERM: nothing was tested').toBeGreaterThan(signalledAt);
    expect(res.status, res.text).toBe(200);
    expect(res.body.rows).toEqual([{ n: 0 }]);
    expect(await server.exited).toBe(0);
    expect(isAlive(pid)).toBe(false);
    await driver.close();

    const logBefore = (await debugLog()).length;
    const reopened = await LocalNeo4j.start({
      rootDir: PROJECT_ROOT,
      boltPort: await findFreePort(),
      dataDir,
      heap: '512m',
      pageCache: '64m',
      transactionMemory: '256m',
      java: process.env.NEO4J_JAVA,
      password: undefined,
      log: createLogger('silent'),
      supervise: false,
    });
    try {
      const check = createDriver({ uri: reopened.uri, user: reopened.user, password: reopened.password });
      try {
        expect(await fingerprint(check)).toEqual(seeded);
      } finally {
        await check.close();
      }
    } finally {
      await reopened.stop();
    }
    const sinceReopen = (await debugLog()).slice(logBefore);
    expect(sinceReopen.length).toBeGreaterThan(0);
    expect(sinceReopen).not.toMatch(RECOVERY);
  }, 120_000);
});
