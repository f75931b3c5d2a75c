/**
 * A bounded number of one kind of costly work at a time, and a bounded queue of
 * callers waiting for their turn: past both, a caller is turned away at once with a
 * 503 and Retry-After instead of waiting (and holding its request's memory) for a
 * slot it would get only after its client gave up.
 */
import pLimit from 'p-limit';
import { ApiError } from '../../contract/errors.ts';

export interface Slots {
  /**
   * Run `work` when a slot is free (at once if one is). Throws ApiError 503
   * (`code`, with Retry-After) without running it when `concurrency` calls are
   * running and `queue` more are waiting.
   */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Calls running now. */
  readonly active: number;
  /** Calls waiting for a slot now. */
  readonly waiting: number;
}

export interface SlotsOptions {
  /** Calls at once (≥ 1). */
  concurrency: number;
  /** Calls that may wait for a slot (≥ 0); one more is refused. */
  queue: number;
  /** The 503's error code and message, and its Retry-After in seconds. */
  code: string;
  message: string;
  retryAfterS: number;
}

export function boundedSlots(options: SlotsOptions): Slots {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new RangeError(`concurrency must be a positive integer, not ${options.concurrency}`);
  if (!Number.isInteger(options.queue) || options.queue < 0) throw new RangeError(`queue must be a whole number, not ${options.queue}`);
  const limit = pLimit(options.concurrency);
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      if (limit.activeCount + limit.pendingCount >= options.concurrency + options.queue) {
        const details = { running: limit.activeCount, waiting: limit.pendingCount };
        return Promise.reject(new ApiError(503, options.code, options.message, details, { 'Retry-After': String(options.retryAfterS) }));
      }
      return limit(work);
    },
    get active() {
      return limit.activeCount;
    },
    get waiting() {
      return limit.pendingCount;
    },
  };
}
