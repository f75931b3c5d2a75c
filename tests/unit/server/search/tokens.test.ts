import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../server/config.ts';
import { foldText } from '../../../../server/ingest/match/fold.ts';
import { isCjkChar, pluralStem, tokenize } from '../../../../server/search/tokens.ts';

/**
 * The tokeniser spelt out the slow way, over ingest's foldText: fold the whole text,
 * then cut the folded string. tokenize must give the same tokens in one pass.
 */
function tokenizeOverFoldText(text: string) {
  const premapped = text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const { folded, origin, originEnd } = foldText(premapped);
  const out: { text: string; start: number; end: number; breakBefore: boolean }[] = [];
  let gap = '';
  const push = (chars: string, from: number, to: number): void => {
    const t = chars.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    if (t === '') return;
    out.push({ text: t, start: origin[from]!, end: originEnd[to - 1]!, breakBefore: out.length > 0 && !/^[\s\-‐‑‒–—/.'’·_&]*$/u.test(gap) });
    gap = '';
  };
  const word = (c: string) => /[\p{L}\p{N}\p{M}]/u.test(c) && !isCjkChar(c);
  for (let i = 0; i < folded.length;) {
    const ch = String.fromCodePoint(folded.codePointAt(i)!);
    if (isCjkChar(ch)) {
      push(ch, i, i + ch.length);
      i += ch.length;
    } else if (word(ch)) {
      let j = i;
      while (j < folded.length && word(String.fromCodePoint(folded.codePointAt(j)!))) j += String.fromCodePoint(folded.codePointAt(j)!).length;
      push(folded.slice(i, j), i, j);
      i = j;
    } else {
      gap += ch;
      i += ch.length;
    }
  }
  return out;
}

describe('tokenize and ingest’s folding', () => {
  const texts = [
    readFileSync(path.join(PROJECT_ROOT, 'data', 'reports', 'lac-rpm-2025.zh.txt'), 'utf8'),
    readFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'dev', 'afr-rpm-2025.zh.txt'), 'utf8'),
    readFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'dev', 'eur-rpm-2025.en.txt'), 'utf8'),
    '  San José ＵＮＯＤＣ 《曼谷规则》 “quoted” co‑operation — 2030 年 　全角 Ｘ ﬁnance ① 𠮷野家 Ａ/ＣＯＮＦ.241 e\u0301t\u00e9 한국어  ',
  ];

  it('gives the tokens a tokeniser over fold.ts’s foldText gives, on the reports and on edge cases', () => {
    for (const text of texts) {
      const fast = tokenize(text).map(({ text: t, start, end, breakBefore }) => ({ text: t, start, end, breakBefore }));
      expect(fast).toEqual(tokenizeOverFoldText(text));
    }
  }, 60_000);
});

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
