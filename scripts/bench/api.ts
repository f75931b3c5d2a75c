/**
 * The API under load: for each endpoint, autocannon (in this process) keeps 50
 * connections busy for a fixed time against the server process on loopback, every
 * request with fresh parameters (api-requests.ts), after a warm-up and a run at one
 * connection (the time a request takes when it waits for no other). Latencies are taken from every
 * response (autocannon's histogram has no p95); non-2xx answers and socket errors
 * count as errors. The server's RSS is sampled throughout.
 *
 * Search, node details and neighbours are measured against their reference in the
 * same run: the same query functions called directly on the driver (api-reference.ts),
 * with the same requests, at the same concurrency. The time is cut into slices that
 * alternate between the API and the reference (API first in odd slices, reference
 * first in even ones), so that what else the machine does falls on both; the ratio is
 * the median slice's throughput of the API over the reference's.
 *
 * At one connection the two alternate request by request instead (paired.ts below:
 * each request is sent to the API and called directly, in alternating order), and the
 * slices are blocks of consecutive pairs: a request's time depends far more on what is
 * asked (a hub or a leaf, a common word or a rare one) than on the path it takes, and
 * slices of a few seconds at 10-30 requests a second held too few requests for their
 * medians to compare anything but which requests each side happened to draw.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { driveDirect, timeClientAndServer, type ClientServerTime } from './api-reference.ts';
import { ENDPOINTS, requestMakers, requestPools, type BenchRequest, type Endpoint } from './api-requests.ts';
import { round } from './machine.ts';
import { inTurn, median } from './ratios.ts';
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

/** The API against its reference at one concurrency: throughputs are medians of the alternating slices. */
export interface ComparisonFigures {
  connections: number;
  product_rps: number;
  reference_rps: number;
  /** product ÷ reference (higher is better; the target is ≥ 0.85). */
  ratio: number;
  product_slices_rps: number[];
  reference_slices_rps: number[];
  reference_p50_ms: number;
  reference_p95_ms: number;
  reference_errors: number;
  reference_first_error?: string;
}

export type ComparedEndpoint = 'search' | 'node' | 'neighbors';

/**
 * The comparison of one endpoint at one concurrency from each side's slices (requests per
 * second) and the reference's latencies (ms, any order): the ratio of the slices' medians.
 */
function comparisonOf(
  connections: number,
  productSlices: number[],
  referenceSlices: number[],
  referenceLatencies: number[],
  referenceErrors: number,
  referenceFirstError: string | undefined,
): ComparisonFigures {
  const productRps = median(productSlices);
  const referenceRps = median(referenceSlices);
  const latencies = [...referenceLatencies].sort((a, b) => a - b);
  return {
    connections,
    product_rps: round(productRps),
    reference_rps: round(referenceRps),
    ratio: round(referenceRps > 0 ? productRps / referenceRps : 0, 2),
    product_slices_rps: productSlices,
    reference_slices_rps: referenceSlices,
    reference_p50_ms: round(percentile(latencies, 50)),
    reference_p95_ms: round(percentile(latencies, 95)),
    reference_errors: referenceErrors,
    ...(referenceFirstError ? { reference_first_error: referenceFirstError } : {}),
  };
}
export const COMPARED: ComparedEndpoint[] = ['search', 'node', 'neighbors'];

export type ApiFigures = Record<Endpoint, EndpointFigures> & {
  single_connection: Record<Endpoint, SingleFigures>;
  /** Search, node details and neighbours against the same query functions called directly, at 1 and 50 connections. */
  reference: Record<ComparedEndpoint, { single: ComparisonFigures; concurrent: ComparisonFigures }>;
  /** Node details called one at a time: the time Neo4j reports for its queries against the rest (the driver's decoding and the mapping). */
  node_details_time: ClientServerTime;
  reference_method: string;
  max_rss_mb: number;
  /** The server's largest RSS during each endpoint's phases (warm-up, one connection, 50 connections). */
  max_rss_mb_by_endpoint: Record<Endpoint, number>;
  rss_measured: string;
  distinct_search_terms: number;
  distinct_node_ids: number;
};

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface HammerRun {
  seconds: number;
  latencies: number[];
  non2xx: number;
  /** Socket errors and timeouts. */
  failures: number;
  firstError?: string;
}

