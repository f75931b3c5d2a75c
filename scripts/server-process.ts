/**
 * The server as its own process (`node --import tsx server/main.ts`, as `npm start`
 * runs it), for the scripts that measure or attack it from outside: the benchmark,
 * the soak test and the fuzz run. Its memory is its own, and the load generator
 * does not share its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';
import { findFreePort } from '../server/db/local/ports.ts';

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGTERM (the server then stops its local Neo4j, if it started one); SIGKILL after a minute. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Settings on top of this process's environment (PORT is chosen here). */
  env: Record<string, string>;
  /** How long the first answer of /api/health may take (a local Neo4j's first start takes minutes). */
  readyTimeoutMs: number;
  /** 'inherit' shows the server's log lines; 'capture' keeps the last ones for the error when it fails to start. */
  output: 'inherit' | 'capture';
}

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server/main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...opts.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: opts.output === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer): void => void (output = (output + d.toString('utf8')).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(force);
  };
  const deadline = Date.now() + opts.readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready${output ? `: ${output.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not healthy within ${opts.readyTimeoutMs / 1000} s${output ? `: ${output.slice(-500)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid!, stop };
}

/** Resident set size of a process in MB, to a tenth (Linux /proc). */
export async function processRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}
