/**
 * The rules by which a report's own vocabulary is learned, each on small texts in both
 * languages: the items of a list (known and unknown names), short forms defined in brackets,
 * instruments by the form of their titles, resolutions by number, and crime types named by
 * what is trafficked, with the second object of a coordination.
 */
import { describe, expect, it } from 'vitest';
import { coordinatedCrimes } from '../../../../../server/ingest/extract/crimeForms.ts';
import { findDefinitions } from '../../../../../server/ingest/extract/definitions.ts';
import { findInstrumentTitles, findResolutions } from '../../../../../server/ingest/extract/instrumentForms.ts';
import { listItems } from '../../../../../server/ingest/extract/listItems.ts';
import { crimeObjects } from '../../../../../server/ingest/gazetteer/crimeObjects.ts';
import { buildSurfaceForms } from '../../../../../server/ingest/gazetteer/surfaceForms.ts';
import { buildMatcher, type SurfaceForm } from '../../../../../server/ingest/match/matcher.ts';
import { realGazetteer } from '../../../../setup/reports.ts';

const org = (id: string, ...surfaces: string[]): SurfaceForm[] => surfaces.map((surface) => ({ surface, target: { id, label: 'Organization' } }));
const state = (iso3: string, ...surfaces: string[]): SurfaceForm[] => surfaces.map((surface) => ({ surface, target: { id: `state:${iso3}`, label: 'State' } }));
const small = buildMatcher([
  ...org('org:gitoc', '打击跨国有组织犯罪全球倡议', 'Global Initiative against Transnational Organized Crime'),
  ...org('org:unesco', 'United Nations Educational, Scientific and Cultural Organization'),
  ...org('org:interpol', 'International Criminal Police Organization', 'INTERPOL'),
  ...state('TTO', '特立尼达和多巴哥', 'Trinidad and Tobago'),
  ...state('GHA', '加纳', 'Ghana'),
  { surface: '有组织犯罪', target: { id: 'crime:oc', label: 'CrimeType' } },
]);
const items = (text: string, lang: 'zh' | 'en', allowed = ['Organization', 'State']) =>
  listItems({ paragraph: 1, start: 0, end: text.length, text, line: 1 }, small, allowed, lang).map((i) => [i.text, i.match?.target.id ?? null]);

describe('the items of a list', () => {
  it('cuts unknown Chinese names at 、 and at a final 和 only between two names of bodies', () => {
    expect(items('刑法改革国际、国际检察官协会和透明国际', 'zh')).toEqual([
      ['刑法改革国际', null],
      ['国际检察官协会', null],
      ['透明国际', null],
    ]);
    expect(items('联合国区域间犯罪和司法研究所和加纳', 'zh')).toEqual([
      ['联合国区域间犯罪和司法研究所', null],
      ['加纳', 'state:GHA'],
    ]);
  });

  it('keeps a known name whole and takes the unknown one beside it, with a crime word inside it, as one name', () => {
    expect(items('安全研究所和打击跨国有组织犯罪全球倡议', 'zh')).toEqual([
      ['安全研究所', null],
      ['打击跨国有组织犯罪全球倡议', 'org:gitoc'],
    ]);
    expect(items('特立尼达和多巴哥和西非打击有组织犯罪网络', 'zh')).toEqual([
      ['特立尼达和多巴哥', 'state:TTO'],
      ['西非打击有组织犯罪网络', null],
    ]);
  });

  it('cuts English lists at semicolons when a name holds a comma, and at commas otherwise', () => {
    expect(
      items(
        'European Institute for Crime Prevention and Control, affiliated with the United Nations; International Centre for the Prevention of Crime; and Raoul Wallenberg Institute of Human Rights and Humanitarian Law',
        'en',
      ),
    ).toEqual([
      ['European Institute for Crime Prevention and Control, affiliated with the United Nations', null],
      ['International Centre for the Prevention of Crime', null],
      ['Raoul Wallenberg Institute of Human Rights and Humanitarian Law', null],
    ]);
    expect(
      items(
        'United Nations Educational, Scientific and Cultural Organization, Penal Reform International and the Organization for Security and Co-operation in Europe (OSCE)',
        'en',
      ),
    ).toEqual([
      ['United Nations Educational, Scientific and Cultural Organization', 'org:unesco'],
      ['Penal Reform International', null],
      ['Organization for Security and Co-operation in Europe (OSCE)', null],
    ]);
  });

  it('keeps an unknown name holding a comma whole when its first part ends in an adjective or its second starts in lower case', () => {
    expect(items('Arab Interior Ministers Council, International, and Ghana', 'en').at(-1)).toEqual(['Ghana', 'state:GHA']);
    expect(items('Latin American Educational, Cultural and Scientific Network, Ghana', 'en')).toEqual([
      ['Latin American Educational, Cultural and Scientific Network', null],
      ['Ghana', 'state:GHA'],
    ]);
  });

  it('takes a name and its bracketed short form as one item', () => {
    expect(items('International Criminal Police Organization (INTERPOL) and the Council of Europe', 'en')).toEqual([
      ['International Criminal Police Organization', 'org:interpol'],
      ['Council of Europe', null],
    ]);
  });
});

