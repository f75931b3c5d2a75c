/**
 * The API under test as its own process (`node --import tsx server/main.ts`, as
 * `npm start` runs it, on the benchmark's database), so that its memory is its own
 * and the load generator does not share its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';
import { findFreePort } from '../../server/db/local/ports.ts';

export interface BenchServer {
  url: string;
  pid: number;
  /** Resident set size now, in MB (Linux /proc). */
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

export async function startBenchServer(db: { uri: string; user: string; password: string }): Promise<BenchServer> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server/main.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_URI: db.uri,
      NEO4J_USER: db.user,
      NEO4J_PASSWORD: db.password,
      LOG_LEVEL: 'warn',
      // A benchmark is one client making many requests: the per-client limits would refuse it.
      RATE_LIMIT_SEARCH: '0',
      RATE_LIMIT_CYPHER: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString('utf8')).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString('utf8')).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${output.trim().split('\n').slice(-3).join(' | ')}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer within 120 s: ${output.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    async rssMb() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(force);
    },
  };
}

/** Sample a value every `intervalMs` until stopped; gives the maximum seen. */
export function sampleMax(sample: () => Promise<number>, intervalMs = 200): { stop(): Promise<number> } {
  let max = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        max = Math.max(max, await sample());
      } catch {
        // the process may be gone at the very end
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return max;
    },
  };
}
