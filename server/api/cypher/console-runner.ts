/**
 * Runs console queries in a pool of worker threads, one query per worker at a
 * time, so that one client's query can fail only itself:
 *   - time: a query not answered within its timeout plus a grace for reading the
 *     result gets 504, and its worker (and so its driver connection, and a
 *     synchronous decode in progress) is terminated; the other workers and their
 *     queries go on, and a fresh worker takes the slot;
 *   - memory: each worker has its own heap limit; a result that exhausts it kills
 *     that worker only (400 result_too_large);
 *   - size: the worker refuses answers over the byte cap;
 *   - concurrency: at most `concurrency` queries run at once, the rest wait in a
 *     queue of at most `queueLimit` (503 console_busy past it, or when no worker
 *     freed within the longest a query may hold one); one client may have at most `perClient` queries
 *     running or waiting (429 too_many_queries past it).
 * Workers start on first use and stay for the next query. The first slot's worker stays for
 * good (a console user's next query does not wait for a thread to load); the others, started
 * for a burst of queries at once, are stopped after `idleMs` without a query, which gives their
 * memory back (each idle worker holds about 30 MB of RSS: its own V8 heap, the driver and the
 * compiled modules, which is why the worker loads only what a query needs: the driver and the
 * console's modules, not the HTTP layer nor zod); `releaseIdle` stops them at once when the
 * server needs the memory for something else (a graph answer).
 */
import { Worker } from 'node:worker_threads';
import type { DriverOptions } from '../../db/driver.ts';
import type { Logger } from '../../logger.ts';
import { ApiError } from '../errors.ts';
import type { ConsoleLimits } from './console.ts';
import { deserializeError, tagIntegers, WORKER_READY, type ConsoleJob, type WorkerAnswer, type WorkerSettings } from './worker-protocol.ts';

export interface ConsoleRunnerOptions {
  /** How the workers reach Neo4j; undefined when the app has no connection details (the console answers 503). */
  connection: DriverOptions | undefined;
  database: string | undefined;
  maxResultBytes: number;
  /** Each worker's old-generation heap limit. */
  workerMemoryMb: number;
  /** Queries running at once (one worker each). */
  concurrency: number;
  /** Queries one client may have running or waiting (0: no bound). */
  perClient: number;
  /** Queries that may wait for a worker. */
  queueLimit: number;
  /** Milliseconds a worker other than the first may stay without a query before it is stopped (0: never). */
  idleMs?: number;
  log: Logger;
  /** The worker's module (default console-worker.cjs); tests run the pool on a scripted worker. */
  workerEntry?: URL;
}

export interface ConsoleRequest {
  query: string;
  params: Record<string, unknown>;
  rawParams?: boolean;
  limits: ConsoleLimits;
  /** Who asks (the client's address), for the per-client bound. */
  client: string;
}

/** The answer's JSON, as UTF-8 bytes: send it as it is. */
export interface ConsoleAnswer {
  body: Buffer;
}

/** Time to read and convert a result once Neo4j has finished the query. */
export const READ_GRACE_MS = 5000;
/** Time a new worker may take to load before its query fails (503). */
const WORKER_START_MS = 60_000;

const WORKER_ENTRY = new URL('./console-worker.cjs', import.meta.url);
/**
 * Each worker's young generation (MB). V8 sizes an isolate's young generation from the
 * machine's memory (tens of MB each), and a worker whose answers are capped at
 * `maxResultBytes` gains nothing from it but resident pages: with four workers under the
 * benchmark's 50 connections they held most of the console's RSS.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

interface Job {
  id: number;
  request: ConsoleRequest;
  resolve: (answer: ConsoleAnswer) => void;
  reject: (error: Error) => void;
  /** While queued: gives up when no worker frees in time. */
  waitTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker | undefined;
  /** True once the worker has loaded (its first message). */
  ready: boolean;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
  /** While the worker waits for a query: stops it after `idleMs` (not in the first slot). */
  idleTimer: NodeJS.Timeout | undefined;
}

