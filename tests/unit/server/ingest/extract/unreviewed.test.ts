/**
 * What a list or the text names that the gazetteer lacks is kept, not dropped: in both
 * languages an unknown organisation in a list becomes a node with reviewed: false (kind
 * from the list, id from its normalised name, name in the report's language, the short
 * form the text defines as an alias), its facts carry provenance like any other, and a
 * warning names it for review. Instruments by form and resolutions by number likewise;
 * a crime word inside such a title is not a crime mention.
 */
import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../../../../server/ingest/ingestReport.ts';
import { validateGraph } from '../../../../../server/ingest/validateGraph.ts';
import type { GraphJson } from '../../../../../server/contract/model.ts';
import { englishText, miniChineseReport, miniGazetteer } from '../../../../setup/reports.ts';

const g = await miniGazetteer();
const node = (graph: GraphJson, id: string) => graph.nodes.find((n) => n.id === id);
const rels = (graph: GraphJson, type: string, end?: string) => graph.relationships.filter((r) => r.type === type && (!end || r.end === end));

describe('unknown names in lists, in Chinese', () => {
  const text = miniChineseReport({
    recommendations: [
      ' - (a) 加强与刑法改革国际和国际检察官协会（检察官协会）的合作；',
      ' - (b) 批准《东南部非洲打击洗钱区域公约》，并执行大会第 76/187 号决议；',
      ' - (c) 支持检察官协会的工作。',
    ],
  }).replace(
    '3. 下列组织的观察员也作了发言：消除对妇女歧视委员会、特立尼达和多巴哥委员会、安居服务组织和防止酷刑协会。',
    '3. 下列组织的观察员也作了发言：刑法改革国际、安居服务组织和国际检察官协会（检察官协会）。',
  );
  const result = ingestReport(text, { source: 'mini.zh.txt', gazetteer: g });

  it('makes each one a node with reviewed: false, its name in Chinese and the short form it is given', () => {
    expect(validateGraph(result.graph)).toEqual([]);
    expect(node(result.graph, 'org:刑法改革国际')!.properties).toMatchObject({
      name: '刑法改革国际',
      name_zh: '刑法改革国际',
      name_en: null,
      reviewed: false,
      kind: 'organization',
    });
    expect(node(result.graph, 'org:国际检察官协会')!.properties.aliases).toEqual(['国际检察官协会', '检察官协会', '国际检察官协会（检察官协会）']);
    expect(node(result.graph, 'org:anju')!.properties.reviewed).toBe(true);
  });

  it('draws its facts with provenance like any other, and resolves its short form elsewhere', () => {
    const spoke = rels(result.graph, 'SPOKE_ON').filter((r) => r.start === 'org:刑法改革国际');
    expect(spoke).toHaveLength(1);
    expect(spoke[0]!.properties).toMatchObject({ paragraph: 3, role: 'observer', evidence: '刑法改革国际' });
    expect(rels(result.graph, 'MENTIONS', 'org:国际检察官协会').map((r) => r.start)).toEqual(expect.arrayContaining(['rec:mini:5(a)', 'rec:mini:5(c)']));
  });

  it('keeps an instrument by the form of its title and a resolution by number, and no crime inside the title', () => {
    const cites = rels(result.graph, 'CITES')
      .filter((r) => r.start === 'rec:mini:5(b)')
      .map((r) => r.end);
    expect(cites.sort()).toEqual(['instrument:a-res-76-187', 'instrument:东南部非洲打击洗钱区域公约']);
    expect(node(result.graph, 'instrument:a-res-76-187')!.properties).toMatchObject({
      name: '大会第76/187号决议',
      symbol: 'A/RES/76/187',
      kind: 'resolution',
      reviewed: false,
    });
    expect(rels(result.graph, 'ADDRESSES').filter((r) => r.start === 'rec:mini:5(b)')).toEqual([]);
  });

  it('warns about each, and reports them for review', () => {
    expect(
      result.warnings.some((w) => /unmatched speaker name in paragraph 3: "刑法改革国际": kept as an unreviewed organization \(org:刑法改革国际\)/.test(w)),
    ).toBe(true);
    expect(result.unreviewed.map((e) => e.id).sort()).toEqual([
      'instrument:a-res-76-187',
      'instrument:东南部非洲打击洗钱区域公约',
      'org:刑法改革国际',
      'org:国际检察官协会',
    ]);
  });
});

