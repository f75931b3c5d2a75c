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
 * `text` cut to at most `max` grapheme clusters, the ellipsis included: unchanged
 * when it fits; otherwise its first `max - 1` clusters (trailing white space
 * dropped) and `ellipsis`. Reads only as far into `text` as it needs.
 * Throws a RangeError when `max` is not a positive integer.
 */
export function truncateGraphemes(text: string, max: number, ellipsis: string = ELLIPSIS): string {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`truncateGraphemes: max must be a positive integer, got ${max}`);
  // No text of max UTF-16 units or fewer has more than max clusters.
  if (text.length <= max) return text;
  let count = 0;
  let cut = 0; // end (in UTF-16 units) of the first max - 1 clusters
  for (const { index } of segmenter.segment(text)) {
    count += 1;
    if (count === max) cut = index; // where cluster number max starts
    if (count > max) return text.slice(0, cut).trimEnd() + ellipsis;
  }
  return text;
}
