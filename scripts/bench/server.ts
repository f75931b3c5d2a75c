/**
 * The API under benchmark: the server as its own process on the benchmark's
 * database, with the per-client rate limits off (a benchmark is one client making
 * many requests).
 */
import { processRssMb, startServerProcess, type ServerProcess } from '../server-process.ts';

export interface BenchServer extends ServerProcess {
  /** Resident set size now, in whole MB. */
  rssMb(): Promise<number>;
}

export async function startBenchServer(db: { uri: string; user: string; password: string }): Promise<BenchServer> {
  const server = await startServerProcess({
    env: {
      NEO4J_URI: db.uri,
      NEO4J_USER: db.user,
      NEO4J_PASSWORD: db.password,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_SEARCH: '0',
      RATE_LIMIT_CYPHER: '0',
      CYPHER_CLIENT_CONCURRENCY: '0',
      CYPHER_QUEUE: '1000',
    },
    readyTimeoutMs: 120_000,
    output: 'capture',
  });
  return { ...server, rssMb: async () => Math.round(await processRssMb(server.pid)) };
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