describe('unknown names in lists, in English', () => {
  const text = englishText()
    .replace(
      'Statements were also made by the observers for the following organizations: Global Initiative against Transnational Organized Crime, CEDAW Committee of Trinidad and Tobago and',
      'Statements were also made by the observers for the following organizations: Global Initiative against Transnational Organized Crime, the International Association of Prosecutors (IAP), Penal Reform International and',
    )
    .replace(
      '(b) Prevent violence against children',
      '(b) Cooperate with the IAP and apply the Regional Convention on Combating Money Laundering; prevent violence against children',
    )
    .replace(
      'Viet Nam and the State of Palestine were represented by observers.',
      'Viet Nam and the State of Palestine were represented by observers. The Sovereign Order of Malta, an observer entity, was also represented by an observer.',
    );
  const result = ingestReport(text, { source: 'asia.en.txt', gazetteer: g });

  it('makes each one a node with reviewed: false, its English name and the acronym defined for it', () => {
    expect(validateGraph(result.graph)).toEqual([]);
    expect(node(result.graph, 'org:international-association-of-prosecutors')!.properties).toMatchObject({
      name: 'International Association of Prosecutors',
      name_en: 'International Association of Prosecutors',
      name_zh: null,
      reviewed: false,
    });
    expect(node(result.graph, 'org:penal-reform-international')!.properties.reviewed).toBe(false);
    expect(node(result.graph, 'org:sovereign-order-of-malta')!.properties.kind).toBe('organization');
  });

  it('resolves the acronym in a recommendation and keeps the crime word of an unknown title out of ADDRESSES', () => {
    const rec = 'rec:asia:11(b)';
    expect(rels(result.graph, 'MENTIONS', 'org:international-association-of-prosecutors').map((r) => r.start)).toContain(rec);
    expect(
      rels(result.graph, 'CITES')
        .filter((r) => r.start === rec)
        .map((r) => r.end),
    ).toEqual(['instrument:regional-convention-on-combating-money-laundering']);
    expect(
      rels(result.graph, 'ADDRESSES')
        .filter((r) => r.start === rec)
        .map((r) => r.end),
    ).not.toContain('crime:money-laundering');
    expect(rels(result.graph, 'ATTENDED').find((r) => r.start === 'org:sovereign-order-of-malta')!.properties).toMatchObject({
      paragraph: 14,
      role: 'observer',
    });
  });
});

describe('a short title the text defines for a title the gazetteer knows', () => {
  it('Chinese: 《…》（《…》） makes the short title an alias of the known instrument, not an instrument of its own', () => {
    const text = miniChineseReport({
      recommendations: [' - (a) 批准《联合国打击跨国有组织犯罪公约》（《跨国犯罪公约》）；', ' - (b) 全面执行《跨国犯罪公约》。'],
    });
    const { graph } = ingestReport(text, { source: 'mini.zh.txt', gazetteer: g });
    expect(validateGraph(graph)).toEqual([]);
    expect(node(graph, 'instrument:跨国犯罪公约')).toBeUndefined();
    expect(
      rels(graph, 'CITES', 'instrument:untoc')
        .map((r) => r.start)
        .sort(),
    ).toEqual(['rec:mini:5(a)', 'rec:mini:5(b)']);
    expect(node(graph, 'instrument:untoc')!.properties.aliases).toContain('跨国犯罪公约');
  });

  it('English: "(the … Convention)" after a known title likewise', () => {
    const text = englishText()
      .replace(
        'Strengthen domestic legal frameworks to fulfil the obligations under the Organized Crime Convention;',
        'Ratify the United Nations Convention against Transnational Organized Crime (the Transnational Crime Convention);',
      )
      .replace(
        'Implement the United Nations Convention against Cybercrime with',
        'Implement the Transnational Crime Convention and the United Nations Convention against Cybercrime with',
      );
    const { graph } = ingestReport(text, { source: 'mini.en.txt', gazetteer: g });
    expect(validateGraph(graph)).toEqual([]);
    expect(graph.nodes.filter((n) => /transnational-crime-convention/.test(n.id))).toEqual([]);
    expect(node(graph, 'instrument:untoc')!.properties.aliases).toContain('Transnational Crime Convention');
    const recs = rels(graph, 'CITES', 'instrument:untoc').map((r) => r.start);
    expect(recs).toEqual(expect.arrayContaining([expect.stringMatching(/\(a\)$/), expect.stringMatching(/\(b\)$/)]));
  });
});
