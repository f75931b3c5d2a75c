/**
 * The console's worker thread: runs user Cypher with its own driver, so that
 * decoding a huge result (one `RETURN range(1, 10000000)` takes the driver over a
 * minute of synchronous work) blocks this thread, not the API's, and a result
 * too big for memory kills this thread only. Answers are capped in size.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDriver } from '../../db/driver.ts';
import { ApiError } from '../errors.ts';
import { runConsoleQuery } from './console.ts';
import { serializeError, untagIntegers, type ConsoleJob, type WorkerAnswer, type WorkerSettings } from './worker-protocol.ts';

const settings = workerData as WorkerSettings;
const driver = createDriver(settings.connection);
const port = parentPort!;

port.on('message', (job: ConsoleJob) => {
  void answer(job).then((message) => port.postMessage(message));
});

async function answer(job: ConsoleJob): Promise<WorkerAnswer> {
  try {
    const params = job.rawParams ? (untagIntegers(job.params) as Record<string, unknown>) : job.params;
    const result = await runConsoleQuery(driver, job.query, params, { database: settings.database, limits: job.limits, rawParams: job.rawParams });
    const bytes = Buffer.byteLength(JSON.stringify(result));
    if (bytes > settings.maxResultBytes) {
      throw new ApiError(400, 'result_too_large', `The result is ${mb(bytes)} MB, more than the ${mb(settings.maxResultBytes)} MB a console answer may hold: return fewer or smaller values.`, {
        bytes,
        limit: settings.maxResultBytes,
      });
    }
    return { id: job.id, result };
  } catch (error) {
    return { id: job.id, error: serializeError(error) };
  }
}

function mb(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}
