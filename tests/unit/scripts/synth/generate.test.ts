/**
 * The synthetic corpus the benchmark runs on (scripts/synth): deterministic from
 * its seed, and made of reports the real pipeline takes unchanged, in Chinese and
 * in English, that differ from one another as real reports do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport, type SynthReport } from '../../../../scripts/synth/generate.ts';
import type { Gazetteer } from '../../../../server/ingest/gazetteer/types.ts';
import { ingestReport, validateGraph } from '../../../../server/ingest/index.ts';
import type { GraphJson } from '../../../../server/contract/model.ts';
import { realGazetteer } from '../../../setup/reports.ts';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await realGazetteer();
});

function ingest(report: SynthReport): { graph: GraphJson; warnings: string[] } {
  return ingestReport(report.text, { source: report.fileName, reportId: `report:${report.fileName.replace(/\.txt$/, '')}`, gazetteer });
}

function count(graph: GraphJson, label: string): number {
  return graph.nodes.filter((n) => n.labels.includes(label as never)).length;
}

describe('the synthetic report generator', () => {
  it('gives the same text for the same seed and index, and another for another seed or index', () => {
    const a = generateReport(gazetteer, 1, 3, 'zh');
    expect(generateReport(gazetteer, 1, 3, 'zh')).toEqual(a);
    expect(generateReport(gazetteer, 2, 3, 'zh').text).not.toBe(a.text);
    expect(generateReport(gazetteer, 1, 4, 'zh').text).not.toBe(a.text);
    expect(a.fileName).toBe('synth-1-0004.zh.txt');
  });

  it.each(['zh', 'en'] as const)('writes %s reports the real pipeline ingests into valid graphs', (lang) => {
    for (let i = 0; i < 12; i += 1) {
      const report = generateReport(gazetteer, 1, i, lang);
      const { graph } = ingest(report);
      expect(validateGraph(graph), report.fileName).toEqual([]);
      expect(graph.nodes.find((n) => n.labels.includes('Report'))?.properties.language).toBe(lang);
      // The pipeline finds what a report holds: paragraphs, recommendations citing instruments, speakers, crime types.
      expect(count(graph, 'Paragraph')).toBeGreaterThan(20);
      expect(count(graph, 'Recommendation')).toBeGreaterThan(5);
      expect(count(graph, 'State')).toBeGreaterThan(10);
      expect(count(graph, 'CrimeType')).toBeGreaterThan(3);
      for (const type of ['CITES', 'ADDRESSES', 'SPOKE_ON', 'ATTENDED', 'MENTIONS', 'CO_OCCURS'] as const) {
        expect(
          graph.relationships.some((r) => r.type === type),
          `${report.fileName}: ${type}`,
        ).toBe(true);
      }
    }
  });

  it('varies states, crime types, instruments and recommendation counts from report to report', () => {
    const graphs = Array.from({ length: 12 }, (_, i) => ingest(generateReport(gazetteer, 1, i, 'zh')).graph);
    const distinct = (f: (g: GraphJson) => string | number): number => new Set(graphs.map(f)).size;
    const ids = (label: string) => (g: GraphJson) =>
      g.nodes
        .filter((n) => n.labels.includes(label as never))
        .map((n) => n.id)
        .sort()
        .join(',');
    expect(distinct((g) => count(g, 'Recommendation'))).toBeGreaterThan(3);
    expect(distinct((g) => count(g, 'State'))).toBeGreaterThan(3);
    expect(distinct(ids('State'))).toBe(12);
    expect(distinct(ids('CrimeType'))).toBeGreaterThan(6);
    expect(distinct(ids('Instrument'))).toBeGreaterThan(6);
    expect(distinct((g) => g.relationships.length)).toBeGreaterThan(6);
  });
});
