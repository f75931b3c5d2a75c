import { describe, expect, it } from 'vitest';
import { makeNeedle } from '../../../../server/search/needle.ts';
import { hitSnippet, rankCandidates, TokenCache, type Candidate } from '../../../../server/search/rank.ts';

const entity = (id: string, label: string, name_zh: string, name_en: string, aliases: string[] = [], degree = 5): Candidate => ({
  id,
  labels: [label],
  properties: { name: name_zh, name_zh, name_en, aliases: [name_zh, name_en, ...aliases] },
  tag: null,
  degree,
});
const para = (id: string, text: string, tag = 'LAC-15'): Candidate => ({ id, labels: ['Paragraph'], properties: { text, report: 'report:x' }, tag, degree: 3 });

const STATES = [
  entity('state:MEX', 'State', '墨西哥', 'Mexico'),
  entity('state:BRA', 'State', '巴西', 'Brazil'),
  entity('state:COL', 'State', '哥伦比亚', 'Colombia'),
  entity('state:CHL', 'State', '智利', 'Chile'),
  entity('state:PER', 'State', '秘鲁', 'Peru'),
];
const rank = (q: string, candidates: Candidate[]) => rankCandidates(candidates, [makeNeedle(q, true)]);
const ids = (q: string, candidates: Candidate[]) => rank(q, candidates).map((h) => h.candidate.id);

describe('rankCandidates', () => {
  it('brings nothing in for one shared character (墨西哥 is not 巴西, 贝鲁特 is not 秘鲁, 人工智能 is not 智利)', () => {
    expect(ids('墨西哥', STATES)).toEqual(['state:MEX']);
    expect(ids('贝鲁特', STATES)).toEqual([]);
    expect(ids('人工智能', STATES)).toEqual([]);
  });

  it('lets a one-character query find what holds that character', () => {
    expect(ids('墨', STATES)).toEqual(['state:MEX']);
  });

  it('ranks exact name, then prefix, then name containing, then text, then partial — in Chinese', () => {
    const candidates = [
      para('para:1', '会议讨论了人口贩运问题。'),
      entity('crime:tip', 'CrimeType', '贩运人口', 'trafficking in persons', ['人口贩运']),
      entity('crime:drugs', 'CrimeType', '毒品贩运', 'drug trafficking'),
      entity('crime:x', 'CrimeType', '人口', 'population'),
      entity('org:x', 'Organization', '国际人口组织', 'International Population Organization'),
      para('para:2', '人口的流动和贩运网络'),
    ];
    const hits = rank('人口贩运', candidates);
    expect(hits.map((h) => [h.candidate.id, h.tier])).toEqual([
      ['crime:tip', 'exact'],
      ['para:1', 'text'],
      ['para:2', 'partial'],
    ]);
    expect(rank('人口', candidates).map((h) => h.tier)).toEqual(['exact', 'prefix', 'name', 'text', 'text']);
  });

  it('ranks by the same rules in English', () => {
    const candidates = [
      para('para:1', 'Speakers discussed trafficking in persons at length.'),
      entity('crime:tip', 'CrimeType', '贩运人口', 'trafficking in persons'),
      entity('crime:firearms', 'CrimeType', '贩运枪支', 'firearms trafficking'),
      para('para:2', 'persons displaced by trafficking networks'),
    ];
    expect(rank('trafficking in persons', candidates).map((h) => [h.candidate.id, h.tier])).toEqual([
      ['crime:tip', 'exact'],
      ['para:1', 'text'],
      ['para:2', 'partial'],
    ]);
    expect(
      rank('traff', candidates)
        .map((h) => [h.candidate.id, h.tier])
        .slice(0, 2),
    ).toEqual([
      ['crime:tip', 'prefix'],
      ['crime:firearms', 'name'],
    ]);
  });

  it('puts the name the query covers most first among names of one tier', () => {
    const rules = [
      entity('instrument:mandela', 'Instrument', '纳尔逊·曼德拉规则', 'Nelson Mandela Rules'),
      entity('instrument:bangkok', 'Instrument', '曼谷规则', 'Bangkok Rules', ['United Nations Rules for the Treatment of Women Prisoners']),
    ];
    expect(ids('Bangkok Rules', rules)).toEqual(['instrument:bangkok']);
    expect(ids('Rules', rules)).toEqual(['instrument:bangkok', 'instrument:mandela']);
  });

  it('highlights exactly the words matched, in the snippet it returns', () => {
    const text = `${'前言。'.repeat(80)}一些发言者强调了合乎道德地使用人工智能的重要性。`;
    const [hit] = rank('人工智能', [para('para:9', text)]);
    expect(hit!.tier).toBe('text');
    const shown = hitSnippet(hit!)!;
    expect(shown.snippet.length).toBeLessThan(text.length);
    expect(shown.highlights.map(([s, e]) => shown.snippet.slice(s, e))).toEqual(['人工智能']);
    const name = hitSnippet(rank('mexico', STATES)[0]!)!;
    expect(name.highlights.map(([s, e]) => name.snippet.slice(s, e))).toEqual(['Mexico']);
  });

  it('finds text through a translation, below the same match found as typed', () => {
    const needles = [
      makeNeedle('artificial intelligence', true),
      makeNeedle('人工智能', false, { kind: 'topic', from: 'artificial-intelligence', form: '人工智能' }),
    ];
    const hits = rankCandidates([para('para:zh', '合乎道德地使用人工智能。'), para('para:en', 'the ethical use of artificial intelligence.')], needles);
    expect(hits.map((h) => h.candidate.id)).toEqual(['para:en', 'para:zh']);
    expect(hits[1]!.needle.via?.form).toBe('人工智能');
    expect(hits.every((h) => h.tier === 'text')).toBe(true);
  });

  it('gives partial overlap only to what was typed, never to a translation', () => {
    const needles = [makeNeedle('xyz', true), makeNeedle('人工智能系统', false, { kind: 'topic', from: 't', form: '人工智能系统' })];
    expect(rankCandidates([para('para:1', '人工智能和系统')], needles)).toEqual([]);
  });

  it('scores within [tier, tier + 1) and orders ties by id', () => {
    const hits = rank('墨西哥', [para('para:b', '墨西哥'), para('para:a', '墨西哥')]);
    expect(hits.map((h) => h.candidate.id)).toEqual(['para:a', 'para:b']);
    for (const h of hits) expect(Math.floor(h.score)).toBe(2);
  });
});

describe('TokenCache', () => {
  it('gives the same tokens again, and drops the least recently used past its size', () => {
    const cache = new TokenCache(10);
    const a = cache.get('墨西哥和巴西');
    expect(cache.get('墨西哥和巴西')).toBe(a);
    cache.get('一二三四五六'); // 6 + 1 tokens: the first (6 + 1) is dropped
    expect(cache.get('墨西哥和巴西')).not.toBe(a);
    expect(cache.get('墨西哥和巴西')).toEqual(a);
  });
});
