import { describe, expect, it } from 'vitest';
import { findLinks } from '../../../../../server/ingest/extract/links.ts';
import { buildSurfaceForms } from '../../../../../server/ingest/gazetteer/surfaceForms.ts';
import { buildMatcher } from '../../../../../server/ingest/match/matcher.ts';
import { miniGazetteer } from '../../../../setup/reports.ts';

const matcher = buildMatcher(buildSurfaceForms(await miniGazetteer()));
const links = (text: string, lang: 'zh' | 'en') => findLinks(text, matcher.find(text), lang).map((l) => [l.from, l.to, l.kind, l.evidence]);

describe('stated links between crimes', () => {
  it('reads a predicate offence', () => {
    expect(links('将影响环境的犯罪确定为洗钱罪的上游犯罪', 'zh')).toEqual([
      ['crime:crimes-affecting-environment', 'crime:money-laundering', 'predicate-offence', '影响环境的犯罪确定为洗钱罪的上游犯罪'],
    ]);
  });

  it('resolves "such crimes" to the crime named before it', () => {
    expect(links('加强对影响环境的犯罪的处罚，同时考虑到此类犯罪与其他形式跨国有组织犯罪的联系', 'zh')).toEqual([
      ['crime:crimes-affecting-environment', 'crime:organized-crime', 'nexus', '此类犯罪与其他形式跨国有组织犯罪的联系'],
    ]);
  });

  it('gives no uncontested link where the text warns against linking', () => {
    expect(links('有与会者敦促谨慎避免将恐怖主义与有组织犯罪自动联系起来。', 'zh').map((l) => l[2])).toEqual(['contested']);
    expect(links('Speakers cautioned against conflating terrorism with organized crime.', 'en').map((l) => l[2])).toEqual(['contested']);
  });

  it('does not take the warning of one sentence into the next', () => {
    expect(links('发言者告诫不要完全依赖惩罚性办法。发言者提到贩毒与洗钱之间的联系。', 'zh').map((l) => l[2])).toEqual(['nexus']);
  });

  it('draws nothing from mere co-mention', () => {
    expect(links('发言者提及贩毒、洗钱和网络犯罪。', 'zh')).toEqual([]);
    expect(links('Speakers mentioned drug trafficking, money laundering and cybercrime.', 'en')).toEqual([]);
  });

  it('reads English links', () => {
    expect(links('the links between drug trafficking and money laundering', 'en').map((l) => l.slice(0, 3))).toEqual([
      ['crime:drug-trafficking', 'crime:money-laundering', 'nexus'],
    ]);
    expect(links('illegal mining as a predicate offence for money laundering', 'en').map((l) => l[2])).toEqual(['predicate-offence']);
  });

  it('reads the other phrasings of a link and of a warning, in both languages', () => {
    expect(links('一些发言者告诫不要把恐怖主义与有组织犯罪相提并论。', 'zh').map((l) => [l[0], l[1], l[2]])).toEqual([
      ['crime:terrorism', 'crime:organized-crime', 'contested'],
    ]);
    expect(links('发言者指出贩毒和有组织犯罪之间的联系日益紧密。', 'zh').map((l) => l[2])).toEqual(['nexus']);
    expect(
      links('Some speakers warned against any suggestion of a nexus between the drug trafficking and terrorism.', 'en').map((l) => [l[0], l[1], l[2]]),
    ).toEqual([['crime:drug-trafficking', 'crime:terrorism', 'contested']]);
    expect(links('Speakers noted the links between the drug trafficking and organized crime.', 'en').map((l) => l[2])).toEqual(['nexus']);
    expect(links('Speakers proposed that drug trafficking be treated as a predicate offence to the terrorism offences.', 'en').map((l) => l[2])).toEqual([
      'predicate-offence',
    ]);
  });
});

describe('predicate offences stated of several crimes, or through words standing for them', () => {
  const pairs = (text: string, lang: 'zh' | 'en') => links(text, lang).map((l) => [l[0], l[1], l[2]]);
  const ML = 'crime:money-laundering';

  it('links every crime of a list to money-laundering, in English and in Chinese', () => {
    expect(pairs('Designate illegal mining, drug trafficking and cybercrime as predicate offences to money laundering.', 'en')).toEqual([
      ['crime:cybercrime', ML, 'predicate-offence'],
      ['crime:drug-trafficking', ML, 'predicate-offence'],
      ['crime:illegal-mining', ML, 'predicate-offence'],
    ]);
    expect(pairs('将非法采矿、贩毒和网络犯罪列为洗钱的上游犯罪。', 'zh')).toEqual([
      ['crime:cybercrime', ML, 'predicate-offence'],
      ['crime:drug-trafficking', ML, 'predicate-offence'],
      ['crime:illegal-mining', ML, 'predicate-offence'],
    ]);
  });

  it('resolves a plural pronoun to the crimes the sentence is about, not to the nearest one', () => {
    expect(
      pairs(
        'Speakers said that crimes that affect the environment, including illegal mining, were committed by organized crime, and called for such crimes to be recognized as predicate offences to money laundering.',
        'en',
      ),
    ).toEqual([
      ['crime:crimes-affecting-environment', ML, 'predicate-offence'],
      ['crime:illegal-mining', ML, 'predicate-offence'],
    ]);
    expect(pairs('Treat illegal mining as a serious crime, and recognize them as predicate offences for money laundering;', 'en')).toEqual([
      ['crime:illegal-mining', ML, 'predicate-offence'],
    ]);
    expect(pairs('加强对影响环境的犯罪和非法采矿的处罚，并将其列为洗钱罪的前置犯罪。', 'zh')).toEqual([
      ['crime:crimes-affecting-environment', ML, 'predicate-offence'],
      ['crime:illegal-mining', ML, 'predicate-offence'],
    ]);
  });

  it('reads the predicate offences named after money-laundering', () => {
    expect(pairs('Extend the predicate offences for money laundering to include illegal mining and drug trafficking.', 'en')).toEqual([
      ['crime:illegal-mining', ML, 'predicate-offence'],
      ['crime:drug-trafficking', ML, 'predicate-offence'],
    ]);
    expect(pairs('洗钱的上游犯罪应包括非法采矿。', 'zh')).toEqual([['crime:illegal-mining', ML, 'predicate-offence']]);
  });

  it('takes no list across words that are not list words', () => {
    expect(pairs('Terrorism was discussed at length. Illegal mining should be a predicate offence to money laundering.', 'en')).toEqual([
      ['crime:illegal-mining', ML, 'predicate-offence'],
    ]);
  });
});
