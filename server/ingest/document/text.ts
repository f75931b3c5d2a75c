/**
 * A text file → lines: decoded (decode.ts), normalised (normalize.ts), split into pages at
 * form feeds (pdftotext writes one between pages), blank lines kept (they separate
 * paragraphs). Each line keeps the number of the file's line it stands on.
 */
import { decodeReport, type TextEncoding } from '../decode.ts';
import { normalizeText } from './normalize.ts';
import type { RawDocument, RawLine } from './types.ts';

export function readText(bytes: Uint8Array, encoding: TextEncoding, source?: string): RawDocument {
  return textDocument(decodeReport(bytes, source, encoding));
}

/** Text already decoded (an upload sent as JSON, a test) → lines, as readText gives them. */
export function textDocument(text: string): RawDocument {
  const lines: RawLine[] = [];
  let page = 1;
  for (const [i, fileLine] of text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .entries()) {
    // A form feed starts a page; a vertical tab (Word's manual line break) or a Unicode line separator ends a line within the file's line.
    const pieces = fileLine.split('\f');
    for (const [j, piece] of pieces.entries()) {
      if (j > 0) page++;
      if (j > 0 && piece === '' && j === pieces.length - 1 && pieces.length > 1) continue;
      for (const t of normalizeText(piece).split('\n')) lines.push({ text: t, page, line: i + 1 });
    }
  }
  return { format: 'text', lines, footnotes: [], pages: page, warnings: [] };
}
