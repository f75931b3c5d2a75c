/**
 * Hands console queries to a worker thread and bounds what they can cost the API:
 *   - time: a query not answered within its timeout plus a grace for reading the
 *     result gets 504, and the worker is replaced (terminating it stops even a
 *     synchronous decode);
 *   - memory: the worker has its own heap limit; a result that exhausts it kills
 *     the worker, not the server;
 *   - size: the worker refuses answers over the byte cap.
 * One worker, started on first use; its queries run concurrently inside it.
 */
import { Worker } from 'node:worker_threads';
import type { DriverOptions } from '../../db/driver.ts';
import type { Logger } from '../../logger.ts';
import { ApiError } from '../errors.ts';
import type { ConsoleLimits, ConsoleResult } from './console.ts';
import { deserializeError, tagIntegers, type ConsoleJob, type WorkerAnswer, type WorkerSettings } from './worker-protocol.ts';

export interface ConsoleRunnerOptions {
  /** How the worker reaches Neo4j; undefined when the app has no connection details (the console answers 503). */
  connection: DriverOptions | undefined;
  database: string | undefined;
  maxResultBytes: number;
  /** The worker's old-generation heap limit. */
  workerMemoryMb: number;
  log: Logger;
}

export interface ConsoleRequest {
  query: string;
  params: Record<string, unknown>;
  rawParams?: boolean;
  limits: ConsoleLimits;
}

/** Time to read and convert a result once Neo4j has finished the query. */
const READ_GRACE_MS = 5000;

const WORKER_ENTRY = new URL('./console-worker.mjs', import.meta.url);

interface Pending {
  resolve: (result: ConsoleResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class ConsoleRunner {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly options: ConsoleRunnerOptions) {}

  run(request: ConsoleRequest): Promise<ConsoleResult> {
    const worker = this.currentWorker();
    const id = this.nextId++;
    const job: ConsoleJob = {
      id,
      query: request.query,
      params: (request.rawParams ? tagIntegers(request.params) : request.params) as Record<string, unknown>,
      rawParams: request.rawParams ?? false,
      limits: request.limits,
    };
    return new Promise<ConsoleResult>((resolve, reject) => {
      const timer = setTimeout(() => this.overran(worker, id), request.limits.timeoutMs + READ_GRACE_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage(job);
    });
  }

  private currentWorker(): Worker {
    if (this.worker) return this.worker;
    const { connection, database, maxResultBytes, workerMemoryMb } = this.options;
    if (!connection) throw new ApiError(503, 'console_unavailable', 'The Cypher console is not available: the server has no database connection details for it.');
    const settings: WorkerSettings = { connection, database, maxResultBytes };
    const worker = new Worker(WORKER_ENTRY, {
      workerData: settings,
      resourceLimits: { maxOldGenerationSizeMb: workerMemoryMb },
    });
    worker.unref(); // an idle console must not keep the process (or a test run) alive
    worker.on('message', (answer: WorkerAnswer) => this.settle(answer));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`console worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle(answer: WorkerAnswer): void {
    const pending = this.pending.get(answer.id);
    if (!pending) return; // already timed out
    this.pending.delete(answer.id);
    clearTimeout(pending.timer);
    if ('result' in answer) pending.resolve(answer.result);
    else pending.reject(deserializeError(answer.error));
  }

  /** A query outlived its timeout and the read grace: the worker is stuck reading it. */
  private overran(worker: Worker, id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.reject(new ApiError(504, 'query_timeout', 'The query or the reading of its result took longer than the allowed time and was stopped.'));
    this.options.log.warn({ queryId: id }, 'console query overran its time; replacing the console worker');
    this.replace(worker);
  }

  /** The worker died (out of memory, or terminated): whatever it held fails, the next query gets a new one. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (outOfMemory) this.options.log.warn('a console result exhausted the console worker’s memory; it will be restarted');
    else this.options.log.error({ err: error }, 'console worker stopped');
    const single = this.pending.size === 1;
    this.failAll(
      outOfMemory && single
        ? new ApiError(400, 'result_too_large', 'The result was too large to read: return fewer or smaller values.')
        : restarted(),
    );
  }

  private replace(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    this.failAll(restarted()); // other queries in the same worker go down with it
    void worker.terminate();
  }

  private failAll(error: ApiError): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }
}

function restarted(): ApiError {
  return new ApiError(503, 'console_unavailable', 'The Cypher console was restarted while this query ran; try again.', undefined, { 'Retry-After': '1' });
}
