import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../../../server/ingest/ingestReport.ts';
import { mergeGraphs } from '../../../../server/ingest/mergeGraphs.ts';
import { uniqueReportId } from '../../../../server/ingest/extract/ids.ts';
import { validateGraph } from '../../../../server/ingest/validateGraph.ts';
import { englishText, realGazetteer, seedText } from '../../../setup/reports.ts';

const gazetteer = await realGazetteer();
const zh = ingestReport(seedText(), { source: 'data/reports/lac-rpm-2025.zh.txt', gazetteer }).graph;
const en = ingestReport(englishText(), { source: 'tests/fixtures/asia-pacific-rpm-fixture.en.txt', gazetteer }).graph;
const merged = mergeGraphs([zh, en]);

describe('mergeGraphs', () => {
  it('keeps both reports and each shared entity once', () => {
    expect(merged.reports).toEqual(['report:lac-rpm-2025', 'report:asia-pacific-rpm-fixture']);
    const ids = merged.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const shared of ['instrument:untoc', 'theme:15', 'agenda:15:3', 'org:alliance-of-ngos-ccpcj', 'state:BRA']) {
      expect(ids.filter((id) => id === shared)).toHaveLength(1);
    }
  });

  it("keeps every report's facts and validates", () => {
    const themeSpeakers = merged.relationships.filter((r) => r.type === 'SPOKE_ON' && r.end === 'theme:15');
    expect(new Set(themeSpeakers.map((r) => r.properties.report))).toEqual(new Set(['report:lac-rpm-2025', 'report:asia-pacific-rpm-fixture']));
    expect(validateGraph(merged)).toEqual([]);
  });

  it('adds up co-occurrence across reports, one relationship per pair', () => {
    const pair = (g: typeof merged) =>
      g.relationships.filter((r) => r.type === 'CO_OCCURS' && r.start === 'crime:crimes-affecting-environment' && r.end === 'crime:money-laundering');
    const [a] = pair(zh);
    const [b] = pair(en);
    const m = pair(merged);
    expect(m).toHaveLength(1);
    expect(m[0]!.properties.count).toBe(Number(a!.properties.count) + Number(b!.properties.count));
    expect(m[0]!.properties.reports).toEqual(['report:lac-rpm-2025', 'report:asia-pacific-rpm-fixture']);
  });

  it('refuses two graphs that claim the same report', () => {
    expect(() => mergeGraphs([zh, zh])).toThrow(/two graphs both hold report report:lac-rpm-2025/);
  });

  it('gives the second language version of one file name its own id', () => {
    expect(uniqueReportId('a/lac-rpm-2025.zh.txt', new Set())).toBe('report:lac-rpm-2025');
    expect(uniqueReportId('b/lac-rpm-2025.en.txt', new Set(['report:lac-rpm-2025']))).toBe('report:lac-rpm-2025-en');
    expect(uniqueReportId('c/lac-rpm-2025.txt', new Set(['report:lac-rpm-2025']))).toBe('report:lac-rpm-2025-2');
  });
});
