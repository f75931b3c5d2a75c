/**
 * The body of a report, read line by line as a reader would, in two modes: the text
 * (chapters, sections, paragraphs and recommendations: paragraphs.ts) until the annex
 * heading, then the annex and its list of documents (annexReader.ts).
 */
import { createAnnexReader } from './annexReader.ts';
import type { Lexicon } from './lexicon.ts';
import { createTextReader } from './paragraphs.ts';
import type { AnnexDocument, Block, Chapter, Paragraph, Recommendation, Section, SourceLine } from './types.ts';

export interface Body {
  chapters: Chapter[];
  sections: Section[];
  blocks: Block[];
  paragraphs: Paragraph[];
  recommendations: Recommendation[];
  annex: AnnexDocument[];
  warnings: string[];
}

/**
 * Reads the lines from `start` (the first line after the table of contents) to the end.
 * Throws ReportFormatError (naming the line) where the text cannot be a report: a letter
 * twice in one list, recommendations announced but none given, a list cut off at the end.
 */
export function readBody(lines: readonly SourceLine[], start: number, lex: Lexicon, source?: string): Body {
  const body: Body = { chapters: [], sections: [], blocks: [], paragraphs: [], recommendations: [], annex: [], warnings: [] };
  const text = createTextReader(body, lex, source);
  const annex = createAnnexReader(lex, body.annex, body.warnings);
  let inAnnex = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') continue;
    if (inAnnex) annex.line(line);
    else if (lex.annexHeading.test(line.text)) {
      text.close();
      inAnnex = true;
    } else text.line(line);
  }
  if (!inAnnex) text.finish();
  return body;
}
