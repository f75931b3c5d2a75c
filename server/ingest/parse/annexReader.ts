/**
 * The annex of a report, the last two modes of the body reader: after the annex heading,
 * skip to the heading of the list of documents ("文件一览表", "List of documents"); then
 * read its rows ("SYMBOL<tab>TITLE"), a line without a tab continuing the previous title.
 */
import { parseAnnexRow } from './annex.ts';
import type { Lexicon } from './lexicon.ts';
import type { AnnexDocument, SourceLine } from './types.ts';

export interface AnnexReader {
  /** Reads one non-empty line of the annex. */
  line(line: SourceLine): void;
}

export function createAnnexReader(lex: Lexicon, documents: AnnexDocument[], warnings: string[]): AnnexReader {
  let inList = false;
  return {
    line({ text, raw, number }) {
      if (!inList) {
        inList = lex.documentListHeading.test(text);
        return;
      }
      if (raw.includes('\t')) documents.push(parseAnnexRow(raw, number));
      else if (documents.length > 0) documents[documents.length - 1]!.title += text;
      else warnings.push(`line ${number}: text in the list of documents without a symbol column: "${text}"`);
    },
  };
}
