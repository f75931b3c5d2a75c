import { describe, expect, it } from 'vitest';
import { findTermSpans, highlightSegments } from '../../../../../client/src/panels/highlight.ts';

const recText = '加强国内法律框架，以履行《打击有组织犯罪公约》规定的义务；';

describe('spans and highlighting', () => {
  it('marks the spans and keeps all the text', () => {
    const segments = highlightSegments(recText, [[13, 22]]);
    expect(segments.map((s) => s.text).join('')).toBe(recText);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['打击有组织犯罪公约']);
  });

  it('merges overlapping spans and clips those past the end', () => {
    expect(
      highlightSegments('abcdef', [
        [1, 3],
        [2, 4],
        [5, 99],
      ]),
    ).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'e', mark: false },
      { text: 'f', mark: true },
    ]);
  });

  it('finds terms longest first without overlaps', () => {
    const text = '跨国有组织犯罪与有组织犯罪';
    expect(findTermSpans(text, ['有组织犯罪', '跨国有组织犯罪'])).toEqual([
      [0, 7],
      [8, 13],
    ]);
  });
});
