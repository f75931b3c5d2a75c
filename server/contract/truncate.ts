/**
 * Cutting text for display, between whole characters as a reader sees them:
 * extended grapheme clusters (Unicode Standard Annex #29, "Unicode Text
 * Segmentation", through `Intl.Segmenter`), so a cut never leaves half a
 * surrogate pair (an emoji, a CJK character outside the BMP such as 𠮷), splits
 * an emoji ZWJ sequence or a flag, or strips the accent off a letter.
 *
 * Pure and shared: the API (search snippets, node details, messages) and the
 * viewer (names in lists) use this one helper.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const ELLIPSIS = '…';

/**
 * UTF-16 code units between any two of which Unicode puts a grapheme cluster boundary (UAX #29:
 * Grapheme_Cluster_Break Other, tab and line feed, no carriage return): ASCII, Latin, Greek and
 * Cyrillic letters without combining marks, general punctuation, CJK punctuation and ideographs,
 * kana, full-width forms. Left out: combining marks, ZWJ, variation selectors, surrogates, Hangul
 * jamo and syllables, regional indicators, carriage return and every script with spacing or
 * prepended marks. Checked against Intl.Segmenter for every BMP code unit (truncate.test.ts).
 */
const SINGLE_UNITS =
  /^[\t\n\u0020-\u007E\u00A0-\u02FF\u0370-\u0482\u2010-\u2027\u2030-\u205E\u3000-\u3029\u3030-\u303F\u3041-\u3096\u30A0-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF60]*$/;

/**
 * `text` cut to at most `max` grapheme clusters, the ellipsis included: unchanged
 * when it fits; otherwise its first `max - 1` clusters (trailing white space
 * dropped) and `ellipsis`. Reads only as far into `text` as it needs.
 * Throws a RangeError when `max` is not a positive integer.
 */
export function truncateGraphemes(text: string, max: number, ellipsis: string = ELLIPSIS): string {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`truncateGraphemes: max must be a positive integer, got ${max}`);
  // No text of max UTF-16 units or fewer has more than max clusters.
  if (text.length <= max) return text;
  // Most text (Chinese, English) needs no segmenter: when its first max + 1 units are each a
  // cluster of their own, the first max - 1 clusters are its first max - 1 units, and more follow.
  if (SINGLE_UNITS.test(text.slice(0, max + 1))) return text.slice(0, max - 1).trimEnd() + ellipsis;
  let count = 0;
  let cut = 0; // end (in UTF-16 units) of the first max - 1 clusters
  for (const { index } of segmenter.segment(text)) {
    count += 1;
    if (count === max) cut = index; // where cluster number max starts
    if (count > max) return text.slice(0, cut).trimEnd() + ellipsis;
  }
  return text;
}
