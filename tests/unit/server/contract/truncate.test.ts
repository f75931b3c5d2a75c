/**
 * Every cut of text for display goes through truncateGraphemes: between whole
 * grapheme clusters, never leaving half a surrogate pair, half an emoji ZWJ
 * sequence, half a flag or a letter without its accent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, truncateGraphemes } from '../../../../server/contract/truncate.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusters = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);
/** Offsets (UTF-16) where a cluster starts or the text ends. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);
const boundaries = (text: string): Set<number> => new Set([...Array.from(segmenter.segment(text), (s) => s.index), text.length]);

/** Pieces that break a UTF-16 or code-point cut: astral CJK and emoji, ZWJ sequences, flags, skin tones, combining marks, CRLF. */
const tricky = fc.constantFrom('𠮷', '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇷', '🇺🇳', '👍🏽', 'e\u0301', '\u0928\u093F', '\r\n', '中', 'a', ' ', '…', '\u200d', '\ufe0f');
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120, size: 'large' }),
  fc.string({ unit: tricky, maxLength: 120, size: 'large' }),
  fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 300 }),
);

describe('truncateGraphemes', () => {
  it('cuts between grapheme clusters, keeps at most max of them (ellipsis included), and only when the text is longer', () => {
    let cut = 0;
    fc.assert(
      // max anywhere from 1 to a bit past the text's length in clusters.
      fc.property(text, fc.double({ min: 0, max: 1.2, noNaN: true }), (t, share) => {
        const count = clusters(t).length;
        const max = 1 + Math.floor(share * count);
        const out = truncateGraphemes(t, max);
        if (count <= max) {
          expect(out).toBe(t);
          return;
        }
        cut += 1;
        expect(out.endsWith(ELLIPSIS)).toBe(true);
        const kept = out.slice(0, -ELLIPSIS.length);
        expect(t.startsWith(kept)).toBe(true);
        expect(boundaries(t).has(kept.length)).toBe(true);
        expect(clusters(kept).length).toBeLessThanOrEqual(max - 1);
        expect(kept).toBe(kept.trimEnd());
        // Well-formed in, well-formed out: no lone surrogate reaches the JSON.
        if (wellFormed(t)) {
          expect(wellFormed(out)).toBe(true);
          expect(JSON.stringify(out)).not.toMatch(/\\ud[89a-f]/i);
        }
      }),
      { numRuns: 3000 },
    );
    expect(cut).toBeGreaterThan(1500); // most runs exercise a cut
  }, 60_000);

  it('the field report: an emoji or an astral CJK character at the cut stays whole', () => {
    const snippet = truncateGraphemes(`${'犯'.repeat(119)}😀${'罪'.repeat(10)}`, 120);
    expect(snippet).toBe(`${'犯'.repeat(119)}…`);
    const details = truncateGraphemes(`${'x'.repeat(198)}𠮷𠮷${'y'.repeat(10)}`, 200);
    expect(details).toBe(`${'x'.repeat(198)}𠮷…`);
    expect(truncateGraphemes('👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦', 2)).toBe('👩‍👩‍👧‍👦…');
    expect(truncateGraphemes('🇨🇷🇺🇳🇨🇷', 2)).toBe('🇨🇷…');
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => truncateGraphemes('abc', 0)).toThrow(RangeError);
    expect(() => truncateGraphemes('abc', 1.5)).toThrow(RangeError);
  });
});

/** The cut as Intl.Segmenter alone makes it: the reference for the shortcut of text that needs no segmenter. */
function segmenterCut(text: string, max: number): string {
  let count = 0;
  let cut = 0;
  for (const { index } of segmenter.segment(text)) {
    count += 1;
    if (count === max) cut = index;
    if (count > max) return text.slice(0, cut).trimEnd() + ELLIPSIS;
  }
  return text;
}

describe('truncateGraphemes without the segmenter', () => {
  it('cuts as the segmenter does for every BMP code unit, beside itself, ASCII, CJK and a combining mark', () => {
    const wrong: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      // Max 6 reads the first 7 units: a|c, c|c, c|a, c|中, 中|c; max 3 reads c|c|c|c, a combining mark after them.
      for (const [t, max] of [[`a${c}${c}a${c}中${c}x`, 6] as const, [`${c}${c}${c}${c}\u0301`, 3] as const]) {
        if (truncateGraphemes(t, max) !== segmenterCut(t, max)) wrong.push(`U+${u.toString(16)} in ${JSON.stringify(t)}, max ${max}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('cuts as the segmenter does where plain text meets marks, joiners, pairs and flags at or near the cut', () => {
    const plain = fc.constantFrom('a', 'Z', ' ', '\n', '中', '罪', '，', '。', 'é', '—', '“', 'カ', 'ж', '1');
    fc.assert(
      fc.property(
        fc.string({ unit: plain, minLength: 1, maxLength: 40 }),
        fc.string({ unit: fc.oneof(plain, tricky), maxLength: 12 }),
        fc.integer({ min: 1, max: 45 }),
        (head, tail, max) => {
          const t = head + tail;
          expect(truncateGraphemes(t, max)).toBe(segmenterCut(t, max));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
