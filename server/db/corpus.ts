/**
 * Report files → one graph per report, ready for the loader (each report is loaded,
 * and can be replaced, on its own). Shared by `npm run load`, the start-up seeding
 * and the tests. A report file is a PDF, a Word .docx or a text file (through
 * ingestDocument, the one door); a graph.json that `npm run ingest` wrote for one
 * report is taken as it is, once it validates.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { uniqueReportId } from '../ingest/extract/ids.ts';
import { ingestDocument, loadGazetteer, validateGraph, type Gazetteer } from '../ingest/index.ts';
import type { GraphJson } from '../contract/model.ts';

export const CORPUS_DIR = path.join(PROJECT_ROOT, 'data', 'reports');
export const GAZETTEER_DIR = path.join(PROJECT_ROOT, 'data', 'gazetteer');

/** A report file that cannot be read, parsed or checked (the message is one line). */
export class CorpusError extends Error {}

/** The file names a corpus directory's reports may have: text, PDF, Word. */
export const REPORT_FILE = /\.(?:txt|pdf|docx)$/i;

/** The bundled corpus: the report files (text, PDF, Word) in `dir`, sorted by name. */
export async function corpusFiles(dir: string = CORPUS_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((f) => REPORT_FILE.test(f)).sort();
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
    let warnings: string[] = [];
    // The Report node records its source: the same file gives the same source however it was named.
    const source = sourceName(file);
    const json = graphJsonIn(bytes);
    try {
      if (json !== undefined) graph = checkedGraphJson(json, source);
      else {
        const reportId = options.reportIds?.get(file) ?? uniqueReportId(source, taken);
        ({ graph, warnings } = await ingestDocument(bytes, { source, reportId, gazetteer }));
      }
    } catch (error) {
      throw new CorpusError(firstLine(error));
    }
    if (graph.reports.some((r) => taken.has(r)))
      throw new CorpusError(`${source}: report ${graph.reports.find((r) => taken.has(r))} is given twice in one load`);
    for (const r of graph.reports) taken.add(r);
    out.push({ file, graph, warnings });
  }
  return out;
}

/** The parsed JSON when the file is a JSON object (a graph.json), else undefined (a document). */
function graphJsonIn(bytes: Uint8Array): unknown {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] !== 0x7b) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/** A graph.json of one report, checked against MODEL.md (validateGraph); throws a one-line Error otherwise. */
function checkedGraphJson(json: unknown, source: string): GraphJson {
  const g = json as Partial<GraphJson>;
  if (!Array.isArray(g.reports) || !Array.isArray(g.nodes) || !Array.isArray(g.relationships)) {
    throw new Error(`${source}: a JSON file, but not a graph.json ({reports, nodes, relationships})`);
  }
  if (g.reports.length !== 1) {
    throw new Error(
      `${source}: this graph.json holds ${g.reports.length} reports; a load takes one report per graph (write each with npm run ingest -- <report> --out <file>)`,
    );
  }
  const graph = g as GraphJson;
  const problems = validateGraph(graph);
  if (problems.length > 0)
    throw new Error(
      `${source}: the graph does not validate against MODEL.md: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    );
  return graph;
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
