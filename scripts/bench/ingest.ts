/**
 * The benchmark's corpus: N synthetic reports (scripts/synth), every fifth one in
 * English, ingested in process. Ingest is timed here as well: its figure is
 * parse + extract (+ the model check every load runs), no I/O.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';
import { ingestReport, loadGazetteer, validateGraph, type Gazetteer } from '../../server/ingest/index.ts';
import type { GraphJson } from '../../server/contract/model.ts';
import { generateReport, type SynthReport } from '../synth/generate.ts';
import { round } from './machine.ts';

export const BENCH_SEED = 1;

export interface IngestFigures {
  reports: number;
  paragraphs: number;
  ms: number;
  paragraphs_per_s: number;
  reports_per_s: number;
}

export interface BenchCorpus {
  graphs: GraphJson[];
  ingest: IngestFigures;
}

export function synthCorpus(gazetteer: Gazetteer, count: number): SynthReport[] {
  return Array.from({ length: count }, (_, i) => generateReport(gazetteer, BENCH_SEED, i, i % 5 === 4 ? 'en' : 'zh'));
}

export async function buildCorpus(count: number): Promise<BenchCorpus> {
  const gazetteer = await loadGazetteer(path.join(PROJECT_ROOT, 'data', 'gazetteer'));
  const texts = synthCorpus(gazetteer, count);
  const started = performance.now();
  const graphs = texts.map((r) => {
    const { graph } = ingestReport(r.text, { source: r.fileName, reportId: `report:${r.fileName.replace(/\.txt$/, '')}`, gazetteer });
    const problems = validateGraph(graph);
    if (problems.length > 0) throw new Error(`${r.fileName}: ${problems[0]}`);
    return graph;
  });
  const ms = performance.now() - started;
  const paragraphs = graphs.reduce((n, g) => n + g.nodes.filter((x) => x.labels.includes('Paragraph')).length, 0);
  return {
    graphs,
    ingest: {
      reports: count,
      paragraphs,
      ms: Math.round(ms),
      paragraphs_per_s: Math.round((paragraphs / ms) * 1000),
      reports_per_s: round((count / ms) * 1000),
    },
  };
}
