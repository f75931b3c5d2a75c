/**
 * The API under load: for each endpoint, autocannon (in this process) keeps 50
 * connections busy for a fixed time against the server process on loopback, every
 * request with fresh parameters (api-requests.ts). Latencies are taken from every
 * response (autocannon's histogram has no p95); non-2xx answers and socket errors
 * count as errors. The server's RSS is sampled throughout.
 */
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { requestMakers, requestPools, type BenchRequest, type Endpoint } from './api-requests.ts';
import { round } from './machine.ts';
import { sampleMax, type BenchServer } from './server.ts';

export interface EndpointFigures {
  connections: number;
  duration_s: number;
  requests: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  rps: number;
  errors: number;
  non_2xx: number;
}

/** One connection: the time a request takes when it waits for no other (under 50 connections, latency ≈ 50 / throughput). */
export interface SingleFigures {
  requests: number;
  p50_ms: number;
  p95_ms: number;
  rps: number;
}

export type ApiFigures = Record<Endpoint, EndpointFigures> & {
  single_connection: Record<Endpoint, SingleFigures>;
  max_rss_mb: number;
  rss_measured: string;
  distinct_search_terms: number;
  distinct_node_ids: number;
};

export const ENDPOINTS: Endpoint[] = ['search', 'node', 'neighbors', 'cypher', 'graph'];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function hammer(url: string, make: () => BenchRequest, connections: number, durationS: number): Promise<EndpointFigures> {
  const latencies: number[] = [];
  let non2xx = 0;
  let finish!: (value: { result: autocannon.Result | undefined; error: unknown }) => void;
  const done = new Promise<{ result: autocannon.Result | undefined; error: unknown }>((resolve) => (finish = resolve));
  const options: autocannon.Options = {
    url,
    connections,
    duration: durationS,
    timeout: 30,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        // Every request draws new parameters (a GET's body stays empty).
        setupRequest: (req) => {
          const r = make();
          return { ...req, method: r.method, path: r.path, body: r.body };
        },
      },
    ],
  };
  const instance = autocannon(options, (error, result) => finish({ result, error }));
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (status < 200 || status >= 300) non2xx += 1;
  });
  const { result, error } = await done;
  if (!result) throw new Error(`autocannon failed: ${String(error)}`);
  latencies.sort((a, b) => a - b);
  const seconds = result.duration || durationS;
  return {
    connections,
    duration_s: round(seconds),
    requests: latencies.length,
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies.at(-1) ?? 0),
    rps: round(latencies.length / seconds),
    errors: non2xx + result.errors + result.timeouts,
    non_2xx: non2xx,
  };
}

export async function benchApi(
  driver: Driver,
  server: BenchServer,
  opts: { durationS: number; singleS: number; warmupS: number; connections: number; log: (line: string) => void },
): Promise<ApiFigures> {
  const pools = await requestPools(driver);
  const makers = requestMakers(pools);
  opts.log(`api: ${pools.searchTerms.length} search terms, ${pools.nodeIds.length} node ids, ${pools.reportIds.length} reports to draw from`);
  const rss = sampleMax(() => server.rssMb());
  const figures: Partial<Record<Endpoint, EndpointFigures>> = {};
  const single: Partial<Record<Endpoint, SingleFigures>> = {};
  let maxRss = 0;
  try {
    for (const endpoint of ENDPOINTS) {
      // A short warm-up (not counted): query plans cached and the JIT warm, as on a server in use.
      if (opts.warmupS > 0) await hammer(server.url, makers[endpoint], 10, opts.warmupS);
      const f = await hammer(server.url, makers[endpoint], opts.connections, opts.durationS);
      figures[endpoint] = f;
      opts.log(`api ${endpoint}: p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms, p99 ${f.p99_ms} ms, ${f.rps} req/s, ${f.errors} errors`);
      const one = await hammer(server.url, makers[endpoint], 1, opts.singleS);
      single[endpoint] = { requests: one.requests, p50_ms: one.p50_ms, p95_ms: one.p95_ms, rps: one.rps };
      opts.log(`api ${endpoint}, one connection: p50 ${one.p50_ms} ms, p95 ${one.p95_ms} ms, ${one.rps} req/s`);
    }
  } finally {
    maxRss = await rss.stop();
  }
  return {
    ...(figures as Record<Endpoint, EndpointFigures>),
    single_connection: single as Record<Endpoint, SingleFigures>,
    max_rss_mb: maxRss,
    rss_measured: `the server process (node server/main.ts, pid ${server.pid}) sampled every 200 ms through the whole API benchmark, warm-ups included`,
    distinct_search_terms: pools.searchTerms.length,
    distinct_node_ids: pools.nodeIds.length,
  };
}
