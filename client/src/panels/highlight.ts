/** Marking words in a paragraph's text: the spans of a fact's provenance, or the names of crime types. */

export interface TextSegment {
  text: string;
  mark: boolean;
}

/** Splits `text` into plain and highlighted runs; overlapping or out-of-range spans are merged and clipped. */
export function highlightSegments(text: string, spans: readonly [number, number][]): TextSegment[] {
  const clipped = spans
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const [s, e] of merged) {
    if (s > cursor) segments.push({ text: text.slice(cursor, s), mark: false });
    segments.push({ text: text.slice(s, e), mark: true });
    cursor = e;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), mark: false });
  return segments;
}

/** Spans of every occurrence of any of `terms` in `text` (longest first, no overlaps): highlights crime names in a paragraph. */
export function findTermSpans(text: string, terms: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const sorted = [...new Set(terms.filter((t) => t && t.trim().length > 1))].sort((a, b) => b.length - a.length);
  for (const term of sorted) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      let free = true;
      for (let i = at; i < end; i++) if (taken[i]) free = false;
      if (free) {
        for (let i = at; i < end; i++) taken[i] = true;
        spans.push([at, end]);
      }
      from = end;
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
