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
 * At one connection the two alternate request by request instead (paired() below:
 * each request is sent to the API and called directly, in alternating order), and the
 * slices are blocks of consecutive pairs: a request's time depends far more on what is
 * asked (a hub or a leaf, a common word or a rare one) than on the path it takes, and
 * slices of a few seconds at 10-30 requests a second held too few requests for their
 * medians to compare anything but which requests each side happened to draw.
 *
 * A third side, when given, is the HTTP floor (http-floor.ts): a bare node:http server
 * around the same functions, in its own process. It takes its turn in the same slices and
 * pairs (then triples), so each comparison also says what HTTP itself costs on the machine
 * (floor ÷ reference) and what the product's own layer adds to it (product ÷ floor). At one
 * connection the floor's answers also say how long it worked on them (Server-Timing), so the
 * time outside its handler, the hop, is measured too: a direct call's time over that time plus
 * the hop is the best ratio any HTTP server could reach here (the ceiling).
 */
import http from 'node:http';
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { driveDirect, timeClientAndServer, type ClientServerTime } from './api-reference.ts';
import { floorServerMs } from './http-floor.ts';
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

/** The HTTP floor at one concurrency, measured in turn with the API and the reference. */
export interface FloorFigures {
  rps: number;
  slices_rps: number[];
  p50_ms: number;
  p95_ms: number;
  errors: number;
  /** floor ÷ reference: what a bare HTTP server around the same functions keeps of the direct calls' throughput. */
  ratio: number;
  /** product ÷ floor: what the product's own HTTP layer keeps of the floor's. */
  product_ratio: number;
  /**
   * One connection: the mean time (ms) a request spent outside the floor's handler (the client's
   * time less the floor's Server-Timing): loopback, both sides' HTTP parsing, the processes waking.
   */
  hop_ms?: number;
  /**
   * One connection: the direct calls' mean time ÷ (that + hop_ms), the throughput ratio of an HTTP
   * server whose handler cost no more than the direct call: the best any could reach here.
   */
  ceiling?: number;
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
  /** The HTTP floor, when it was measured. */
  floor?: FloorFigures;
}

/** One side's runs as the comparison reads them: throughput per slice, every latency (ms), errors. */
export interface SideRuns {
  slices: number[];
  latencies: number[];
  errors: number;
  firstError?: string | undefined;
  /** ms per request outside the server's handler, where the server said its time (the floor, at one connection). */
  hops?: number[];
}

export type ComparedEndpoint = 'search' | 'node' | 'neighbors';

/**
 * The comparison of one endpoint at one concurrency from each side's runs (throughput per
 * slice in requests per second, latencies in ms in any order): the ratios of the slices'
 * medians, the product's to the reference's and, with a floor, the floor's to each; with the
 * floor's hops, their mean and the ceiling they leave (FloorFigures).
 */
