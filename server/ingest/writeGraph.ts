/** Writing graph.json atomically: a temporary file beside the target, then a rename, so a failed run leaves nothing half-written. */
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphJson } from '../contract/model.ts';

export async function writeGraphAtomically(graph: GraphJson, target: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(graph, null, 2)}\n`, 'utf8');
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