export class ConsoleRunner {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly perClient = new Map<string, number>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ConsoleRunnerOptions) {
    this.slots = Array.from({ length: Math.max(1, options.concurrency) }, () => ({
      worker: undefined,
      ready: false,
      job: undefined,
      timer: undefined,
      idleTimer: undefined,
    }));
  }

  /** Worker threads alive now (running a query, loading, or waiting for one). */
  get workers(): number {
    return this.slots.filter((s) => s.worker !== undefined).length;
  }

  /** Runs a query; rejects with an ApiError the error handler turns into the answer. */
  run(request: ConsoleRequest): Promise<ConsoleAnswer> {
    if (!this.options.connection || this.closed) {
      return Promise.reject(
        new ApiError(503, 'console_unavailable', 'The Cypher console is not available: the server has no database connection details for it.'),
      );
    }
    const mine = this.perClient.get(request.client) ?? 0;
    if (this.options.perClient > 0 && mine >= this.options.perClient) {
      return Promise.reject(
        new ApiError(
          429,
          'too_many_queries',
          `You already have ${mine} console queries running or waiting; at most ${this.options.perClient} at a time. Wait for one to finish.`,
          { limit: this.options.perClient },
          { 'Retry-After': '1' },
        ),
      );
    }
    // A free slot whose worker is loaded first: a query never waits for a thread to load while one is idle.
    const free = this.slots.find((s) => s.job === undefined && s.worker !== undefined && s.ready) ?? this.slots.find((s) => s.job === undefined);
    if (!free && this.queue.length >= this.options.queueLimit) {
      return Promise.reject(busy('The Cypher console is busy with other queries; try again shortly.'));
    }
    this.perClient.set(request.client, mine + 1);
    return new Promise<ConsoleAnswer>((resolve, reject) => {
      const job: Job = { id: this.nextId++, request, resolve, reject };
      if (free) this.start(free, job);
      else {
        job.waitTimer = setTimeout(() => {
          const at = this.queue.indexOf(job);
          if (at < 0) return;
          this.queue.splice(at, 1);
          this.finish(job, busy('The Cypher console was busy with other queries for longer than a query may run; try again shortly.'));
        }, request.limits.timeoutMs + READ_GRACE_MS); // the longest a running query can hold a worker
        this.queue.push(job);
      }
    });
  }

  /** Stops every worker (queries in flight get 503); for shutdown and tests. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job, unavailable());
    await Promise.all(
      this.slots.map(async (slot) => {
        const { worker, job } = slot;
        clearTimeout(slot.idleTimer);
        slot.worker = undefined;
        if (job) this.release(slot, job, unavailable());
        await worker?.terminate();
      }),
    );
  }

  /** Gives the slot this job: at once when its worker is ready, else once the new worker has loaded. */
  private start(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    slot.job = job;
    if (slot.worker && slot.ready) {
      this.post(slot, slot.worker, job);
      return;
    }
    try {
      if (!slot.worker) this.spawn(slot);
    } catch (error) {
      this.release(slot, job, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const worker = slot.worker!;
    slot.timer = setTimeout(() => {
      if (slot.job !== job || slot.ready) return;
      slot.worker = undefined;
      this.options.log.error('a console worker did not load in time');
      this.release(slot, job, unavailable());
      void worker.terminate();
    }, WORKER_START_MS);
  }

  /** Sends the job to a ready worker and starts its clock. */
  private post(slot: Slot, worker: Worker, job: Job): void {
    const { request } = job;
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.overran(slot, job), request.limits.timeoutMs + READ_GRACE_MS);
    const message: ConsoleJob = {
      id: job.id,
      query: request.query,
      params: (request.rawParams ? tagIntegers(request.params) : request.params) as Record<string, unknown>,
      rawParams: request.rawParams ?? false,
      limits: request.limits,
    };
    worker.postMessage(message);
  }

  private spawn(slot: Slot): Worker {
    const { connection, database, maxResultBytes, workerMemoryMb } = this.options;
    const settings: WorkerSettings = { connection: connection!, database, maxResultBytes };
    const worker = new Worker(this.options.workerEntry ?? WORKER_ENTRY, {
      workerData: settings,
      resourceLimits: { maxOldGenerationSizeMb: workerMemoryMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    worker.unref(); // an idle console must not keep the process (or a test run) alive
    worker.on('message', (answer: WorkerAnswer | typeof WORKER_READY) => {
      if (answer !== WORKER_READY) return this.settle(slot, worker, answer);
      if (slot.worker !== worker) return;
      slot.ready = true;
      if (slot.job) this.post(slot, worker, slot.job);
    });
    worker.on('error', (error) => this.lost(slot, worker, error));
    worker.on('exit', (code) => this.lost(slot, worker, new Error(`console worker exited with code ${code}`)));
    slot.worker = worker;
    slot.ready = false;
    return worker;
  }

  private settle(slot: Slot, worker: Worker, answer: WorkerAnswer): void {
    const job = slot.job;
    if (slot.worker !== worker || !job || job.id !== answer.id) return; // already timed out
    if ('body' in answer) this.release(slot, job, undefined, { body: Buffer.from(answer.body) });
    else this.release(slot, job, deserializeError(answer.error));
  }

  /** The query outlived its timeout and the read grace: stop its worker, and only it. */
  private overran(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    const worker = slot.worker;
    slot.worker = undefined; // the next query in this slot gets a fresh worker
    this.options.log.warn({ queryId: job.id }, 'console query overran its time; stopping its worker');
    this.release(slot, job, new ApiError(504, 'query_timeout', 'The query or the reading of its result took longer than the allowed time and was stopped.'));
    void worker?.terminate();
  }

  /** The worker died (out of memory, or an error): its query fails, the slot gets a new worker when next used. */
  private lost(slot: Slot, worker: Worker, error: Error): void {
    if (slot.worker !== worker) return; // replaced or terminated on purpose
    slot.worker = undefined;
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (outOfMemory) this.options.log.warn('a console result exhausted its worker’s memory; that worker is replaced');
    else this.options.log.error({ err: error }, 'console worker stopped');
    const job = slot.job;
    if (job) {
      this.release(
        slot,
        job,
        outOfMemory ? new ApiError(400, 'result_too_large', 'The result was too large to read: return fewer or smaller values.') : unavailable(),
      );
    }
  }

  /** Ends a running job, frees its slot and starts the next waiting one. */
  private release(slot: Slot, job: Job, error: Error | undefined, answer?: ConsoleAnswer): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    this.finish(job, error, answer);
    const next = this.queue.shift();
    if (next && !this.closed) {
      clearTimeout(next.waitTimer);
      this.start(slot, next);
    } else this.retireWhenIdle(slot);
  }

  /**
   * Stops at once every worker beyond the first that has no query, as `idleMs` would a little
   * later: for the server's own memory-hungry work (a graph answer, routes/graph.ts), so that
   * the workers of a finished burst of console queries do not hold their memory beside it.
   * A worker running or about to run a query is left alone, and the next burst starts fresh
   * workers as usual. Returns how many were stopped.
   */
  releaseIdle(): number {
    let stopped = 0;
    for (const slot of this.slots.slice(1)) {
      if (slot.worker && !slot.job) {
        this.retire(slot, slot.worker);
        stopped += 1;
      }
    }
    return stopped;
  }

  /** Stops the slot's worker once it has had no query for `idleMs` (never the first slot's). */
  private retireWhenIdle(slot: Slot): void {
    const idleMs = this.options.idleMs ?? 0;
    if (idleMs <= 0 || slot === this.slots[0] || !slot.worker) return;
    const worker = slot.worker;
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = undefined;
      if (slot.worker !== worker || slot.job) return;
      this.retire(slot, worker);
    }, idleMs);
    slot.idleTimer.unref();
  }

  /** Stops an idle slot's worker; the slot starts a new one for its next query. */
  private retire(slot: Slot, worker: Worker): void {
    clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    slot.worker = undefined; // set first: its exit is then not a loss
    slot.ready = false;
    void worker.terminate();
  }

  private finish(job: Job, error: Error | undefined, answer?: ConsoleAnswer): void {
    clearTimeout(job.waitTimer);
    const client = job.request.client;
    const left = (this.perClient.get(client) ?? 1) - 1;
    if (left > 0) this.perClient.set(client, left);
    else this.perClient.delete(client);
    if (error) job.reject(error);
    else job.resolve(answer!);
  }
}

function busy(message: string): ApiError {
  return new ApiError(503, 'console_busy', message, undefined, { 'Retry-After': '2' });
}

function unavailable(): ApiError {
  return new ApiError(503, 'console_unavailable', 'The Cypher console stopped while this query ran; try again.', undefined, { 'Retry-After': '1' });
}
