import { describe, expect, it } from 'vitest';
import { pluralStem, tokenize } from '../../../server/search/tokens.ts';

describe('tokenize', () => {
  it('makes every Chinese character a token and every run of letters or digits a word, with spans in the original', () => {
    const text = '《曼谷规则》and the Bangkok Rules, 2030 年';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['曼', '谷', '规', '则', 'and', 'the', 'bangkok', 'rules', '2030', '年']);
    for (const t of tokens) expect(text.slice(t.start, t.end).normalize('NFKC').toLowerCase()).toBe(t.text);
  });

  it('folds full-width forms, case and accents, keeping offsets of the original', () => {
    const text = 'San José ＵＮＯＤＣ';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['san', 'jose', 'unodc']);
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe('José');
    expect(text.slice(tokens[2]!.start, tokens[2]!.end)).toBe('ＵＮＯＤＣ');
  });

  it('marks tokens after phrase-separating punctuation, not after spaces, hyphens or slashes', () => {
    const tokens = tokenize('墨西哥、巴西 co-operation A/CONF.241');
    const brk = Object.fromEntries(tokens.map((t) => [t.text, t.breakBefore]));
    expect(brk['巴']).toBe(true);
    expect(brk['哥']).toBe(false);
    expect(brk['operation']).toBe(false);
    expect(brk['conf']).toBe(false);
    expect(brk['241']).toBe(false);
  });

  it('keeps layout spaces next to Chinese out of the way (2030 年 = 2030年)', () => {
    expect(tokenize('2030 年').map((t) => t.text)).toEqual(tokenize('2030年').map((t) => t.text));
    expect(tokenize('2030 年')[1]!.breakBefore).toBe(false);
  });

  it('keeps astral characters whole', () => {
    const text = '𠮷野家';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['𠮷', '野', '家']);
  });
});

describe('pluralStem', () => {
  it('takes English plural endings off, and nothing else', () => {
    expect(pluralStem('cryptocurrencies')).toBe('cryptocurrency');
    expect(pluralStem('rules')).toBe('rule');
    expect(pluralStem('boxes')).toBe('box');
    expect(pluralStem('witnesses')).toBe('witness');
    expect(pluralStem('process')).toBe('process');
    expect(pluralStem('status')).toBe('status');
    expect(pluralStem('analysis')).toBe('analysis');
    expect(pluralStem('trafficking')).toBe('trafficking');
    expect(pluralStem('ais')).toBe('ais');
    expect(pluralStem('2030s')).toBe('2030s');
  });
});
