/**
 * Stopping as process managers and terminals do it (issue 14, item 8): `npm start`
 * and `npm run neo4j`, started for real through npm, are sent SIGTERM, SIGINT or
 * SIGHUP at the npm process, or lose npm to SIGKILL (their parent dying). Each
 * time the server (if any) stops, then Neo4j stops cleanly: no process of the
 * tree is left, no Java process outlives it, and the next start opens the store
 * without recovery. The server is npm's own child: no shell or tsx process stands
 * between them for a signal to stop at. One data directory serves every start.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../server/config.ts';
import { findFreePort } from '../../../../server/db/local/ports.ts';
import { isAlive, waitFor } from '../../../setup/wait.ts';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'congress-graph-stop-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Every process a test started, so a failed test leaves none behind (the next start needs the data directory). */
const started: number[] = [];
afterEach(async () => {
  for (const pid of started.splice(0).reverse()) {
    if (!isAlive(pid)) continue;
    process.kill(pid, 'SIGTERM');
    await waitFor(() => !isAlive(pid), 60_000, 250).catch(() => process.kill(pid, 'SIGKILL'));
  }
}, 120_000);

/** A cold start of Neo4j on a busy 2-core machine took 140 s; the first one also builds the viewer and loads the seed. */
const START_MS = 420_000;

interface Started {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** The process npm runs (the server, or the Neo4j runner). */
  command: number;
  java: number;
}

function childrenOf(pid: number): { pid: number; comm: string }[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const [p, comm] = l.trim().split(/\s+/);
        return { pid: Number(p), comm: comm ?? '' };
      });
  } catch {
    return []; // ps exits 1 when there are none
  }
}

function parentOf(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
}

const RECOVERY = /recovery (required|completed)|Starting recovery/i;
const debugLog = (): Promise<string> => readFile(path.join(dataDir, 'logs', 'debug.log'), 'utf8').catch(() => '');

/** `npm start` or `npm run neo4j`, as a user runs it, on this file's data directory; resolves once it serves. */
async function start(script: 'start' | 'neo4j'): Promise<Started> {
  const port = await findFreePort();
  const boltPort = await findFreePort();
  const logBefore = (await debugLog()).length;
  const npm = spawn('npm', script === 'start' ? ['start'] : ['run', 'neo4j'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_URI: '',
      NEO4J_PASSWORD: '',
      NEO4J_HEAP: '512m',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  npm.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  started.push(npm.pid!);
  const ready = script === 'start' ? /congress-graph is running on/ : /Connect with NEO4J_URI=/;
  // Known as soon as they exist, so that they are stopped even if the start fails.
  const track = setInterval(() => {
    for (const child of childrenOf(npm.pid!)) {
      if (!started.includes(child.pid)) started.push(child.pid);
      for (const grandchild of childrenOf(child.pid)) if (grandchild.comm === 'java' && !started.includes(grandchild.pid)) started.push(grandchild.pid);
    }
  }, 500);
  await waitFor(() => ready.test(output) || npm.exitCode !== null, START_MS, 250).finally(() => clearInterval(track));
  expect(output, output).toMatch(ready);
  // The store was closed cleanly by the stop before: this start did not recover it.
  expect((await debugLog()).slice(logBefore)).not.toMatch(RECOVERY);
  const [command] = childrenOf(npm.pid!).filter((c) => c.comm === 'node');
  expect(command, `npm's children: ${JSON.stringify(childrenOf(npm.pid!))}`).toBeDefined();
  expect(parentOf(command!.pid)).toBe(npm.pid); // nothing in between
  const java = childrenOf(command!.pid).find((c) => c.comm === 'java');
  expect(java).toBeDefined();
  return { npm, output: () => output, exited, command: command!.pid, java: java!.pid };
}

/**
 * Everything of the tree is gone within 90 s, and Neo4j said it stopped. `npmPassesOn`: npm
 * passed the signal to the server and exits 0 once it has stopped (SIGTERM, SIGINT); on
 * SIGHUP npm exits at once without passing it on, and SIGKILL ends it: the server notices.
 */
async function expectAllStopped(s: Started, npmPassesOn: boolean): Promise<void> {
  const from = Date.now();
  await waitFor(() => !isAlive(s.command) && !isAlive(s.java), 90_000, 250);
  console.info(`stop: everything gone ${((Date.now() - from) / 1000).toFixed(1)} s after the signal`);
  expect(isAlive(s.command)).toBe(false);
  expect(isAlive(s.java)).toBe(false);
  if (npmPassesOn) expect(await s.exited).toBe(0);
  else await s.exited;
  expect(s.output()).toContain('Neo4j stopped.');
}

describe('npm start stops the server, then Neo4j', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    'on %s to npm',
    async (signal) => {
      const s = await start('start');
      s.npm.kill(signal);
      await expectAllStopped(s, signal !== 'SIGHUP');
      expect(s.output()).toMatch(/stopping the server, then Neo4j/);
    },
    START_MS + 120_000,
  );

  it(
    'when npm dies (SIGKILL): the server notices its parent is gone',
    async () => {
      const s = await start('start');
      s.npm.kill('SIGKILL');
      await expectAllStopped(s, false);
    },
    START_MS + 120_000,
  );
});

describe('npm run neo4j stops Neo4j', () => {
  it(
    'on SIGTERM to npm',
    async () => {
      const s = await start('neo4j');
      s.npm.kill('SIGTERM');
      await expectAllStopped(s, true);
    },
    START_MS + 120_000,
  );

  it(
    'when npm dies (SIGKILL)',
    async () => {
      const s = await start('neo4j');
      s.npm.kill('SIGKILL');
      await expectAllStopped(s, false);
      // The last stop was clean too: the store opens without recovery.
      const again = await start('neo4j');
      again.npm.kill('SIGINT');
      await expectAllStopped(again, true);
    },
    2 * START_MS + 120_000,
  );
});
