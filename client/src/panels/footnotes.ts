/**
 * A node's footnotes as the details panel shows them (docs/MODEL.md § Footnotes): the notes
 * listed under the text, each mark raised where it stood in the text. Pure: the panel builds
 * the elements.
 */

export interface NodeFootnote {
  /** The note's marker as printed ("1", "*"), or '' when the note does not start with one. */
  marker: string;
  /** The note as printed, marker first ("1 See A/CONF.234/16, para. 3."). */
  text: string;
  /** Where its mark stood in the node's text (an offset), or null (a Report's notes stand in no text of the graph). */
  at: number | null;
}

/** A note's marker: a number, or asterisks, daggers (the UN's marks, Editorial Manual "Footnotes"). */
const MARKER = /^(\d{1,3}|\*{1,3}|†{1,2}|‡{1,2})\s/;

/**
 * The footnotes of a node's properties (`footnotes`: strings; `footnoteAt`: offsets beside them,
 * on a Paragraph or Recommendation). Anything malformed is skipped rather than shown wrongly.
 */
export function nodeFootnotes(properties: Readonly<Record<string, unknown>>): NodeFootnote[] {
  const notes = properties.footnotes;
  if (!Array.isArray(notes)) return [];
  const at = Array.isArray(properties.footnoteAt) ? properties.footnoteAt : [];
  const length = typeof properties.text === 'string' ? properties.text.length : -1;
  return notes.flatMap((note, i) => {
    if (typeof note !== 'string' || note.trim() === '') return [];
    const offset = at[i];
    const valid = typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && offset <= length;
    return [{ marker: MARKER.exec(note)?.[1] ?? '', text: note, at: valid ? offset : null }];
  });
}

export type FootnotedSegment = { text: string } | { marker: string; note: string };

/** The text split at the footnotes' marks, in order: runs of text and raised marks (notes without a place or a marker are left out). */
export function footnotedSegments(text: string, notes: readonly NodeFootnote[]): FootnotedSegment[] {
  const placed = notes.filter((n) => n.at !== null && n.marker !== '').sort((a, b) => a.at! - b.at!);
  const out: FootnotedSegment[] = [];
  let cursor = 0;
  for (const n of placed) {
    if (n.at! > cursor) out.push({ text: text.slice(cursor, n.at!) });
    out.push({ marker: n.marker, note: n.text });
    cursor = Math.max(cursor, n.at!);
  }
  if (cursor < text.length || out.length === 0) out.push({ text: text.slice(cursor) });
  return out;
}
