/**
 * A corpus for the tests that compare reports: the seed, the two development reports
 * (tests/fixtures/dev/, synthetic) and the Chinese and English reports of one small meeting
 * (tests/fixtures/bilingual/), ingested with the real pipeline and loaded with the real
 * loader; and what graph.json says the comparisons should give, computed plainly from the
 * merged graph.json (as `npm run ingest -- <reports> --out graph.json` writes it), not from
 * the server's code.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../server/config.ts';
import type { GraphJson, GraphNode } from '../../server/contract/model.ts';
import { ingestFiles } from '../../server/db/corpus.ts';
import { loadReports } from '../../server/db/load.ts';
import { mergeGraphs } from '../../server/ingest/mergeGraphs.ts';
import { clearDatabase, SEED_REPORT_FILE } from './seed.ts';

export const DEV_FILES = [path.join(PROJECT_ROOT, 'tests/fixtures/dev/afr-rpm-2025.zh.txt'), path.join(PROJECT_ROOT, 'tests/fixtures/dev/eur-rpm-2025.en.txt')];
export const PAIR_FILES = [
  path.join(PROJECT_ROOT, 'tests/fixtures/bilingual/wa-rpm-2025.zh.txt'),
  path.join(PROJECT_ROOT, 'tests/fixtures/bilingual/wa-rpm-2025.en.txt'),
];

export interface TestCorpus {
  /** One graph per report, in load order. */
  graphs: GraphJson[];
  /** graph.json of the whole corpus. */
  merged: GraphJson;
}

let ingested: Promise<GraphJson[]> | undefined;

/** The reports' graphs (ingested once per test file; fresh copies each call). */
export async function corpusGraphs(files: readonly string[] = [SEED_REPORT_FILE, ...DEV_FILES, ...PAIR_FILES]): Promise<TestCorpus> {
  const key = files.join('\n');
  if (!ingested || key !== lastKey) {
    lastKey = key;
    ingested = ingestFiles(files).then((rs) => rs.map((r) => r.graph));
  }
  const graphs = structuredClone(await ingested);
  return { graphs, merged: mergeGraphs(graphs) };
}
let lastKey = '';

/** Replace whatever the database holds with these reports. */
export async function loadCorpus(driver: Driver, files?: readonly string[]): Promise<TestCorpus> {
  const corpus = await corpusGraphs(files);
  await clearDatabase(driver);
  await loadReports(driver, corpus.graphs);
  return corpus;
}

// ── What graph.json says ──

const nodeById = (g: GraphJson) => new Map(g.nodes.map((n) => [n.id, n]));

/** report id → its meeting id (REPORT_OF). */
export function meetingOfReport(g: GraphJson): Map<string, string> {
  return new Map(g.relationships.filter((r) => r.type === 'REPORT_OF').map((r) => [r.start, r.end]));
}

/** A unit (paragraph or recommendation) counts once per meeting however many language versions: its ref. */
const unitRef = (n: GraphNode) => String(n.properties.ref ?? n.id);

/**
 * The comparison matrix per graph.json: meeting id → column id → the refs counted
 * (recommendations citing an instrument; paragraphs and recommendations naming a crime type).
 */
export function expectedMatrix(g: GraphJson, columns: 'instrument' | 'crime', reports?: readonly string[]): Map<string, Map<string, Set<string>>> {
  const nodes = nodeById(g);
  const meetings = meetingOfReport(g);
  const out = new Map<string, Map<string, Set<string>>>();
  for (const r of g.relationships) {
    const unit = nodes.get(r.start)!;
    const target = nodes.get(r.end)!;
    const counts =
      columns === 'instrument'
        ? r.type === 'CITES' && unit.labels.includes('Recommendation')
        : (r.type === 'MENTIONS' || r.type === 'ADDRESSES') &&
          target.labels.includes('CrimeType') &&
          (unit.labels.includes('Paragraph') || unit.labels.includes('Recommendation'));
    if (!counts) continue;
    const report = String(unit.properties.report);
    if (reports && !reports.includes(report)) continue;
    const meeting = meetings.get(report)!;
    const row = out.get(meeting) ?? new Map<string, Set<string>>();
    out.set(meeting, row);
    const cell = row.get(target.id) ?? new Set<string>();
    row.set(target.id, cell);
    cell.add(unitRef(unit));
  }
  return out;
}

/** A State's profile per graph.json: meeting id → attended roles, agenda items spoken on, refs of recommendations and of paragraphs naming it. */
export function expectedStateProfile(
  g: GraphJson,
  id: string,
): Map<string, { attended: Set<string>; spokeOn: Set<string>; recommendations: Set<string>; paragraphs: Set<string> }> {
  const nodes = nodeById(g);
  const meetings = meetingOfReport(g);
  const out = new Map<string, { attended: Set<string>; spokeOn: Set<string>; recommendations: Set<string>; paragraphs: Set<string> }>();
  const row = (report: string) => {
    const meeting = meetings.get(report)!;
    let r = out.get(meeting);
    if (!r) out.set(meeting, (r = { attended: new Set(), spokeOn: new Set(), recommendations: new Set(), paragraphs: new Set() }));
    return r;
  };
  for (const r of g.relationships) {
    if (r.type === 'ATTENDED' && r.start === id) row(String(r.properties.report)).attended.add(String(r.properties.role ?? ''));
    if (r.type === 'SPOKE_ON' && r.start === id) row(String(r.properties.report)).spokeOn.add(r.end);
    if (r.type === 'MENTIONS' && r.end === id) {
      const unit = nodes.get(r.start)!;
      const report = String(unit.properties.report);
      if (unit.labels.includes('Recommendation')) row(report).recommendations.add(unitRef(unit));
      if (unit.labels.includes('Paragraph')) row(report).paragraphs.add(unitRef(unit));
    }
  }
  return out;
}
