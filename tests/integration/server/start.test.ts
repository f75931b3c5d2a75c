import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../../server/db/local/ports.ts';
import { testNeo4j } from '../../setup/neo4j.ts';
import { spawnServer, type ServerProcess } from '../../../scripts/server-process.ts';
import { throwawayPlace, type ThrowawayPlace } from '../../../scripts/throwaway-neo4j.ts';
import { isAlive, waitFor } from '../../setup/wait.ts';

const places: ThrowawayPlace[] = [];
afterAll(async () => {
  await Promise.all(places.map((place) => place.remove()));
});

/** A throwaway data directory and Bolt port, removed after the file. */
async function place(): Promise<ThrowawayPlace> {
  const p = await throwawayPlace('start');
  places.push(p);
  return p;
}

/** The server as `npm start` runs it, logging at info, its output kept. */
function start(env: Record<string, string>): Promise<ServerProcess> {
  return spawnServer({ env: { LOG_LEVEL: 'info', ...env }, output: 'capture' });
}

function occupy(port: number): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('npm start', () => {
  it('fails with one clear line when the HTTP port is taken', async () => {
    const port = await findFreePort();
    const blocker = await occupy(port);
    const server = await start({ ...(await place()).serverEnv, PORT: String(port) });
    const code = await server.exited;
    blocker.close();
    expect(code).not.toBe(0);
    expect(server.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('fails with one clear line when the Bolt port is taken', async () => {
    const boltPort = await findFreePort();
    const blocker = await occupy(boltPort);
    const server = await start({ ...(await place()).serverEnv, NEO4J_BOLT_PORT: String(boltPort) });
    const code = await server.exited;
    blocker.close();
    expect(code).not.toBe(0);
    expect(server.output()).toMatch(new RegExp(`Port ${boltPort} on 127\\.0\\.0\\.1 is already in use.*NEO4J_BOLT_PORT`));
  });

  it('fails with one clear line when an external Neo4j refuses the credentials', async () => {
    const server = await start({
      NEO4J_URI: testNeo4j().uri,
      NEO4J_USER: 'intruder',
      NEO4J_PASSWORD: 'wrong',
    });
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toContain('refused user "intruder"');
  });

  it('fails with one clear line when the data directory holds a damaged store', async () => {
    const { dataDir, serverEnv } = await place();
    const storeDir = path.join(dataDir, 'data/databases/system');
    await mkdir(storeDir, { recursive: true });
    await writeFile(path.join(storeDir, 'neostore'), randomBytes(8192));
    const server = await start({ ...serverEnv, NEO4J_HEAP: '256m' });
    expect(await server.exited).not.toBe(0);
    const lastLine = server.output().trim().split('\n').at(-1) ?? '';
    expect(lastLine).toMatch(new RegExp(`^congress-graph: Neo4j could not start with the data directory ${dataDir}: .*move that directory away`));
    expect(isAlive(server.child.pid!)).toBe(false);
  });

  it('rejects a malformed setting before starting anything', async () => {
    const server = await start({ NEO4J_URI: '', NEO4J_PASSWORD: '', PORT: 'eighty' });
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toMatch(/Invalid settings: PORT/);
  });

  it('starts a local Neo4j, restarts it when it dies, and leaves no JVM behind on SIGTERM', async () => {
    const { dataDir, serverEnv } = await place();
    const server = await start({ ...serverEnv, NEO4J_HEAP: '512m' });
    const health = async (): Promise<number> => {
      try {
        return (await fetch(`${server.url}/api/health`)).status;
      } catch {
        return 0;
      }
    };
    await waitFor(async () => (await health()) === 200, 150_000);
    const body = (await (await fetch(`${server.url}/api/health`)).json()) as { neo4j: { version: string } };
    expect(body.neo4j.version).toMatch(/^5\.26\./);

    // The generated password is kept, readable by its owner only.
    expect((await stat(path.join(dataDir, 'password'))).mode & 0o077).toBe(0);

    const javaPid = childJavaPid(server.child.pid!);
    expect(javaPid).toBeGreaterThan(0);
    process.kill(javaPid, 'SIGKILL');
    await waitFor(async () => (await health()) === 503, 20_000);
    await waitFor(async () => (await health()) === 200, 150_000);
    const restartedPid = childJavaPid(server.child.pid!);
    expect(restartedPid).not.toBe(javaPid);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(isAlive(restartedPid)).toBe(false);
    expect(server.output()).toMatch(/restarting in 1 s/);
  }, 360_000); // two cold JVM starts and a corpus load: minutes on a 2-core machine
});

function childJavaPid(parentPid: number): number {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(parentPid)], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.trim().endsWith('java'));
  return line ? Number(line.trim().split(/\s+/)[0]) : 0;
}
