import { describe, expect, it } from 'vitest';
import { findPartial, findPhrase, queryUnits, spansOf } from '../../../../server/search/match.ts';
import { tokenize } from '../../../../server/search/tokens.ts';

const phrase = (q: string, t: string, prefix = true) => findPhrase(tokenize(q), tokenize(t), prefix);
const partial = (q: string, t: string) => findPartial(queryUnits(tokenize(q)), tokenize(t));

describe('findPhrase', () => {
  it('matches Chinese character by character, in order and adjacent', () => {
    expect(phrase('墨西哥', '墨西哥')).toHaveLength(1);
    expect(phrase('墨西哥', '巴西')).toHaveLength(0);
    expect(phrase('墨西哥', '哥伦比亚、墨西哥和巴西')).toEqual([{ from: 4, to: 7, prefix: false }]);
    expect(phrase('人工智能', '人工 智能')).toHaveLength(1); // layout space
  });

  it('does not run across punctuation unless the query has it too', () => {
    expect(phrase('哥巴', '墨西哥、巴西')).toHaveLength(0);
    expect(phrase('哥、巴', '墨西哥、巴西')).toHaveLength(1);
  });

  it('matches English word by word: plural endings aside, the last word may be a prefix', () => {
    expect(phrase('Bangkok Rule', 'the Bangkok Rules')).toEqual([{ from: 1, to: 3, prefix: false }]);
    expect(phrase('traff', 'trafficking in persons')).toEqual([{ from: 0, to: 1, prefix: true }]);
    expect(phrase('traff', 'trafficking in persons', false)).toHaveLength(0);
    expect(phrase('aid', 'said the legal aid')).toEqual([{ from: 3, to: 4, prefix: false }]);
    expect(phrase('24', '2024 and 245', true)).toHaveLength(0); // numbers are never prefixes
  });

  it('finds every occurrence, not overlapping', () => {
    expect(phrase('人工智能', '使用人工智能，包括生成性人工智能')).toHaveLength(2);
  });
});

describe('partial overlap', () => {
  it('needs more than half of the units and at least two, Chinese bigrams in order', () => {
    const p = partial('为了犯罪目的而使用人工智能', '为犯罪目的使用人工智能，包括生成性人工智能')!;
    expect(p.matched).toBeGreaterThan(p.total / 2);
    expect(partial('贝鲁特', '秘鲁和智利')).toBeUndefined();
    expect(partial('人工智能', '智利')).toBeUndefined();
  });

  it('never counts a lone shared character or a one-letter word', () => {
    expect(queryUnits(tokenize('第24段')).map((u) => u.tokens.map((t) => t.text).join(''))).toEqual(['24']);
    expect(partial('第24段', '第2段和第4段')).toBeUndefined();
    expect(queryUnits(tokenize('a plan B')).map((u) => u.tokens[0]!.text)).toEqual(['plan']);
  });

  it('takes English content words in any order', () => {
    expect(partial('firearms trafficking', 'trafficking in firearms')).toMatchObject({ matched: 2, total: 2 });
    expect(partial('rules of the Bangkok', 'Nelson Mandela Rules')).toBeUndefined();
  });
});

describe('spansOf', () => {
  it('maps token ranges to merged spans of the original text', () => {
    const text = '《曼谷规则》和曼谷';
    const tokens = tokenize(text);
    const spans = spansOf(tokens, [
      [0, 2],
      [2, 4],
      [5, 7],
    ]);
    expect(spans).toEqual([
      [1, 5],
      [7, 9],
    ]);
    expect(text.slice(1, 5)).toBe('曼谷规则');
  });
});
