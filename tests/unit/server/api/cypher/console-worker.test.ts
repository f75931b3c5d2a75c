/**
 * Every module a console worker loads is loaded again in each worker thread (its own heap and
 * compiled code), so the worker's module graph holds only what running a query needs: the
 * driver and the console's own modules, not the HTTP layer nor zod (a few MB in every worker).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../../../../../server/api/cypher/console-worker.cjs', import.meta.url));

/** The files a console worker has loaded once it says it is ready (its driver connects to nothing until asked). */
async function modulesOfAWorker(): Promise<string[]> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    require(${JSON.stringify(ENTRY)});
    parentPort.postMessage({ modules: Object.keys(require.cache) });
  `;
  const worker = new Worker(code, {
    eval: true,
    workerData: { connection: { uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'unused' }, database: undefined, maxResultBytes: 1024 },
  });
  try {
    return await new Promise<string[]>((resolve, reject) => {
      worker.on('message', (message: unknown) => {
        if (typeof message === 'object' && message !== null && 'modules' in message) resolve((message as { modules: string[] }).modules);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it listed its modules`)));
    });
  } finally {
    await worker.terminate();
  }
}

describe('the console worker’s modules', () => {
  it('are the driver and the console’s, without the HTTP layer or zod', async () => {
    const modules = (await modulesOfAWorker()).map((file) => file.replaceAll('\\', '/'));
    expect(modules.some((file) => file.endsWith('/server/api/cypher/console.ts'))).toBe(true);
    expect(modules.some((file) => file.includes('/node_modules/neo4j-driver/'))).toBe(true);
    expect(modules.filter((file) => /\/node_modules\/(zod|express)\//.test(file))).toEqual([]);
    expect(modules.filter((file) => /\/server\/api\/(errors\.ts|http\/)/.test(file))).toEqual([]);
  });
});
