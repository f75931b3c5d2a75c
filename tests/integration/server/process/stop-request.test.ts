/**
 * Every way a process manager or a terminal asks a command to stop reaches
 * onStopRequest (issue 14, item 8), without a database: SIGTERM, SIGINT and SIGHUP
 * sent to the command itself, and its parent dying (SIGKILL, which passes nothing
 * on). tests/integration/server/process/stop.test.ts checks the same through npm with
 * the real server and Neo4j.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../../setup/reports.ts';
import { isAlive, waitFor } from '../../../setup/wait.ts';

const CHILD = repoPath('tests/fixtures/stop-request-child.ts');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'congress-graph-stop-request-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const read = (file: string): Promise<string> => readFile(file, 'utf8').catch(() => '');

/** The child's pid once it has written "ready". */
async function readyPid(file: string): Promise<number> {
  await waitFor(async () => /^ready \d+/.test(await read(file)), 20_000, 50);
  return Number(/^ready (\d+)/.exec(await read(file))![1]);
}

describe('onStopRequest', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s to the command itself stops it once, exit code 0', async (signal) => {
    const out = path.join(dir, `${signal}.log`);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, out], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    expect(await readyPid(out)).toBe(child.pid);
    child.kill(signal);
    expect(await exited).toBe(0);
    expect((await read(out)).split('\n').filter((l) => l.startsWith('stop:'))).toEqual([`stop: ${signal}`]);
  });

  it('its parent SIGKILLed: the command notices it was re-parented and stops', async () => {
    const out = path.join(dir, 'parent.log');
    // A shell stands for npm: it starts the command and waits; SIGKILL gives it no chance to pass anything on.
    const parent = spawn('sh', ['-c', `"${process.execPath}" --import tsx "${CHILD}" "${out}" & wait`], { stdio: 'ignore' });
    const pid = await readyPid(out);
    try {
      parent.kill('SIGKILL');
      await waitFor(() => !isAlive(pid), 20_000, 50);
      expect(await read(out)).toContain('stop: parent process exited');
    } finally {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
