/**
 * Bytes of a file → the report's text in the layout the parser reads: the format
 * sniffed from the content (sniff.ts), read by its reader (pdf.ts, docx.ts, text.ts,
 * each normalising its characters with normalize.ts), laid out again (layout.ts).
 */
import { stripAnchors, type FootnoteMark } from './anchors.ts';
import { recoverLayout, type RecoveredLine } from './layout.ts';
import { readDocx } from './docx.ts';
import { readPdf } from './pdf.ts';
import { sniffDocument, type DocumentFormat } from './sniff.ts';
import { readText } from './text.ts';
import type { Footnote, RawDocument } from './types.ts';

export interface ReadDocument {
  format: DocumentFormat;
  /** The report's text, one unit (heading, paragraph, list item, contents entry, annex row) per line. */
  text: string;
  /** The text as extracted, page-laid, before layout recovery (normalised): the lines `line` numbers refer to for PDF and Word. */
  extracted: string;
  /**
   * Per line of `text`: the line of the source it starts on (the file's line for text; the
   * extracted text's line for PDF and Word), its page, and where footnotes' marks stood in it
   * (offsets into the line; `footnote` indexes `footnotes`).
   */
  lines: { line: number; page: number; marks: FootnoteMark[] }[];
  pages: number;
  /** The document's footnotes, in order (a PDF's and a text's as printed; a Word file's in the order the text refers to them). */
  footnotes: Footnote[];
  /** Page furniture and masthead lines taken out. */
  removed: string[];
  warnings: string[];
}

/** Read a document of any supported format. Throws DocumentError or ReportFormatError (bad text encoding). */
export async function readDocument(bytes: Uint8Array, source?: string): Promise<ReadDocument> {
  const sniffed = sniffDocument(bytes, source);
  const raw: RawDocument =
    sniffed.format === 'pdf'
      ? await readPdf(bytes, source)
      : sniffed.format === 'docx'
        ? await readDocx(bytes, source)
        : readText(bytes, sniffed.encoding, source);
  return fromRaw(raw);
}

/** A document already read into lines (a text sent as JSON) → the same result as readDocument. */
export function fromRaw(raw: RawDocument): ReadDocument {
  const recovered = recoverLayout(raw);
  return {
    format: raw.format,
    text: recovered.lines.map((l: RecoveredLine) => l.text).join('\n'),
    extracted: raw.lines.map((l) => stripAnchors(l.text)).join('\n'),
    lines: recovered.lines.map((l) => ({ line: l.line, page: l.page, marks: l.marks })),
    pages: raw.pages,
    footnotes: recovered.footnotes,
    removed: recovered.removed,
    warnings: [...raw.warnings, ...recovered.warnings],
  };
}
