/**
 * The API's reference: the query functions its routes call (search, nodeDetails,
 * neighbors), called directly on a neo4j-driver in the benchmark's process with the
 * same parameters, at the same concurrency, with no HTTP, routing, validation or
 * JSON in between. What the API adds to these is its own overhead per request.
 */
import type { Driver } from 'neo4j-driver';
import { observedDriver } from '../../server/db/observed.ts';
import type { BenchRequest } from './api-requests.ts';

/** What `concurrency` callers, each calling again as soon as its last call returned, did in `durationS` seconds. */
export interface DirectRun {
  concurrency: number;
  duration_s: number;
  requests: number;
  errors: number;
  /** First error's message, to tell what failed. */
  first_error?: string;
  /** Latencies of every call, in ms, sorted. */
  latencies: number[];
}

/**
 * Keep `concurrency` calls in flight for `durationS` seconds, each drawing a new
 * request from `make` (which must give requests with `direct`). Calls that throw
 * count as errors; a call under way at the deadline is awaited and counted.
 */
export async function driveDirect(driver: Driver, make: () => BenchRequest, concurrency: number, durationS: number): Promise<DirectRun> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + durationS * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const request = make();
      if (!request.direct) throw new Error(`${request.path} has no direct call to compare with`);
      const t0 = performance.now();
      try {
        await request.direct(driver);
      } catch (error) {
        errors += 1;
        firstError ??= `${request.path}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    duration_s: (performance.now() - started) / 1000,
    requests: latencies.length,
    errors,
    ...(firstError ? { first_error: firstError } : {}),
    latencies,
  };
}

/**
 * Where the time of a query function goes: Neo4j's own time, the client's CPU (the driver's
 * encoding, socket writes and decoding, the mapping to the answer, GC) and the rest, waiting
 * (to be scheduled on a busy machine, for bytes in flight).
 */
export interface ClientServerTime {
  calls: number;
  /** The calls' wall time, summed. */
  wall_ms_total: number;
  /** What Neo4j reports for the calls' queries (result available after + consumed after), summed. */
  neo4j_ms_total: number;
  /** Wall time minus Neo4j's: the client's CPU and every wait (Bolt, scheduling) together. */
  client_ms_total: number;
  client_over_neo4j: number;
  /** CPU time (user + system) of this process during the calls: decoding and mapping as they cost the client. */
  client_cpu_ms_total: number;
  /** client_cpu_ms_total ÷ neo4j_ms_total (the target: under 2). */
  client_cpu_over_neo4j: number;
  /** Wall time neither on Neo4j's clock nor on this process's CPU: waiting to be scheduled, bytes in flight. */
  waiting_ms_total: number;
  wall_ms_p50: number;
}

/**
 * Call `make()`'s direct function `calls` times, one at a time, on a driver that adds
 * up what Neo4j reports of each query's time (`resultAvailableAfter` +
 * `resultConsumedAfter` of the summary, server-side milliseconds), and read this
 * process's CPU time around each call (`process.cpuUsage`; the process does nothing
 * else meanwhile). On a busy machine wall minus Neo4j's time is mostly waiting to be
 * scheduled; the CPU figure is what decoding and mapping cost.
 */
export async function timeClientAndServer(driver: Driver, make: () => BenchRequest, calls: number): Promise<ClientServerTime> {
  let neo4jMs = 0;
  const timed = withQueryTimes(driver, (ms) => (neo4jMs += ms));
  const walls: number[] = [];
  let wall = 0;
  let cpuMs = 0;
  for (let i = 0; i < calls; i++) {
    const request = make();
    if (!request.direct) throw new Error(`${request.path} has no direct call to time`);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await request.direct(timed).catch(() => undefined);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuMs += (cpu.user + cpu.system) / 1000;
    walls.push(ms);
    wall += ms;
  }
  walls.sort((a, b) => a - b);
  const client = Math.max(0, wall - neo4jMs);
  const ratio = (x: number): number => (neo4jMs > 0 ? Math.round((x / neo4jMs) * 100) / 100 : 0);
  return {
    calls,
    wall_ms_total: Math.round(wall),
    neo4j_ms_total: Math.round(neo4jMs),
    client_ms_total: Math.round(client),
    client_over_neo4j: ratio(client),
    client_cpu_ms_total: Math.round(cpuMs),
    client_cpu_over_neo4j: ratio(cpuMs),
    waiting_ms_total: Math.round(Math.max(0, wall - neo4jMs - cpuMs)),
    wall_ms_p50: Math.round((walls[Math.floor(walls.length / 2)] ?? 0) * 10) / 10,
  };
}

/** The driver, with every query reporting Neo4j's time for it once its result is in. */
function withQueryTimes(driver: Driver, onQuery: (ms: number) => void): Driver {
  return observedDriver(driver, (_query, summary) => onQuery(summary.resultAvailableAfter.toNumber() + summary.resultConsumedAfter.toNumber()));
}
