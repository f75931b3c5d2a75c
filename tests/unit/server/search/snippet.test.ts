import { describe, expect, it } from 'vitest';
import { cutSnippet } from '../../../../server/search/snippet.ts';

describe('cutSnippet', () => {
  it('keeps a short text whole, spans as they are', () => {
    expect(cutSnippet('墨西哥和巴西', [[0, 3]])).toEqual({ snippet: '墨西哥和巴西', highlights: [[0, 3]] });
  });

  it('cuts a window around the first match, marks the cuts, moves the spans', () => {
    const text = `${'前'.repeat(300)}人工智能${'后'.repeat(300)}`;
    const { snippet, highlights } = cutSnippet(text, [[300, 304]], 100);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(102);
    expect(highlights).toHaveLength(1);
    expect(snippet.slice(highlights[0]![0], highlights[0]![1])).toBe('人工智能');
  });

  it('drops spans outside the window and clips a span the window cuts', () => {
    const text = 'x'.repeat(1000);
    const { highlights, snippet } = cutSnippet(
      text,
      [
        [500, 505],
        [990, 1000],
      ],
      100,
    );
    expect(highlights).toHaveLength(1);
    expect(snippet.slice(highlights[0]![0], highlights[0]![1])).toBe('xxxxx');
  });

  it('never splits a grapheme cluster (astral characters, emoji sequences, combining marks)', () => {
    const unit = '👩‍⚖️e\u0301𠮷';
    const text = unit.repeat(60);
    for (const width of [17, 40, 77, 101]) {
      const { snippet } = cutSnippet(text, [[unit.length * 20, unit.length * 20 + 2]], width);
      const inner = snippet.replace(/^…/, '').replace(/…$/, '');
      const segs = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(inner)].map((s) => s.segment);
      for (const s of segs) expect(['👩‍⚖️', 'e\u0301', '𠮷']).toContain(s);
    }
  });

  it('starts a short text nearer its match when the match stands far in', () => {
    const text = '通过数字技术的应用发展创新性的预防犯罪方法，为儿童和青年开办媒体和信息素养课程，以此作为一项初级预防措施，并利用人工智能增进儿童的安全；';
    const at = text.indexOf('人工智能');
    const { snippet, highlights } = cutSnippet(text, [[at, at + 4]]);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('安全；')).toBe(true);
    expect(highlights[0]![0]).toBeLessThanOrEqual(21);
    expect(snippet.slice(highlights[0]![0], highlights[0]![1])).toBe('人工智能');
  });

  it('gives the start of the text when there is no span', () => {
    const { snippet, highlights } = cutSnippet('a'.repeat(500), [], 50);
    expect(snippet).toBe(`${'a'.repeat(49)}…`);
    expect(highlights).toEqual([]);
  });
});