export function comparisonOf(connections: number, product: SideRuns, reference: SideRuns, floor?: SideRuns): ComparisonFigures {
  const productRps = median(product.slices);
  const referenceRps = median(reference.slices);
  const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
  const latencies = sorted(reference.latencies);
  const share = (a: number, b: number): number => round(b > 0 ? a / b : 0, 2);
  const mean = (xs: readonly number[]): number => xs.reduce((t, x) => t + x, 0) / xs.length;
  const floorFigures = (f: SideRuns): FloorFigures => {
    const rps = median(f.slices);
    const fl = sorted(f.latencies);
    const hop = f.hops?.length && reference.latencies.length ? mean(f.hops) : undefined;
    const direct = reference.latencies.length ? mean(reference.latencies) : 0;
    return {
      rps: round(rps),
      slices_rps: f.slices,
      p50_ms: round(percentile(fl, 50)),
      p95_ms: round(percentile(fl, 95)),
      errors: f.errors,
      ratio: share(rps, referenceRps),
      product_ratio: share(productRps, rps),
      ...(hop === undefined ? {} : { hop_ms: round(hop, 2), ceiling: share(direct, direct + hop) }),
    };
  };
  return {
    connections,
    product_rps: round(productRps),
    reference_rps: round(referenceRps),
    ratio: share(productRps, referenceRps),
    product_slices_rps: product.slices,
    reference_slices_rps: reference.slices,
    reference_p50_ms: round(percentile(latencies, 50)),
    reference_p95_ms: round(percentile(latencies, 95)),
    reference_errors: reference.errors,
    ...(reference.firstError ? { reference_first_error: reference.firstError } : {}),
    ...(floor ? { floor: floorFigures(floor) } : {}),
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

/** One HTTP side of a one-at-a-time run: ms per request (to the answer's last byte, in the order sent) and its errors. */
interface HttpTimes {
  times: number[];
  /** ms outside the server's handler, for the answers that said the server's time (the floor's). */
  hops: number[];
  non2xx: number;
  /** Socket errors (counted, with the time to the error). */
  failures: number;
  firstError?: string;
}

/** One request at a time, each sent to the API (and the floor) and called directly: the times of each side, request by request. */
interface PairedRun {
  product: HttpTimes;
  floor?: HttpTimes;
  /** ms per direct call, in the order made. */
  reference: number[];
  referenceErrors: number;
  referenceFirstError?: string;
}

/** One answer as a one-at-a-time side records it: status (0 for a socket error), ms to its last byte, its first 200 characters, the server's own ms when it said (floorServerMs). */
interface TimedAnswer {
  status: number;
  ms: number;
  body: string;
  serverMs?: number | undefined;
}

/** GET `path` on one keep-alive connection. */
function timedGet(agent: http.Agent, url: string, path: string): Promise<TimedAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}${path}`, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          body: Buffer.concat(chunks).toString('utf8', 0, 200),
          serverMs: floorServerMs(res.headers['server-timing']),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** A side that GETs on its own keep-alive connection to `url`, recording into `into`. */
function httpSide(url: string, into: HttpTimes): { get(path: string): Promise<void>; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    async get(path) {
      const t0 = performance.now();
      const answer = await timedGet(agent, url, path).catch((error: unknown): TimedAnswer => {
        into.failures += 1;
        into.firstError ??= `GET ${path}: ${error instanceof Error ? error.message : String(error)}`;
        return { status: 0, ms: performance.now() - t0, body: '' };
      });
      into.times.push(answer.ms);
      if (answer.serverMs !== undefined) into.hops.push(answer.ms - answer.serverMs);
      if (answer.status !== 0 && (answer.status < 200 || answer.status >= 300)) {
        into.non2xx += 1;
        into.firstError ??= `${answer.status} to GET ${path}: ${answer.body}`;
      }
    },
    close: () => agent.destroy(),
  };
}

/**
 * For `durationS` seconds (all sides together, and at least `minPairs` requests), draw a
 * request, send it to the API over one keep-alive HTTP connection, to the floor (when
 * `floorUrl` is given) over another, and call its direct function on `driver`, the sides in
 * turn (inTurn: each takes each place equally often), so that all take the same requests
 * at nearly the same moment.
 */
async function paired(
  url: string,
  floorUrl: string | undefined,
  driver: Driver,
  make: () => BenchRequest,
  durationS: number,
  minPairs: number,
): Promise<PairedRun> {
  const none = (): HttpTimes => ({ times: [], hops: [], non2xx: 0, failures: 0 });
  const run: PairedRun = { product: none(), ...(floorUrl ? { floor: none() } : {}), reference: [], referenceErrors: 0 };
  const api = httpSide(url, run.product);
  const floor = floorUrl && run.floor ? httpSide(floorUrl, run.floor) : undefined;
  const deadline = performance.now() + durationS * 1000;
  try {
    for (let i = 0; performance.now() < deadline || i < minPairs; i++) {
      const request = make();
      if (!request.direct) throw new Error(`${request.path} has no direct call to compare with`);
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
      const viaApi = (): Promise<void> => api.get(request.path);
      await inTurn(i, ...(floor ? [viaApi, () => floor.get(request.path), direct] : [viaApi, direct]));
    }
  } finally {
    api.close();
    floor?.close();
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
  /** The HTTP floor's server (http-floor.ts), measured in turn with the API and the reference when given. */
  floorUrl?: string;
  log: (line: string) => void;
}

export async function benchApi(driver: Driver, server: BenchServer, opts: ApiBenchOptions): Promise<ApiFigures> {
  const pools = await requestPools(driver);
  // The API and its reference each draw from their own generator with the same seed: the same requests in the same order.
  const makers = requestMakers(pools);
  const referenceMakers = requestMakers(pools);
  const floorMakers = requestMakers(pools);
  const floorUrl = opts.floorUrl;
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
    const floorRuns: HammerRun[] = [];
    const referenceRuns: Awaited<ReturnType<typeof driveDirect>>[] = [];
    const viaHttp = (url: string, make: () => BenchRequest, into: HammerRun[]) => async (): Promise<void> => {
      into.push(await hammer(url, make, connections, sliceOf(seconds)));
      // The server is still answering what the closed connections asked; the next side starts after.
      await drained(url);
    };
    const api = viaHttp(server.url, makers[endpoint], productRuns);
    const direct = async (): Promise<void> => {
      referenceRuns.push(await driveDirect(driver, referenceMakers[endpoint], connections, sliceOf(seconds)));
    };
    const sides = floorUrl ? [api, viaHttp(floorUrl, floorMakers[endpoint], floorRuns), direct] : [api, direct];
    for (let i = 0; i < slices; i++) await inTurn(i, ...sides);
    const hammered = (runs: HammerRun[]): SideRuns => ({
      slices: runs.map((r) => round(r.latencies.length / r.seconds)),
      latencies: runs.flatMap((r) => r.latencies),
      errors: runs.reduce((t, r) => t + r.non2xx + r.failures, 0),
      firstError: runs.find((r) => r.firstError)?.firstError,
    });
    const referenceSide: SideRuns = {
      slices: referenceRuns.map((r) => round(r.requests / r.duration_s)),
      latencies: referenceRuns.flatMap((r) => r.latencies),
      errors: referenceRuns.reduce((t, r) => t + r.errors, 0),
      firstError: referenceRuns.find((r) => r.first_error)?.first_error,
    };
    return {
      product: endpointFigures(connections, productRuns),
      comparison: comparisonOf(connections, hammered(productRuns), referenceSide, floorUrl ? hammered(floorRuns) : undefined),
    };
  };

  /** One connection: requests sent to every side in turn (see the file's comment), `slices` blocks of consecutive ones. */
  const pairedComparison = async (endpoint: Endpoint, seconds: number): Promise<{ product: EndpointFigures; comparison: ComparisonFigures }> => {
    const sides = floorUrl ? 3 : 2;
    const run = await paired(server.url, floorUrl, driver, makers[endpoint], sides * seconds, 10 * slices);
    const timed = (t: HttpTimes): SideRuns => ({
      slices: blockRates(t.times, slices),
      latencies: t.times,
      errors: t.non2xx + t.failures,
      firstError: t.firstError,
      hops: t.hops,
    });
    const apiSeconds = run.product.times.reduce((t, x) => t + x, 0) / 1000;
    const product = endpointFigures(1, [
      {
        seconds: apiSeconds,
        latencies: run.product.times,
        non2xx: run.product.non2xx,
        failures: run.product.failures,
        ...(run.product.firstError ? { firstError: run.product.firstError } : {}),
      },
    ]);
    const referenceSide: SideRuns = {
      slices: blockRates(run.reference, slices),
      latencies: run.reference,
      errors: run.referenceErrors,
      firstError: run.referenceFirstError,
    };
    return { product, comparison: comparisonOf(1, timed(run.product), referenceSide, run.floor ? timed(run.floor) : undefined) };
  };

  for (const endpoint of ENDPOINTS) {
    const phaseRss = sampleMax(() => server.rssMb());
    try {
      // A short warm-up (not counted): query plans cached and the JIT warm, as on a server in use; the reference's too.
      if (opts.warmupS > 0) {
        await hammer(server.url, makers[endpoint], 10, opts.warmupS);
        if ((COMPARED as Endpoint[]).includes(endpoint)) {
          await driveDirect(driver, referenceMakers[endpoint], 10, opts.warmupS);
          if (floorUrl) await hammer(floorUrl, floorMakers[endpoint], 10, opts.warmupS);
        }
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
    reference_method: `the query functions the routes call (search, nodeDetails, neighbors), called directly on the benchmark's driver with the same requests and concurrency; at 50 connections ${slices} alternating slices per side, at 1 connection every request sent to each side (in turn) in ${slices} blocks of consecutive requests; throughput of the median slice${floorUrl ? '. The HTTP floor (a bare node:http server around the same functions, its own process) takes its turn in the same slices and requests' : ''}`,
    max_rss_mb: Math.max(...Object.values(rssByEndpoint)),
    max_rss_mb_by_endpoint: rssByEndpoint as Record<Endpoint, number>,
    rss_measured: `the server process (node server/main.ts, pid ${server.pid}) sampled every 200 ms through the whole API benchmark, warm-ups included`,
    distinct_search_terms: pools.searchTerms.length,
    distinct_node_ids: pools.nodeIds.length,
  };
}

function describeComparison(c: ComparisonFigures | undefined): string {
  if (!c) return '';
  const f = c.floor;
  const hop = f?.hop_ms === undefined ? '' : `, hop ${f.hop_ms} ms, ceiling ${f.ceiling}`;
  const floor = f ? `; HTTP floor ${f.rps} req/s (floor ÷ reference ${f.ratio}, product ÷ floor ${f.product_ratio}${hop})` : '';
  return `; reference (direct driver calls) ${c.reference_rps} req/s, ratio ${c.ratio}${floor}`;
}