describe('short forms defined in the text', () => {
  const defs = (text: string, lang: 'zh' | 'en') =>
    findDefinitions(text, small.find(text), findInstrumentTitles(text, lang), lang).map((d) => [d.long, d.short, d.longMatch?.target.id ?? null]);

  it('reads an English name or title and its bracketed short form, "the" and "hereinafter" dropped', () => {
    expect(defs('evaluations by the Group of States against Corruption (GRECO) of the Council', 'en')).toEqual([
      ['Group of States against Corruption', 'GRECO', null],
    ]);
    expect(defs('drew on the Council of Europe Convention on Cybercrime (the Budapest Convention).', 'en')).toEqual([
      ['Council of Europe Convention on Cybercrime', 'Budapest Convention', null],
    ]);
    expect(defs('the Arab Convention on Combating Transnational Organized Crime (hereinafter “the Arab Convention”)', 'en')).toEqual([
      ['Arab Convention on Combating Transnational Organized Crime', 'Arab Convention', null],
    ]);
    expect(defs('with the International Criminal Police Organization (ICPO)', 'en')).toEqual([
      ['International Criminal Police Organization', 'ICPO', 'org:interpol'],
    ]);
  });

  it('reads a Chinese name and its abbreviation, and a title and its short title', () => {
    expect(defs('本次会议与非洲经济委员会（非洲经委会）合作筹办。', 'zh')).toEqual([['非洲经济委员会', '非洲经委会', null]]);
    expect(defs('应依照《联合国少年司法最低限度标准规则》（《北京规则》）对待触法儿童', 'zh')).toEqual([['联合国少年司法最低限度标准规则', '北京规则', null]]);
    expect(defs('《打击跨国有组织犯罪阿拉伯公约》（以下简称“阿拉伯公约”）', 'zh')).toEqual([['打击跨国有组织犯罪阿拉伯公约', '阿拉伯公约', null]]);
  });

  it('takes no symbol, year, reference or affiliation for a short form', () => {
    expect(defs('The discussion guide (A/CONF.241/PM.1) was issued in 2021 (see para. 5).', 'en')).toEqual([]);
    expect(defs('讨论指南定稿（A/CONF.241/PM.1）已在会前分发（见第5段）。', 'zh')).toEqual([]);
    expect(defs('Chaired by Jordan Whitfield (Ghana).', 'en')).toEqual([]);
  });
});

