/** The English fixture goes through the same pipeline and yields the same kinds of facts. */
import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../../../server/ingest/ingestReport.ts';
import { englishText, realGazetteer } from '../../../setup/reports.ts';

const { graph } = ingestReport(englishText(), { source: 'tests/fixtures/asia-pacific-rpm-fixture.en.txt', gazetteer: await realGazetteer() });
const rels = (type: string) => graph.relationships.filter((r) => r.type === type);
const key = 'asia-pacific-rpm-fixture';

describe('English report', () => {
  it('derives the report id from the file name and the other language from the gazetteer', () => {
    const report = graph.nodes.find((n) => n.id === `report:${key}`)!;
    expect(report.properties).toMatchObject({ language: 'en', region: 'Asia and the Pacific', venue: 'Bangkok', startDate: '2025-03-10' });
    expect(report.properties.title_zh).toBe('2025年3月10日至12日在曼谷举行的第十五届联合国预防犯罪和刑事司法大会亚洲及太平洋区域筹备会议的报告');
  });

  it('cites and addresses from the recommendations, ignoring crime words in titles and lower-case acronyms', () => {
    const facts = (type: string) => rels(type).map((r) => `${r.start.replace(`rec:${key}:`, '')} ${r.end}`);
    expect(facts('CITES')).toEqual([
      '8(a) instrument:untoc',
      '8(b) instrument:cybercrime-convention',
      '11(a) instrument:bangkok-rules',
      '11(a) instrument:nelson-mandela-rules',
    ]);
    expect(facts('ADDRESSES')).toEqual(expect.arrayContaining(['8(b) crime:cybercrime', '8(c) crime:illegal-mining', '11(c) crime:femicide']));
    expect(facts('ADDRESSES').filter((f) => f.startsWith('8(a)'))).toEqual([]);
    expect(
      rels('MENTIONS')
        .filter((r) => r.end === 'org:apt')
        .map((r) => r.start),
    ).toEqual([`para:${key}:17`]);
  });

  it('states links between crimes and contests the warned one', () => {
    expect(rels('LINKED_TO').map((r) => [r.start, r.end, r.properties.kind])).toEqual([
      ['crime:drug-trafficking', 'crime:money-laundering', 'nexus'],
      ['crime:terrorism', 'crime:organized-crime', 'contested'],
      ['crime:crimes-affecting-environment', 'crime:money-laundering', 'predicate-offence'],
    ]);
  });

  it('reads speakers, attendance and the bureau, short names resolving to the full ones', () => {
    expect(rels('SPOKE_ON').filter((r) => r.end === 'theme:15')).toHaveLength(12);
    expect(rels('SPOKE_ON').filter((r) => r.start === 'org:cedaw-committee-tto')).toHaveLength(1);
    expect(rels('SPOKE_ON').some((r) => r.start === 'state:TTO' && r.properties.paragraph === 5)).toBe(false);
    expect(rels('ATTENDED').map((r) => r.properties.role)).toEqual([
      ...Array(9).fill('member'),
      'observer',
      'observer',
      'un-entity',
      'un-entity',
      'institute',
      'ngo',
      'ngo',
      'ngo',
    ]);
    const people = graph.nodes.filter((n) => n.labels.includes('Person')).map((n) => n.properties.aliases);
    expect(people).toEqual([['Somchai Anan Prasert', 'Somchai Prasert'], ['Maria Clara Santos', 'Maria Santos'], ['Kenji Watanabe']]);
  });

  it('one organisation under two names is one node', () => {
    const unodc = rels('MENTIONS').find((r) => r.start === `para:${key}:6` && r.end === 'org:unodc')!;
    expect(unodc.properties.count).toBe(2);
    expect(unodc.properties.forms).toEqual(['UNODC', 'United Nations Office on Drugs and Crime']);
  });
});
