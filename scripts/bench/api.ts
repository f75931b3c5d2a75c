/**
 * The API under load: for each endpoint, autocannon (in this process) keeps 50
 * connections busy for a fixed time against the server process on loopback, every
 * request with fresh parameters (api-requests.ts), after a warm-up and a run at one
 * connection (the time a request takes when it waits for no other). Latencies are taken from every
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
  /** The first non-2xx answer's status and request, to tell what the errors were. */
  first_error?: string;
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
  /** The server's largest RSS during each endpoint's phases (warm-up, one connection, 50 connections). */
  max_rss_mb_by_endpoint: Record<Endpoint, number>;
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
  let firstError: string | undefined;
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
        setupRequest: (req, context) => {
          const r = make();
          (context as { request?: string }).request = `${r.method} ${r.path}`;
          return { ...req, method: r.method, path: r.path, body: r.body };
        },
        // One request at a time per connection: its context names the request answered.
        onResponse: (status, body, context) => {
          if ((status < 200 || status >= 300) && firstError === undefined) firstError = `${status} to ${(context as { request?: string }).request}: ${body.slice(0, 200)}`;
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
    ...(firstError ? { first_error: firstError } : {}),
  };
}

/** Wait (up to 60 s) until a small search answers within 250 ms: the backlog of a phase is worked off. */
async function drained(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${url}/api/search?q=drain&limit=1`).catch(() => undefined);
    if (performance.now() - started < 250) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function benchApi(
  driver: Driver,
  server: BenchServer,
  opts: { durationS: number; singleS: number; warmupS: number; connections: number; log: (line: string) => void },
): Promise<ApiFigures> {
  const pools = await requestPools(driver);
  const makers = requestMakers(pools);
  opts.log(`api: ${pools.searchTerms.length} search terms, ${pools.nodeIds.length} node ids, ${pools.reportIds.length} reports to draw from`);
  const figures: Partial<Record<Endpoint, EndpointFigures>> = {};
  const single: Partial<Record<Endpoint, SingleFigures>> = {};
  const rssByEndpoint: Partial<Record<Endpoint, number>> = {};
  for (const endpoint of ENDPOINTS) {
    const phaseRss = sampleMax(() => server.rssMb());
    try {
      // A short warm-up (not counted): query plans cached and the JIT warm, as on a server in use.
      if (opts.warmupS > 0) await hammer(server.url, makers[endpoint], 10, opts.warmupS);
      await drained(server.url);
      const one = await hammer(server.url, makers[endpoint], 1, opts.singleS);
      single[endpoint] = { requests: one.requests, p50_ms: one.p50_ms, p95_ms: one.p95_ms, rps: one.rps };
      opts.log(`api ${endpoint}, one connection: p50 ${one.p50_ms} ms, p95 ${one.p95_ms} ms, ${one.rps} req/s`);
      const f = await hammer(server.url, makers[endpoint], opts.connections, opts.durationS);
      figures[endpoint] = f;
      opts.log(`api ${endpoint}: p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms, p99 ${f.p99_ms} ms, ${f.rps} req/s, ${f.errors} errors${f.first_error ? ` (first: ${f.first_error})` : ''}`);
      // The server is still answering what the closed connections asked; the next endpoint starts after.
      await drained(server.url);
    } finally {
      rssByEndpoint[endpoint] = await phaseRss.stop();
    }
    opts.log(`api ${endpoint}: server RSS ${rssByEndpoint[endpoint]} MB at most`);
  }
  return {
    ...(figures as Record<Endpoint, EndpointFigures>),
    single_connection: single as Record<Endpoint, SingleFigures>,
    max_rss_mb: Math.max(...Object.values(rssByEndpoint)),
    max_rss_mb_by_endpoint: rssByEndpoint as Record<Endpoint, number>,
    rss_measured: `the server process (node server/main.ts, pid ${server.pid}) sampled every 200 ms through the whole API benchmark, warm-ups included`,
    distinct_search_terms: pools.searchTerms.length,
    distinct_node_ids: pools.nodeIds.length,
  };
}
