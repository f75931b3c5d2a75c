/**
 * `npm run dev`: the viewer with hot reload on http://127.0.0.1:5173, its /api
 * proxied to the API. When no API answers at API_URL (default
 * http://127.0.0.1:3000) it starts one (`server/main.ts`, with its own Neo4j)
 * and stops it on exit.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { spawnServer, waitUntilHealthy, type ServerProcess } from '../../scripts/server-process.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const API_URL = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

async function apiAnswers(): Promise<boolean> {
  try {
    const response = await fetch(`${API_URL}/api/health`, { signal: AbortSignal.timeout(1500) });
    return response.status < 500 || response.status === 503;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  let api: ServerProcess | undefined;
  if (!(await apiAnswers())) {
    console.log(`dev: no API at ${API_URL}; starting server/main.ts`);
    api = await spawnServer({ env: { HOST: process.env.HOST ?? '127.0.0.1', PORT: process.env.PORT ?? '3000' }, output: 'inherit' });
    // Answering is enough (a 503 while its database starts): the viewer shows the state.
    await waitUntilHealthy(api, 300_000, { anyAnswer: true });
  }
  const apiUrl = api?.url ?? API_URL;
  process.env.API_URL = apiUrl;
  const vite = await createServer({ configFile: path.join(ROOT, 'vite.config.ts'), root: path.join(ROOT, 'client') });
  await vite.listen();
  vite.printUrls();
  console.log(`dev: /api is proxied to ${apiUrl}`);
  const stop = async () => {
    await vite.close();
    await api?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
