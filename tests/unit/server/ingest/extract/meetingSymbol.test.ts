/**
 * One meeting, two languages: the Chinese and English reports of one meeting (the short pair in
 * tests/fixtures/bilingual/) are told to be the same meeting by document symbol, and their
 * paragraphs and recommendations line up by number (`ref`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphJson, NodeLabel } from '../../../../../server/contract/model.ts';
import { PROJECT_ROOT } from '../../../../../server/config.ts';
import { meetingSymbol, seriesOf } from '../../../../../server/ingest/extract/meetingSymbol.ts';
import { ingestReport } from '../../../../../server/ingest/ingestReport.ts';
import { parseReport } from '../../../../../server/ingest/parse/parseReport.ts';
import { validateGraph } from '../../../../../server/ingest/validateGraph.ts';
import { realGazetteer, seedText } from '../../../../setup/reports.ts';

const gazetteer = await realGazetteer();
const fixture = (name: string) => readFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'bilingual', name), 'utf8');
const zhText = fixture('wa-rpm-2025.zh.txt');
const enText = fixture('wa-rpm-2025.en.txt');
const zh = ingestReport(zhText, { source: 'wa-rpm-2025.zh.txt', reportId: 'report:wa-rpm-2025', gazetteer });
const en = ingestReport(enText, { source: 'wa-rpm-2025.en.txt', reportId: 'report:wa-rpm-2025-en', gazetteer });

const byLabel = (g: GraphJson, label: NodeLabel) => g.nodes.filter((n) => n.labels.includes(label));
const refs = (g: GraphJson, label: NodeLabel) => new Map(byLabel(g, label).map((n) => [n.properties.ref as string, n.id]));

describe('the Chinese and English reports of one meeting', () => {
  it('make valid graphs that name one Meeting node, by the meeting’s symbol series', () => {
    expect(validateGraph(zh.graph)).toEqual([]);
    expect(validateGraph(en.graph)).toEqual([]);
    const [mz] = byLabel(zh.graph, 'Meeting');
    const [me] = byLabel(en.graph, 'Meeting');
    expect(mz!.id).toBe('meeting:A/CONF.241/RPM.4');
    expect(me!.id).toBe(mz!.id);
    for (const g of [zh.graph, en.graph]) {
      const report = byLabel(g, 'Report')[0]!;
      expect(report.properties.series).toBe('A/CONF.241/RPM.4');
      expect(g.relationships.filter((r) => r.type === 'REPORT_OF').map((r) => [r.start, r.end])).toEqual([[report.id, mz!.id]]);
      // Everything that pointed at the meeting points at the shared node.
      expect(g.relationships.filter((r) => r.end.startsWith('meeting:')).every((r) => r.end === mz!.id)).toBe(true);
    }
    expect(byLabel(zh.graph, 'Report')[0]!.properties.language).toBe('zh');
    expect(byLabel(en.graph, 'Report')[0]!.properties.language).toBe('en');
    expect(byLabel(zh.graph, 'Report')[0]!.properties.tag).toBe(byLabel(en.graph, 'Report')[0]!.properties.tag);
  });

  it('align every paragraph and recommendation by number: the same ref in both, different ids', () => {
    for (const label of ['Paragraph', 'Recommendation'] as const) {
      const a = refs(zh.graph, label);
      const b = refs(en.graph, label);
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      expect(a.size).toBeGreaterThan(3);
      for (const [ref, id] of a) expect(b.get(ref)).not.toBe(id);
    }
    expect(refs(zh.graph, 'Recommendation').get('A/CONF.241/RPM.4 7(a)')).toBe('rec:wa-rpm-2025:7(a)');
    expect(refs(en.graph, 'Recommendation').get('A/CONF.241/RPM.4 7(a)')).toBe('rec:wa-rpm-2025-en:7(a)');
    expect(refs(en.graph, 'Paragraph').get('A/CONF.241/RPM.4 ¶9')).toBe('para:wa-rpm-2025-en:9');
  });

  it('tells different meetings apart: the seed is another series', () => {
    const seed = ingestReport(seedText(), { source: 'lac-rpm-2025.zh.txt', gazetteer });
    expect(byLabel(seed.graph, 'Meeting')[0]!.id).toBe('meeting:A/CONF.241/RPM.2');
  });
});

describe('the meeting’s symbol', () => {
  it('is the series of a symbol: a report, draft, list of participants or conference room paper', () => {
    expect(seriesOf('A/CONF.241/RPM.5/1')).toBe('A/CONF.241/RPM.5');
    expect(seriesOf('A/CONF.241/RPM.2/L.1/Add.3')).toBe('A/CONF.241/RPM.2');
    expect(seriesOf('A/CONF.241/RPM.3/INF/1')).toBe('A/CONF.241/RPM.3');
    expect(seriesOf('A/CONF.241/PM/CRP.1')).toBe('A/CONF.241/PM');
    expect(seriesOf('A/CONF.241/PM.1')).toBeNull();
    expect(seriesOf('E/2025/30')).toBe('E/2025');
  });

  it('comes from the masthead first: the report’s own symbol standing on one of the first lines', () => {
    const text = `A/CONF.241/RPM.9/1\n\nUnited Nations\n${enText}`;
    const s = parseReport(text, 'x.en.txt');
    expect(meetingSymbol(s, text)).toEqual({ series: 'A/CONF.241/RPM.9', symbol: 'A/CONF.241/RPM.9/1' });
    const g = ingestReport(text, { source: 'x.en.txt', gazetteer }).graph;
    expect(byLabel(g, 'Meeting')[0]!.id).toBe('meeting:A/CONF.241/RPM.9');
    expect(byLabel(g, 'Report')[0]!.properties.symbol).toBe('A/CONF.241/RPM.9/1');
  });

  it('is not guessed: without the meeting’s own documents the report keeps its own meeting, and says so', () => {
    // The annex and every citation of the meeting's own documents taken out.
    const text = enText.replace(/A\/CONF\.241\/RPM\.4\/[A-Za-z0-9./]+/g, 'the document');
    const { graph, warnings } = ingestReport(text, { source: 'wa-rpm-2025.en.txt', gazetteer });
    expect(byLabel(graph, 'Meeting')[0]!.id).toBe('meeting:wa-rpm-2025');
    expect(byLabel(graph, 'Report')[0]!.properties.series).toBeNull();
    expect(byLabel(graph, 'Paragraph')[0]!.properties.ref).toBe('wa-rpm-2025 ¶1');
    expect(warnings.some((w) => /document symbol could not be told/.test(w))).toBe(true);
    expect(validateGraph(graph)).toEqual([]);
  });

  it('is not guessed between two series holding as many of the meeting’s documents', () => {
    const text = enText.replace(
      'A/CONF.241/RPM.4/INF/1\tList of participants',
      'A/CONF.241/RPM.8/1\tOther\nA/CONF.241/RPM.8/L.1\tOther\nA/CONF.241/RPM.8/INF/1\tOther',
    );
    const s = parseReport(text, 'x.en.txt');
    // RPM.4: /1, /L.1, /L.1/Add.1 — RPM.8: /1, /L.1, /INF/1.
    expect(meetingSymbol(s, text).series).toBeNull();
  });
});
