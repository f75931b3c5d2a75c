/**
 * A console worker thread: runs one user query at a time with its own driver, so
 * that decoding a huge result (one `UNWIND range(1, 10000000) AS x RETURN
 * collect(x)` takes the driver over a minute of synchronous work) blocks this
 * thread, not the API's, and a stuck or overrunning query can be stopped by
 * terminating this thread without touching any other query. Answers are capped
 * in size and leave as the bytes of their JSON, serialised here once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDriver } from '../../db/driver.ts';
import { ApiError } from '../../contract/errors.ts';
import { runConsoleQuery } from './console.ts';
import { serializeError, untagIntegers, WORKER_READY, type ConsoleJob, type WorkerAnswer, type WorkerSettings } from './worker-protocol.ts';

const settings = workerData as WorkerSettings;
const driver = createDriver(settings.connection);
const port = parentPort!;

port.on('message', (job: ConsoleJob) => {
  void answer(job).then((message) => port.postMessage(message, 'body' in message ? [message.body] : []));
});
// Loading this thread's modules takes a while on a busy machine: that time is not the query's.
port.postMessage(WORKER_READY);

async function answer(job: ConsoleJob): Promise<WorkerAnswer> {
  try {
    const params = job.rawParams ? (untagIntegers(job.params) as Record<string, unknown>) : job.params;
    const result = await runConsoleQuery(driver, job.query, params, { database: settings.database, limits: job.limits, rawParams: job.rawParams });
    const bytes = new TextEncoder().encode(JSON.stringify(result)); // its own ArrayBuffer, so it can be transferred
    if (bytes.byteLength > settings.maxResultBytes) {
      throw new ApiError(
        400,
        'result_too_large',
        `The result is ${mb(bytes.byteLength)} MB, more than the ${mb(settings.maxResultBytes)} MB a console answer may hold: return fewer or smaller values.`,
        {
          bytes: bytes.byteLength,
          limit: settings.maxResultBytes,
        },
      );
    }
    return { id: job.id, body: bytes.buffer as ArrayBuffer };
  } catch (error) {
    return { id: job.id, error: serializeError(error) };
  }
}

function mb(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}
