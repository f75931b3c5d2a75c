import { describe, expect, it } from 'vitest';
import { GAZETTEER_DIR } from '../../../../server/db/corpus.ts';
import { loadGazetteer } from '../../../../server/ingest/gazetteer/load.ts';
import { buildSurfaceForms } from '../../../../server/ingest/gazetteer/surfaceForms.ts';
import { tokenize } from '../../../../server/search/tokens.ts';
import { loadTopics, parseTopics, tokenKey, topicsNamed } from '../../../../server/search/topics.ts';

describe('data/topics.json', () => {
  const topics = loadTopics();

  it('is valid: both languages and a source for every topic', () => {
    expect(topics.length).toBeGreaterThanOrEqual(20);
    for (const t of topics) {
      expect(
        t.forms.some((f) => f.lang === 'zh' && /\p{Script=Han}/u.test(f.text)),
        t.id,
      ).toBe(true);
      expect(
        t.forms.some((f) => f.lang === 'en' && /^[\p{Script=Latin}\s\-'’]+$/u.test(f.text)),
        t.id,
      ).toBe(true);
      expect(t.source.length).toBeGreaterThan(4);
    }
  });

  it('has the topics the issue names', () => {
    for (const q of ['artificial intelligence', 'cryptocurrency', 'restorative justice', 'legal aid', '人工智能', '加密货币', '恢复性司法', '法律援助']) {
      expect(topicsNamed(tokenize(q), topics), q).toHaveLength(1);
    }
  });

  it('names no entity of the gazetteer (one home per name: an entity’s aliases already translate it)', async () => {
    const forms = new Map(buildSurfaceForms(await loadGazetteer(GAZETTEER_DIR)).map((f) => [tokenKey(tokenize(f.surface)), f.surface]));
    const clashes = topics.flatMap((t) => t.forms.filter((f) => forms.has(tokenKey(f.tokens))).map((f) => `${t.id}: ${f.text}`));
    expect(clashes).toEqual([]);
  });

  it('matches the whole query only, plural endings aside', () => {
    expect(topicsNamed(tokenize('Cryptocurrencies'), topics).map((t) => t.id)).toEqual(['cryptocurrency']);
    expect(topicsNamed(tokenize('legal aid in prisons'), topics)).toEqual([]);
  });
});

describe('parseTopics', () => {
  const ok = { id: 'legal-aid', en: ['legal aid'], zh: ['法律援助'], source: 'A/RES/67/187' };

  it('refuses a malformed entry, naming it', () => {
    expect(() => parseTopics([{ ...ok, zh: [] }], 'topics.json')).toThrow(/topics\.json: entry 0\.zh/);
    expect(() => parseTopics([{ ...ok, id: 'Legal Aid' }], 'topics.json')).toThrow(/entry 0\.id/);
    expect(() => parseTopics([{ ...ok, extra: 1 }], 'topics.json')).toThrow(/entry 0/);
  });

  it('refuses a repeated id, a form without letters, and one form in two topics', () => {
    expect(() => parseTopics([ok, ok], 't')).toThrow(/"legal-aid" is used twice/);
    expect(() => parseTopics([{ ...ok, en: ['—'] }], 't')).toThrow(/has no letters/);
    expect(() => parseTopics([ok, { ...ok, id: 'aid', zh: ['援助'], en: ['Legal Aid'] }], 't')).toThrow(/in both "legal-aid" and "aid"/);
  });
});
