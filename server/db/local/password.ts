import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The local database's password: NEO4J_PASSWORD when given, else one generated on
 * first start and kept in the data directory, readable by its owner only.
 */
export async function localPassword(dataDir: string, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const file = passwordFile(dataDir);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    const generated = randomBytes(18).toString('base64url');
    await writeFile(file, `${generated}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    return generated;
  }
}

export function passwordFile(dataDir: string): string {
  return path.join(dataDir, 'password');
}
