import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../../../server/contract/model.ts';
import { ingestReport } from '../../../../server/ingest/ingestReport.ts';
import { validateGraph } from '../../../../server/ingest/validateGraph.ts';
import { englishText, realGazetteer } from '../../../setup/reports.ts';

function smallGraph(): GraphJson {
  return {
    reports: ['report:x'],
    nodes: [
      {
        id: 'report:x',
        labels: ['Report'],
        properties: { title_zh: null, title_en: 'T', language: 'en', region: 'R', venue: 'V', startDate: '2025-01-01', endDate: '2025-01-02' },
      },
      { id: 'para:x:1', labels: ['Paragraph'], properties: { report: 'report:x', number: 1, text: 'Fight corruption.', section: 'I' } },
      {
        id: 'crime:corruption',
        labels: ['CrimeType'],
        properties: { name: 'corruption', name_zh: '腐败', name_en: 'corruption', aliases: ['腐败'], iccs: '0703', parent: null },
      },
    ],
    relationships: [
      { type: 'IN_REPORT', start: 'para:x:1', end: 'report:x', properties: {} },
      { type: 'MENTIONS', start: 'para:x:1', end: 'crime:corruption', properties: { spans: [6, 16], count: 1, evidence: 'corruption' } },
    ],
  };
}

describe('validateGraph', () => {
  it('accepts a well-formed graph', () => {
    expect(validateGraph(smallGraph())).toEqual([]);
  });

  it('reports duplicate ids and dangling ends', () => {
    const g = smallGraph();
    g.nodes.push({ ...g.nodes[2]! });
    g.relationships.push({ type: 'IN_REPORT', start: 'para:x:2', end: 'report:x', properties: {} });
    const errors = validateGraph(g).join('\n');
    expect(errors).toMatch(/duplicate node id crime:corruption/);
    expect(errors).toMatch(/start para:x:2 is not a node/);
  });

  it('reports missing required properties and non-scalar values', () => {
    const g = smallGraph();
    delete g.nodes[2]!.properties.iccs;
    (g.nodes[1]!.properties as Record<string, unknown>).section = { nested: true };
    (g.nodes[1]!.properties as Record<string, unknown>).tags = [['a']];
    const errors = validateGraph(g).join('\n');
    expect(errors).toMatch(/crime:corruption: missing required property iccs/);
    expect(errors).toMatch(/para:x:1: property section is not a scalar/);
    expect(errors).toMatch(/para:x:1: property tags is not a scalar/);
  });

  it('reports missing provenance, wrong endpoints and spans outside the text', () => {
    const g = smallGraph();
    g.relationships.push({ type: 'MENTIONS', start: 'para:x:1', end: 'crime:corruption', properties: { count: 1 } });
    g.relationships.push({
      type: 'CITES',
      start: 'para:x:1',
      end: 'crime:corruption',
      properties: { report: 'report:x', paragraph: 1, evidence: 'x', spans: [0, 1] },
    });
    g.relationships[1]!.properties.spans = [6, 99];
    const errors = validateGraph(g).join('\n');
    expect(errors).toMatch(/missing provenance spans/);
    expect(errors).toMatch(/CITES cannot start at Paragraph/);
    expect(errors).toMatch(/CITES cannot end at CrimeType/);
    expect(errors).toMatch(/span \[6, 99\) lies outside the text/);
  });

  it('reports evidence that is not the text at its span', () => {
    const g = smallGraph();
    g.relationships[1]!.properties.evidence = 'bribery';
    expect(validateGraph(g).join('\n')).toMatch(/evidence "bribery" is not the text at its first span \("corruption"\)/);
  });

  it('accepts footnotes where MODEL.md puts them and reports them anywhere else or malformed', () => {
    const g = smallGraph();
    Object.assign(g.nodes[1]!.properties, { footnotes: ['1 See A/CONF.234/16.'], footnoteAt: [16] });
    Object.assign(g.nodes[0]!.properties, { footnotes: ['* Reissued for technical reasons.'] });
    expect(validateGraph(g)).toEqual([]);

    const bad = (change: (g: GraphJson) => void) => {
      const h = smallGraph();
      Object.assign(h.nodes[1]!.properties, { footnotes: ['1 See A/CONF.234/16.'], footnoteAt: [16] });
      change(h);
      return validateGraph(h).join('\n');
    };
    expect(bad((h) => (h.nodes[1]!.properties.footnoteAt = [99]))).toMatch(/para:x:1: footnotes: footnoteAt 99 lies outside the text \(length 17\)/);
    expect(bad((h) => (h.nodes[1]!.properties.footnoteAt = [1.5]))).toMatch(/footnoteAt 1.5 lies outside/);
    expect(bad((h) => (h.nodes[1]!.properties.footnoteAt = []))).toMatch(/footnoteAt must give one offset per footnote/);
    expect(bad((h) => delete h.nodes[1]!.properties.footnoteAt)).toMatch(/footnoteAt must give one offset per footnote/);
    expect(bad((h) => (h.nodes[1]!.properties.footnotes = []))).toMatch(/must be a non-empty list of non-empty strings/);
    expect(bad((h) => (h.nodes[1]!.properties.footnotes = [' ']))).toMatch(/must be a non-empty list of non-empty strings/);
    expect(bad((h) => Object.assign(h.nodes[1]!.properties, { footnotes: ['1 a', '2 b'], footnoteAt: [9, 3] }))).toMatch(/in the order of the text/);
    expect(bad((h) => Object.assign(h.nodes[0]!.properties, { footnotes: ['* a'], footnoteAt: [0] }))).toMatch(/a Report's footnotes have no footnoteAt/);
    expect(bad((h) => Object.assign(h.nodes[2]!.properties, { footnotes: ['1 a'] }))).toMatch(/crime:corruption: footnotes on a CrimeType/);
  });

  it('accepts the graph of the English fixture', async () => {
    const { graph, warnings } = ingestReport(englishText(), { source: 'tests/fixtures/asia-pacific-rpm-fixture.en.txt', gazetteer: await realGazetteer() });
    expect(warnings).toEqual([]);
    expect(validateGraph(graph)).toEqual([]);
  });
});
