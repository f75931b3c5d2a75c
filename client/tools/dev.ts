/**
 * `npm run dev`: the viewer with hot reload on http://127.0.0.1:5173, its /api
 * proxied to the API. When no API answers at API_URL (default
 * http://127.0.0.1:3000) it starts one (`server/main.ts`, with its own Neo4j)
 * and stops it on exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

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
  let api: ChildProcess | undefined;
  if (!(await apiAnswers())) {
    console.log(`dev: no API at ${API_URL}; starting server/main.ts`);
    api = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], { cwd: ROOT, stdio: 'inherit', env: process.env });
    const deadline = Date.now() + 300_000;
    while (!(await apiAnswers())) {
      if (api.exitCode !== null) throw new Error('the API server exited during start-up');
      if (Date.now() > deadline) throw new Error('the API server did not answer within 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  process.env.API_URL = API_URL;
  const vite = await createServer({ configFile: path.join(ROOT, 'vite.config.ts'), root: path.join(ROOT, 'client') });
  await vite.listen();
  vite.printUrls();
  console.log(`dev: /api is proxied to ${API_URL}`);
  const stop = async () => {
    await vite.close();
    if (api && api.exitCode === null) {
      api.kill('SIGINT');
      await new Promise((resolve) => api!.once('exit', resolve));
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
