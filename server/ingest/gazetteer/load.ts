/** The only file I/O of ingest: read and validate data/gazetteer/*.json. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { checkGazetteer } from './check.ts';
import { GAZETTEER_FILES } from './schema.ts';
import type { Gazetteer } from './types.ts';

export async function loadGazetteer(dir: string): Promise<Gazetteer> {
  const parts: Partial<Record<keyof Gazetteer, unknown>> = {};
  for (const [key, [file, schema]] of Object.entries(GAZETTEER_FILES)) {
    const filePath = path.join(dir, file);
    let raw: string;
    try {
      raw = await readFile(filePath, 'utf8');
    } catch (err) {
      throw new Error(`gazetteer file missing: ${filePath} (${(err as Error).message})`, { cause: err });
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new Error(`gazetteer file is not JSON: ${filePath} (${(err as Error).message})`, { cause: err });
    }
    const parsed = z.array(schema as z.ZodType).safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`gazetteer file ${filePath}: entry ${issue.path.join('.')}: ${issue.message}`);
    }
    parts[key as keyof Gazetteer] = parsed.data;
  }
  const gazetteer = parts as Gazetteer;
  const problems = checkGazetteer(gazetteer);
  if (problems.length > 0) throw new Error(`gazetteer in ${dir} is inconsistent:\n  ${problems.join('\n  ')}`);
  return gazetteer;
}
