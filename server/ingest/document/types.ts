/** A document as its reader found it, before layout recovery: pages of lines, and what was set apart. */
import type { DocumentFormat } from './sniff.ts';

export interface RawLine {
  /** The line's text, normalised (normalize.ts); '' for a blank line, which separates paragraphs. */
  text: string;
  /** 1-based page (a PDF's page; text split at form feeds; 1 for Word). */
  page: number;
  /** The file's 1-based line, when the file has lines (text); default: the line's place in RawDocument.lines. */
  line?: number;
  /**
   * The line reaches the right edge of the text column, so a paragraph wrapped here and goes
   * on (PDF geometry). Undefined when the reader cannot tell; layout recovery then estimates it.
   */
  full?: boolean;
  /**
   * The reader knows this line is a paragraph of its own (a Word paragraph), so it is
   * never joined to the line before for its width; undefined: the reader cannot tell.
   */
  paragraph?: boolean;
}

export interface Footnote {
  /** The marker as printed ("1", "*"); '' when none could be read. */
  marker: string;
  text: string;
  page: number;
}

export interface RawDocument {
  format: DocumentFormat;
  lines: RawLine[];
  /** Footnotes the reader could tell apart by position or markup (PDF: small type under the text; Word: the notes part). */
  footnotes: Footnote[];
  /** Number of pages (1 for Word and for text without form feeds). */
  pages: number;
  /** Page furniture the reader took out itself (the PDF reader, by position). */
  removed?: string[];
  /** Things the reader noticed that a user should know (pages without text, automatic numbering not read). */
  warnings: string[];
}
