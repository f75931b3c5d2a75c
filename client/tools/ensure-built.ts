/**
 * `npm start`'s prestart: builds the viewer into client/dist when it is missing
 * or older than its sources, so `npm install && npm start` serves a current
 * page. When nothing changed it only compares modification times (a few ms).
 *
 *   tsx client/tools/ensure-built.ts [--force]
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLIENT_DIR = path.join(ROOT, 'client');
export const DIST_INDEX = path.join(CLIENT_DIR, 'dist', 'index.html');
/** What the built page depends on: its sources, its config and the installed packages. */
const INPUTS = [
  path.join(CLIENT_DIR, 'src'),
  path.join(CLIENT_DIR, 'public'),
  path.join(CLIENT_DIR, 'index.html'),
  path.join(ROOT, 'vite.config.ts'),
  path.join(ROOT, 'package-lock.json'),
  path.join(ROOT, 'server', 'contract'),
];

async function newestMtime(target: string): Promise<number> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** True when client/dist is missing or older than any input. */
export async function isStale(): Promise<boolean> {
  const built = await newestMtime(DIST_INDEX);
  if (built === 0) return true;
  const inputs = await Promise.all(INPUTS.map(newestMtime));
  return Math.max(...inputs) > built;
}

/** Builds the viewer when stale (or when forced); says what it did. */
export async function ensureBuilt(options: { force?: boolean; quiet?: boolean } = {}): Promise<'fresh' | 'built'> {
  if (!options.force && !(await isStale())) return 'fresh';
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: CLIENT_DIR, logLevel: options.quiet ? 'silent' : 'warn' });
  if (!options.quiet) console.log(`congress-graph: viewer built into client/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBuilt({ force: process.argv.includes('--force') }).catch((error: unknown) => {
    console.error(`congress-graph: could not build the viewer: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