async function hammer(url: string, make: () => BenchRequest, connections: number, durationS: number): Promise<HammerRun> {
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
          if ((status < 200 || status >= 300) && firstError === undefined)
            firstError = `${status} to ${(context as { request?: string }).request}: ${body.slice(0, 200)}`;
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
  return { seconds: result.duration || durationS, latencies, non2xx, failures: result.errors + result.timeouts, ...(firstError ? { firstError } : {}) };
}

/** One request at a time, each sent to the API and called directly: the times of both, pair by pair. */
interface PairedRun {
  /** ms per request, API (HTTP round trip on one keep-alive connection) and direct call, in the order sent. */
  product: number[];
  reference: number[];
  non2xx: number;
  /** Socket errors (counted, with the time to the error). */
  failures: number;
  referenceErrors: number;
  firstError?: string;
  referenceFirstError?: string;
}

/** GET `path` on one keep-alive connection: status and the time to the answer's last byte. */
function timedGet(agent: http.Agent, url: string, path: string): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}${path}`, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8', 0, 200) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * For `durationS` seconds (both sides together, and at least `minPairs` pairs), draw a
 * request, send it to the API over one keep-alive HTTP connection and call its direct
 * function on `driver`, the API first in even pairs and the direct call first in odd
 * ones, so that both sides take the same requests at nearly the same moment.
 */
async function paired(url: string, driver: Driver, make: () => BenchRequest, durationS: number, minPairs: number): Promise<PairedRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const run: PairedRun = { product: [], reference: [], non2xx: 0, failures: 0, referenceErrors: 0 };
  const deadline = performance.now() + durationS * 1000;
  try {
    for (let i = 0; performance.now() < deadline || i < minPairs; i++) {
      const request = make();
      if (!request.direct) throw new Error(`${request.path} has no direct call to compare with`);
      const viaApi = async (): Promise<void> => {
        const t0 = performance.now();
        const answer = await timedGet(agent, url, request.path).catch((error: unknown) => {
          run.failures += 1;
          run.firstError ??= `GET ${request.path}: ${error instanceof Error ? error.message : String(error)}`;
          return { status: 0, ms: performance.now() - t0, body: '' };
        });
        run.product.push(answer.ms);
        if (answer.status !== 0 && (answer.status < 200 || answer.status >= 300)) {
          run.non2xx += 1;
          run.firstError ??= `${answer.status} to GET ${request.path}: ${answer.body}`;
        }
      };
      const direct = async (): Promise<void> => {
        const t0 = performance.now();
        try {
          await request.direct!(driver);
        } catch (error) {
          run.referenceErrors += 1;
          run.referenceFirstError ??= `${request.path}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
        }
        run.reference.push(performance.now() - t0);
      };
      await inTurn(i, viaApi, direct);
    }
  } finally {
    agent.destroy();
  }
  return run;
}

/**
 * Requests per second of consecutive blocks of `times` (ms per request, one at a time, in the
 * order sent), `blocks` of them (the last may be shorter); none for no times.
 */
export function blockRates(times: readonly number[], blocks: number): number[] {
  const size = Math.ceil(times.length / blocks);
  const rates: number[] = [];
  for (let at = 0; at < times.length; at += size) {
    const block = times.slice(at, at + size);
    rates.push(round(block.length / (block.reduce((t, x) => t + x, 0) / 1000)));
  }
  return rates;
}

