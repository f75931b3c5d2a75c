import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../../../client/src/graph/build.ts';
import { nodesCsv, nodesTable, relationshipsCsv, viewGexf, viewJson, viewSubgraph } from '../../../../../client/src/export/viewExport.ts';
import { pictureLayout } from '../../../../../client/src/export/pictureLayout.ts';

function graph() {
  const g = buildGraph({
    nodes: [
      {
        key: 'state:ARG',
        attributes: { labels: ['State'], properties: { name_zh: '阿根廷', name_en: 'Argentina', iso3: 'ARG', aliases: ['Argentine Republic', 'AR'] } },
      },
      { key: 'crime:corruption', attributes: { labels: ['CrimeType'], properties: { name_zh: '腐败', name_en: 'corruption', iccs: '0703' } } },
      {
        key: 'instrument:untoc',
        attributes: { labels: ['Instrument'], properties: { name_zh: '公约\u000b全称', name_en: '=HYPERLINK("x")', kind: 'treaty' } },
      },
    ],
    edges: [
      { key: 'r1', source: 'state:ARG', target: 'crime:corruption', attributes: { type: 'MENTIONS', properties: { count: 2 } } },
      { key: 'r2', source: 'state:ARG', target: 'instrument:untoc', attributes: { type: 'MENTIONS', properties: { count: 1 } } },
    ],
  });
  g.forEachNode((n, a) => g.mergeNodeAttributes(n, { x: a.x + 1, y: a.y - 1 }));
  return g;
}

describe('exports of the current view', () => {
  it('keep what the legend shows and, when asked, what is in the frame', () => {
    const g = graph();
    expect(viewSubgraph(g, { hiddenLabels: ['CrimeType'], hiddenTypes: [], inFrame: null }).nodes()).toEqual(['instrument:untoc', 'state:ARG']);
    expect(viewSubgraph(g, { hiddenLabels: [], hiddenTypes: ['MENTIONS'], inFrame: null }).size).toBe(0);
    expect(viewSubgraph(g, { hiddenLabels: [], hiddenTypes: [], inFrame: new Set(['state:ARG', 'crime:corruption']) }).size).toBe(1);
  });

  it('write GEXF 1.3 that Gephi opens as drawn: viz colour, size and position, valid namespace, XML 1.0-safe text', () => {
    const g = graph();
    const xml = viewGexf(g, 'zh');
    expect(xml).toContain('xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
    expect(xml).not.toMatch(/[\u000b]/);
    const back = parseGexf(MultiDirectedGraph, xml);
    expect(back.order).toBe(3);
    const arg = back.getNodeAttributes('state:ARG');
    expect(arg.label).toBe('阿根廷');
    expect(arg.color).toBe('rgb(78,121,167)');
    expect(arg.size).toBeCloseTo(g.getNodeAttribute('state:ARG', 'size'), 3);
    expect(arg.x).toBeCloseTo(g.getNodeAttribute('state:ARG', 'x'), 3);
    expect(arg.y).toBeCloseTo(g.getNodeAttribute('state:ARG', 'y'), 3);
    expect(arg.iso3).toBe('ARG');
    expect(arg.aliases).toBe('Argentine Republic | AR');
  });

  it('write CSV with a column per property and names beside ids, formula-led text neutralised', () => {
    const g = graph();
    const nodes = parseCsv(nodesCsv(g, 'en'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(nodes[0]!)).toEqual(
      expect.arrayContaining(['id', 'label', 'label_name', 'name_zh', 'name_en', 'iso3', 'aliases', 'iccs', 'kind', 'x', 'y', 'size', 'color']),
    );
    expect(nodes.find((r) => r.id === 'state:ARG')).toMatchObject({ label: 'State', label_name: 'State', iso3: 'ARG', aliases: 'Argentine Republic | AR' });
    expect(nodes.find((r) => r.id === 'instrument:untoc')!.name_en).toBe(`'=HYPERLINK("x")`);
    const rels = parseCsv(relationshipsCsv(g, 'zh'), { columns: true }) as Record<string, string>[];
    expect(rels[0]).toMatchObject({ type: 'MENTIONS', type_name: '提及', start: 'state:ARG', start_name: '阿根廷' });
    expect(rels.map((r) => r.end_name).sort()).toEqual(['公约\u000b全称', '腐败'].sort());
    expect(Object.keys(rels[0]!)).toContain('count');
    expect(nodesTable(g, 'zh')[0]!.filter((c) => c === 'iso3')).toHaveLength(1);
    expect(JSON.parse(viewJson(g, 'explore')).nodes).toHaveLength(3);
  });
});

describe('the exported picture', () => {
  it('holds the graph at its size, a header, the legend beside it and a footer; grows when the legend is taller', () => {
    const small = pictureLayout({ width: 800, height: 500 }, 6);
    expect(small.graph).toEqual({ x: 0, y: small.header, width: 800, height: 500 });
    expect(small.width).toBe(800 + small.legendWidth);
    expect(small.height).toBe(small.header + 500 + small.footer);
    const tall = pictureLayout({ width: 800, height: 200 }, 30);
    expect(tall.height).toBeGreaterThan(tall.header + 200 + tall.footer);
    expect(pictureLayout({ width: 800, height: 500 }, 0).legendWidth).toBe(0);
  });
});
