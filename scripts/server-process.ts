/**
 * The server as its own process (`node --import tsx server/main.ts`, as `npm start`
 * runs it, minus npm: the JVM it starts is its grandchild, not npm's), the one way
 * to start it from outside: for the scripts that measure or attack it (the
 * benchmark, the soak test, the fuzz run), `npm run dev`, and the tests of
 * start-up, shutdown and faults. Its memory is its own, and whoever drives it
 * does not share its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';
import { findFreePort } from '../server/db/local/ports.ts';
import { throwawayPlace, type ThrowawayPlace } from './throwaway-neo4j.ts';

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** `http://HOST:PORT`. */
  url: string;
  /** What it has written to stdout and stderr so far ('capture' only; '' with 'inherit'). */
  output(): string;
  /** Resolves with the exit code (null after a signal) once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM (the server then stops its local Neo4j, if it started one); SIGKILL after a minute. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /**
   * Settings on top of this process's environment. HOST defaults to 127.0.0.1 and
   * PORT to a free port; a NEO4J_URI of this shell is used unless emptied
   * (throwawayPlace's serverEnv does that).
   */
  env: Record<string, string>;
  /** 'inherit' shows the server's log lines; 'capture' keeps them for `output()`. */
  output: 'inherit' | 'capture';
}

/** Start server/main.ts; resolves at once, before it listens (see waitUntilHealthy). */
export async function spawnServer(opts: SpawnOptions): Promise<ServerProcess> {
  const host = opts.env.HOST ?? '127.0.0.1';
  const port = opts.env.PORT ?? String(await findFreePort());
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server/main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...opts.env, HOST: host, PORT: port },
    stdio: opts.output === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => void (output += chunk.toString('utf8'));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(force);
  };
  return { child, pid: child.pid!, url: `http://${host}:${port}`, output: () => output, exited, stop };
}

/**
 * Poll `GET /api/health` until it answers `ok` (status 200), or with `anyAnswer`
 * until it answers at all (503 included: listening, database not yet there).
 * Throws when the process exits first or `timeoutMs` passes (it is stopped then),
 * with the last lines it wrote.
 */
export async function waitUntilHealthy(server: ServerProcess, timeoutMs: number, { anyAnswer = false } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const tail = (): string => {
    const text = server.output().trim();
    return text ? `: ${text.split('\n').slice(-3).join(' | ').slice(-500)}` : '';
  };
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}) before it was ready${tail()}`);
    try {
      const response = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (response.ok || anyAnswer) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the server was not healthy within ${timeoutMs / 1000} s${tail()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** spawnServer, then waitUntilHealthy (`readyTimeoutMs`: a local Neo4j's first start takes minutes). */
export async function startServerProcess(opts: SpawnOptions & { readyTimeoutMs: number }): Promise<ServerProcess> {
  const server = await spawnServer(opts);
  await waitUntilHealthy(server, opts.readyTimeoutMs);
  return server;
}

/**
 * Run `work` against a server of its own on a throwaway local Neo4j
 * (`throwawayPlace(purpose)`, so the bundled corpus is loaded into an empty
 * database): the server's log goes to this process's output, `env` is added to the
 * place's settings, and it may take four minutes to be healthy (the JVM's first
 * start). Whatever `work` does, the server is stopped (and with it Neo4j) and the
 * data directory removed afterwards. Resolves with what `work` resolves with;
 * throws what the start or `work` throws.
 */
export async function withThrowawayServer<T>(
  purpose: string,
  env: Record<string, string>,
  work: (server: ServerProcess, place: ThrowawayPlace) => Promise<T>,
): Promise<T> {
  const place = await throwawayPlace(purpose);
  let server: ServerProcess | undefined;
  try {
    console.log(`${purpose}: starting the server with a throwaway Neo4j …`);
    server = await startServerProcess({ env: { ...place.serverEnv, ...env }, readyTimeoutMs: 240_000, output: 'inherit' });
    return await work(server, place);
  } finally {
    await server?.stop();
    await place.remove();
  }
}

/** Resident set size of a process in MB, to a tenth (Linux /proc). */
export async function processRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}
