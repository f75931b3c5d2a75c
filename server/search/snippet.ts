/**
 * The one place search cuts text for display: a window of a paragraph around its
 * first match, never splitting a user-perceived character (grapheme cluster: the
 * start through Intl.Segmenter, the end through the shared truncateGraphemes),
 * with "…" where text was left out, and the match spans moved into the window's
 * coordinates.
 */
import { ELLIPSIS, truncateGraphemes } from '../contract/truncate.ts';

export interface Snippet {
  snippet: string;
  /** [start, end) UTF-16 offsets into `snippet`, sorted, not overlapping. */
  highlights: [number, number][];
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The greatest grapheme boundary ≤ offset (the start of the cluster the offset falls in; text.length past the end). */
function floorBoundary(segments: Intl.Segments, length: number, offset: number): number {
  if (offset >= length) return length;
  return segments.containing(offset)?.index ?? offset;
}

/**
 * A window of at most `width` grapheme clusters of `text` (the closing "…" included,
 * an opening one besides), starting a little before the first span so the match has some context
 * (a text shorter than `width` is kept whole when its first match is near the
 * start). Spans outside the window are dropped, spans cut by it are clipped. With no
 * span, the start of the text.
 */
export function cutSnippet(text: string, spans: readonly [number, number][], width = 140): Snippet {
  const first = spans[0];
  // Context before the match: up to 20 characters, less when the match is long, so that it fits.
  const lead = first ? Math.min(20, Math.floor(width / 3), Math.max(0, Math.floor((width - (first[1] - first[0])) / 2))) : 0;
  // A short text stays whole unless its match stands far in (a list shows a snippet's first lines only).
  if (text.length <= width && (!first || first[0] <= 2 * lead)) return { snippet: text, highlights: spans.map(([s, e]) => [s, e] as [number, number]) };
  const segments = segmenter.segment(text);
  let start = first ? Math.max(0, first[0] - lead) : 0;
  if (text.length > width && start + width > text.length) start = text.length - width;
  start = floorBoundary(segments, text.length, start);
  const rest = text.slice(start);
  const shown = truncateGraphemes(rest, width);
  const end = start + (shown === rest ? rest.length : shown.length - ELLIPSIS.length);
  const before = start > 0 ? ELLIPSIS : '';
  const shift = before.length - start;
  const highlights: [number, number][] = [];
  for (const [s, e] of spans) {
    const cs = Math.max(s, start);
    const ce = Math.min(e, end);
    if (ce > cs) highlights.push([cs + shift, ce + shift]);
  }
  return { snippet: `${before}${shown}`, highlights };
}