/** Runs of one endpoint at one concurrency, as one set of figures. */
function endpointFigures(connections: number, runs: readonly HammerRun[]): EndpointFigures {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((t, r) => t + r.seconds, 0);
  const non2xx = runs.reduce((t, r) => t + r.non2xx, 0);
  const firstError = runs.find((r) => r.firstError)?.firstError;
  return {
    connections,
    duration_s: round(seconds),
    requests: latencies.length,
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies.at(-1) ?? 0),
    rps: round(latencies.length / seconds),
    errors: non2xx + runs.reduce((t, r) => t + r.failures, 0),
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

export interface ApiBenchOptions {
  /** Seconds at 50 connections per side (cut into `slices`). */
  durationS: number;
  /** Seconds at one connection per side (cut into `slices`). */
  singleS: number;
  warmupS: number;
  connections: number;
  /** Alternating slices per side and concurrency (default 3). */
  slices?: number;
  /** Node details timed one at a time for the Neo4j-versus-client split (default 200). */
  timedCalls?: number;
  log: (line: string) => void;
}

export async function benchApi(driver: Driver, server: BenchServer, opts: ApiBenchOptions): Promise<ApiFigures> {
  const pools = await requestPools(driver);
  // The API and its reference each draw from their own generator with the same seed: the same requests in the same order.
  const makers = requestMakers(pools);
  const referenceMakers = requestMakers(pools);
  const slices = opts.slices ?? 3;
  const sliceOf = (seconds: number): number => Math.max(1, Math.round(seconds / slices));
  opts.log(`api: ${pools.searchTerms.length} search terms, ${pools.nodeIds.length} node ids, ${pools.reportIds.length} reports to draw from`);
  const figures: Partial<Record<Endpoint, EndpointFigures>> = {};
  const single: Partial<Record<Endpoint, SingleFigures>> = {};
  const reference: Partial<ApiFigures['reference']> = {};
  const rssByEndpoint: Partial<Record<Endpoint, number>> = {};

  /** The API's runs at `connections`, alternating with the reference's when the endpoint has one. */
  const measure = async (endpoint: Endpoint, connections: number, seconds: number): Promise<{ product: EndpointFigures; comparison?: ComparisonFigures }> => {
    const compared = (COMPARED as Endpoint[]).includes(endpoint);
    if (!compared) {
      const run = await hammer(server.url, makers[endpoint], connections, seconds);
      await drained(server.url);
      return { product: endpointFigures(connections, [run]) };
    }
    if (connections === 1) return pairedComparison(endpoint, seconds);
    const productRuns: HammerRun[] = [];
    const referenceRuns: Awaited<ReturnType<typeof driveDirect>>[] = [];
    for (let i = 0; i < slices; i++) {
      const api = async (): Promise<void> => {
        productRuns.push(await hammer(server.url, makers[endpoint], connections, sliceOf(seconds)));
        // The server is still answering what the closed connections asked; the reference starts after.
        await drained(server.url);
      };
      const direct = async (): Promise<void> => {
        referenceRuns.push(await driveDirect(driver, referenceMakers[endpoint], connections, sliceOf(seconds)));
      };
      await inTurn(i, api, direct);
    }
    const productSlices = productRuns.map((r) => round(r.latencies.length / r.seconds));
    const referenceSlices = referenceRuns.map((r) => round(r.requests / r.duration_s));
    const referenceErrors = referenceRuns.reduce((t, r) => t + r.errors, 0);
    const firstError = referenceRuns.find((r) => r.first_error)?.first_error;
    return {
      product: endpointFigures(connections, productRuns),
      comparison: comparisonOf(
        connections,
        productSlices,
        referenceSlices,
        referenceRuns.flatMap((r) => r.latencies),
        referenceErrors,
        firstError,
      ),
    };
  };

  /** One connection: paired requests (see the file's comment), `slices` blocks of consecutive pairs. */
  const pairedComparison = async (endpoint: Endpoint, seconds: number): Promise<{ product: EndpointFigures; comparison: ComparisonFigures }> => {
    const run = await paired(server.url, driver, makers[endpoint], 2 * seconds, 10 * slices);
    const productSlices = blockRates(run.product, slices);
    const referenceSlices = blockRates(run.reference, slices);
    const apiSeconds = run.product.reduce((t, x) => t + x, 0) / 1000;
    const product = endpointFigures(1, [
      { seconds: apiSeconds, latencies: run.product, non2xx: run.non2xx, failures: run.failures, ...(run.firstError ? { firstError: run.firstError } : {}) },
    ]);
    return {
      product,
      comparison: comparisonOf(1, productSlices, referenceSlices, run.reference, run.referenceErrors, run.referenceFirstError),
    };
  };

  for (const endpoint of ENDPOINTS) {
    const phaseRss = sampleMax(() => server.rssMb());
    try {
      // A short warm-up (not counted): query plans cached and the JIT warm, as on a server in use; the reference's too.
      if (opts.warmupS > 0) {
        await hammer(server.url, makers[endpoint], 10, opts.warmupS);
        if ((COMPARED as Endpoint[]).includes(endpoint)) await driveDirect(driver, referenceMakers[endpoint], 10, opts.warmupS);
      }
      await drained(server.url);
      const one = await measure(endpoint, 1, opts.singleS);
      single[endpoint] = { requests: one.product.requests, p50_ms: one.product.p50_ms, p95_ms: one.product.p95_ms, rps: one.product.rps };
      opts.log(
        `api ${endpoint}, one connection: p50 ${one.product.p50_ms} ms, p95 ${one.product.p95_ms} ms, ${one.product.rps} req/s${describeComparison(one.comparison)}`,
      );
      const many = await measure(endpoint, opts.connections, opts.durationS);
      const f = many.product;
      figures[endpoint] = f;
      opts.log(
        `api ${endpoint}: p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms, p99 ${f.p99_ms} ms, ${f.rps} req/s, ${f.errors} errors${f.first_error ? ` (first: ${f.first_error})` : ''}${describeComparison(many.comparison)}`,
      );
      if (one.comparison && many.comparison) reference[endpoint as ComparedEndpoint] = { single: one.comparison, concurrent: many.comparison };
    } finally {
      rssByEndpoint[endpoint] = await phaseRss.stop();
    }
    opts.log(`api ${endpoint}: server RSS ${rssByEndpoint[endpoint]} MB at most`);
  }
  const nodeTime = await timeClientAndServer(driver, requestMakers(pools, 13).node, opts.timedCalls ?? 200);
  opts.log(
    `api node details, one at a time: Neo4j ${nodeTime.neo4j_ms_total} ms, decoding and mapping (client CPU) ${nodeTime.client_cpu_ms_total} ms (${nodeTime.client_cpu_over_neo4j}× Neo4j's), waiting ${nodeTime.waiting_ms_total} ms, wall ${nodeTime.wall_ms_total} ms`,
  );
  return {
    ...(figures as Record<Endpoint, EndpointFigures>),
    single_connection: single as Record<Endpoint, SingleFigures>,
    reference: reference as ApiFigures['reference'],
    node_details_time: nodeTime,
    reference_method: `the query functions the routes call (search, nodeDetails, neighbors), called directly on the benchmark's driver with the same requests and concurrency; at 50 connections ${slices} alternating slices per side, at 1 connection every request sent to both (order alternating) in ${slices} blocks of consecutive pairs; throughput of the median slice`,
    max_rss_mb: Math.max(...Object.values(rssByEndpoint)),
    max_rss_mb_by_endpoint: rssByEndpoint as Record<Endpoint, number>,
    rss_measured: `the server process (node server/main.ts, pid ${server.pid}) sampled every 200 ms through the whole API benchmark, warm-ups included`,
    distinct_search_terms: pools.searchTerms.length,
    distinct_node_ids: pools.nodeIds.length,
  };
}

function describeComparison(c: ComparisonFigures | undefined): string {
  return c ? `; reference (direct driver calls) ${c.reference_rps} req/s, ratio ${c.ratio}` : '';
}