describe('instruments by the form of their titles, and resolutions by number', () => {
  it('finds English titles headed by Convention, Rules, Guidelines… with what qualifies them', () => {
    const text =
      'Apply the Beijing Rules and the Riyadh Guidelines, drawing on the Council of Europe Convention on preventing and combating violence against women and domestic violence (the Istanbul Convention). The Convention remains.';
    expect(findInstrumentTitles(text, 'en').map((t) => [t.title, t.kind])).toEqual([
      ['Beijing Rules', 'rules'],
      ['Riyadh Guidelines', 'guidelines'],
      ['Council of Europe Convention on preventing and combating violence against women and domestic violence', 'treaty'],
      ['Istanbul Convention', 'treaty'],
    ]);
  });

  it('finds Chinese titles in 《》 ending as instruments do, the outer one of nested titles, not reports', () => {
    const text =
      '依照《联合国非拘禁措施最低限度标准规则》和《关于推进预防犯罪、刑事司法和法治：努力实现《2030年可持续发展议程》的京都宣言》，参考《世界毒品问题报告》和《2063年议程：我们想要的非洲》。';
    expect(findInstrumentTitles(text, 'zh').map((t) => [t.title, t.kind])).toEqual([
      ['联合国非拘禁措施最低限度标准规则', 'rules'],
      ['关于推进预防犯罪、刑事司法和法治：努力实现《2030年可持续发展议程》的京都宣言', 'declaration'],
      ['2063年议程：我们想要的非洲', 'agenda'],
    ]);
  });

  it('finds resolutions and decisions by number, with the body when the text names it', () => {
    const en =
      'In its resolution 78/223, the General Assembly; Economic and Social Council resolution 2004/34; Security Council resolution 2482 (2019); decision 12/1.';
    expect(findResolutions(en, 'en').map((r) => [r.text, r.number, r.body, r.type])).toEqual([
      ['resolution 78/223', '78/223', null, 'resolution'],
      ['Economic and Social Council resolution 2004/34', '2004/34', 'E', 'resolution'],
      ['Security Council resolution 2482 (2019)', '2482 (2019)', 'S', 'resolution'],
      ['decision 12/1', '12/1', null, 'decision'],
    ]);
    const zh = '大会第 76/187 号决议和缔约方会议第12/4号决定';
    expect(findResolutions(zh, 'zh').map((r) => [r.text, r.number, r.body, r.type])).toEqual([
      ['大会第 76/187 号决议', '76/187', 'A', 'resolution'],
      ['第12/4号决定', '12/4', null, 'decision'],
    ]);
  });
});

describe('crime types named by what is trafficked', async () => {
  const g = await realGazetteer();
  const matcher = buildMatcher(buildSurfaceForms(g));
  const objects = crimeObjects(g.crimeTypes);
  const crimes = (text: string, lang: 'zh' | 'en') => {
    const found = matcher.find(text);
    return [...found, ...coordinatedCrimes(text, found, objects, lang)]
      .sort((a, b) => a.start - b.start)
      .filter((m) => m.target.label === 'CrimeType')
      .map((m) => [m.text, m.target.id]);
  };

  it('reads "trafficking in X and Y", "X and Y trafficking" and "illicit trade in X" in English', () => {
    expect(crimes('Treat trafficking in wildlife and timber as serious crimes.', 'en')).toEqual([
      ['trafficking in wildlife', 'crime:wildlife-trafficking'],
      ['timber', 'crime:timber-trafficking'],
    ]);
    expect(crimes('Counter ivory and timber smuggling and the illicit trade in cultural property.', 'en').map((c) => c[1])).toEqual([
      'crime:wildlife-trafficking',
      'crime:timber-trafficking',
      'crime:trafficking-in-cultural-property',
    ]);
  });

  it('reads "X和Y的非法贸易", "X和其他Y非法贩运" and "贩运X" in Chinese', () => {
    expect(crimes('将野生动植物和木材的非法贸易定为严重犯罪', 'zh').map((c) => c[1])).toEqual(['crime:wildlife-trafficking', 'crime:timber-trafficking']);
    expect(crimes('加强对曲马多和其他合成阿片类药物非法贩运的管控', 'zh').map((c) => c[1])).toEqual(['crime:drug-trafficking', 'crime:drug-trafficking']);
    expect(crimes('打击贩运文化财产', 'zh')).toEqual([['贩运文化财产', 'crime:trafficking-in-cultural-property']]);
  });

  it('finds no crime inside the title of an instrument', () => {
    expect(crimes('in line with the Convention on International Trade in Endangered Species of Wild Fauna and Flora', 'en')).toEqual([]);
    expect(crimes('依照《濒危野生动植物种国际贸易公约》加强执法', 'zh')).toEqual([]);
  });
});
