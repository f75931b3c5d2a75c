/**
 * Report files → one graph per report, ready for the loader (each report is loaded,
 * and can be replaced, on its own). Shared by `npm run load`, the start-up seeding
 * and the tests.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { uniqueReportId } from '../ingest/extract/ids.ts';
import { decodeReport, ingestReport, loadGazetteer, validateGraph, type Gazetteer } from '../ingest/index.ts';
import type { GraphJson } from '../contract/model.ts';

export const CORPUS_DIR = path.join(PROJECT_ROOT, 'data', 'reports');
export const GAZETTEER_DIR = path.join(PROJECT_ROOT, 'data', 'gazetteer');

/** A report file that cannot be read, parsed or checked (the message is one line). */
export class CorpusError extends Error {}

/** The bundled corpus: the report texts in `dir`, sorted by name. */
export async function corpusFiles(dir: string = CORPUS_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return names.map((f) => path.join(dir, f));
}

export interface IngestedReport {
  file: string;
  graph: GraphJson;
  warnings: string[];
}

export interface IngestFilesOptions {
  gazetteerDir?: string;
  gazetteer?: Gazetteer;
  /** Report ids to give some of the files (by file as given), instead of the one their name derives. */
  reportIds?: ReadonlyMap<string, string>;
}

/** Read, ingest and check each report file; every report gets its own id, as `npm run ingest` gives it. */
export async function ingestFiles(files: readonly string[], options: IngestFilesOptions = {}): Promise<IngestedReport[]> {
  const gazetteer = options.gazetteer ?? (await loadGazetteer(options.gazetteerDir ?? GAZETTEER_DIR));
  const taken = new Set<string>();
  const out: IngestedReport[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new CorpusError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let graph: GraphJson;
    let warnings: string[];
    // The Report node records its source: the same file gives the same source however it was named.
    const source = sourceName(file);
    try {
      const text = decodeReport(bytes, source);
      const reportId = options.reportIds?.get(file) ?? uniqueReportId(source, taken);
      ({ graph, warnings } = ingestReport(text, { source, reportId, gazetteer }));
    } catch (error) {
      throw new CorpusError(firstLine(error));
    }
    const problems = validateGraph(graph);
    if (problems.length > 0) throw new CorpusError(`${source}: the graph does not validate against MODEL.md: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
    for (const r of graph.reports) taken.add(r);
    out.push({ file, graph, warnings });
  }
  return out;
}

/** A file's path relative to the project when it lies inside it (data/reports/x.zh.txt), else absolute. */
export function sourceName(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(PROJECT_ROOT, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
