import { describe, expect, it } from 'vitest';
import {
  allCitations,
  citationMatrix,
  distinctCitations,
  matrixCsv,
  toCsv,
  traceCitations,
  traceGraph,
  type CitationRow,
} from '../../../../../client/src/views/citationModel.ts';

/** A citation row as the API sends it (Citation in the OpenAPI document). */
const row = (recommendation: string, instrument: string, more: Partial<CitationRow> = {}): CitationRow => {
  const [, paragraph, letter] = /:(\d+)\((\w+)\)$/.exec(recommendation)!;
  return {
    recommendation,
    label: `${paragraph}(${letter})`,
    tag: 'R-15',
    report: 'report:r',
    language: 'zh',
    paragraph: Number(paragraph),
    letter: letter!,
    instrument,
    instrument_name: null,
    instrument_name_zh: null,
    instrument_name_en: null,
    instrument_short_en: null,
    evidence: null,
    text: '',
    ...more,
  };
};
const rows: CitationRow[] = [
  row('rec:r:24(c)', 'instrument:untoc', {
    instrument_name: '打击有组织犯罪公约',
    instrument_name_zh: '联合国打击跨国有组织犯罪公约',
    instrument_name_en: 'United Nations Convention against Transnational Organized Crime',
    instrument_short_en: 'Organized Crime Convention',
    evidence: '打击有组织犯罪公约',
    text: '履行《打击有组织犯罪公约》',
  }),
  row('rec:r:24(k)', 'instrument:cyber', { instrument_name_en: 'Cybercrime Convention' }),
  row('rec:r:66(c)', 'instrument:cop-12-4'),
  row('rec:r:66(c)', 'instrument:untoc'),
];
const supplements = [
  ['instrument:cop-12-4', 'instrument:untoc'],
  ['instrument:tip-protocol', 'instrument:untoc'],
] as const;

describe('citation trace both ways', () => {
  it('from an instrument: who cites it or its protocols, then what else they cite', () => {
    const trace = traceCitations(rows, 'instrument:untoc', supplements);
    expect(trace.kind).toBe('instrument');
    expect(trace.instruments.sort()).toEqual(['instrument:cop-12-4', 'instrument:tip-protocol', 'instrument:untoc']);
    expect(trace.direct.map((r) => `${r.label}>${r.instrument}`).sort()).toEqual([
      '24(c)>instrument:untoc',
      '66(c)>instrument:cop-12-4',
      '66(c)>instrument:untoc',
    ]);
    expect(trace.indirect).toEqual([]);
  });

  it('from a recommendation: what it cites, then who else cites the same', () => {
    const trace = traceCitations(rows, 'rec:r:24(c)');
    expect(trace.kind).toBe('recommendation');
    expect(trace.direct.map((r) => r.instrument)).toEqual(['instrument:untoc']);
    expect(trace.indirect.map((r) => r.recommendation)).toEqual(['rec:r:66(c)']);
  });

  it('draws recommendations and instruments joined by CITES and SUPPLEMENTS', () => {
    const graph = traceGraph(
      traceCitations(rows, 'instrument:untoc', supplements),
      supplements,
      new Map([['instrument:tip-protocol', { short_en: 'Trafficking in Persons Protocol' }]]),
    );
    expect(graph.nodes.map((n) => n.key).sort()).toEqual(['instrument:cop-12-4', 'instrument:tip-protocol', 'instrument:untoc', 'rec:r:24(c)', 'rec:r:66(c)']);
    expect(graph.edges.filter((e) => e.attributes.type === 'SUPPLEMENTS')).toHaveLength(2);
    expect(graph.edges.filter((e) => e.attributes.type === 'CITES')).toHaveLength(3);
    expect(traceGraph(allCitations(rows)).nodes).toHaveLength(6);
  });
});

describe('citation matrix', () => {
  const matrix = citationMatrix(rows);

  it('counts recommendations per paragraph and instrument, most cited instrument first', () => {
    expect(matrix.rows).toEqual([
      { tag: 'R-15', report: 'report:r', paragraph: 24 },
      { tag: 'R-15', report: 'report:r', paragraph: 66 },
    ]);
    expect(matrix.columns[0]).toBe('instrument:untoc');
    expect(matrix.counts[0]![0]).toBe(1);
    expect(matrix.counts[1]![0]).toBe(1);
    expect(matrix.max).toBe(1);
    expect(matrix.columnTotals[0]).toBe(2);
    expect(matrix.rowTotals).toEqual([2, 2]);
  });

  it('writes CSV with quoting where needed', () => {
    expect(toCsv([['a,b', 'c"d', 'e\nf', null, 3]])).toBe('"a,b","c""d","e\nf",,3\r\n');
    const csv = matrixCsv(
      matrix,
      (id) => id.split(':')[1]!,
      (p) => `¶${p}`,
    );
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('meeting,paragraph,untoc,cop-12-4,cyber,total');
    expect(lines[1]).toBe('R-15,¶24,1,0,1,2');
    expect(lines.at(-1)).toBe('total,,2,1,1,4');
  });

  it('keeps ¶24 of one meeting apart from ¶24 of another, and counts a recommendation in two languages of one meeting once', () => {
    const other = rows.map((r) => ({
      ...r,
      tag: 'AFR-15',
      report: 'report:afr',
      recommendation: r.recommendation.replace('report:r', 'report:afr').replace('rec:r:', 'rec:afr:'),
    }));
    const english = rows.map((r) => ({ ...r, report: 'report:r-en', language: 'en', recommendation: r.recommendation.replace('rec:r:', 'rec:r-en:') }));
    const m = citationMatrix([...rows, ...other, ...english]);
    expect(m.rows.map((r) => `${r.tag} ¶${r.paragraph}`)).toEqual(['AFR-15 ¶24', 'AFR-15 ¶66', 'R-15 ¶24', 'R-15 ¶66']);
    expect(m.columnTotals.reduce((a, b) => a + b, 0)).toBe(2 * rows.length);
    expect(distinctCitations([...rows, ...english], 'en').map((r) => r.report)).toEqual(english.map(() => 'report:r-en'));
    expect(distinctCitations([...rows, ...english], 'zh').map((r) => r.report)).toEqual(rows.map(() => 'report:r'));
  });
});
