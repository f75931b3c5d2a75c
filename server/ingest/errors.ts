/**
 * Input that is not a report of the expected shape. Always names the line (1-based) where it
 * went wrong: the file's line for text, the line of the extracted text for PDF and Word, with
 * the PDF's page when there is one.
 */
export class ReportFormatError extends Error {
  readonly line: number;
  readonly source: string | undefined;
  readonly page: number | undefined;
  /** The sentence itself, without the place. */
  readonly reason: string;

  constructor(message: string, line: number, source?: string, page?: number) {
    super(`${source ?? 'report'}, ${page !== undefined ? `page ${page}, ` : ''}line ${line}: ${message}`);
    this.name = 'ReportFormatError';
    this.line = line;
    this.source = source;
    this.page = page;
    this.reason = message;
  }
}

/** A report that was read but does not make a graph that validates against docs/MODEL.md (validateGraph's problems). */
export class ReportInvalidError extends Error {
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super(`${source}: the graph does not validate against MODEL.md: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
    this.name = 'ReportInvalidError';
    this.problems = problems;
  }
}

/**
 * Why a file could not be read as a document at all (before any line of it was read):
 * `unsupported` (not a PDF, Word .docx or text file), `no_text_layer` (a PDF of page images),
 * `encrypted`, `corrupt` (damaged or truncated), `not_a_report` (a document, but no report's text in it).
 */
export type DocumentErrorReason = 'unsupported' | 'no_text_layer' | 'encrypted' | 'corrupt' | 'not_a_report';

/** A file that is not a readable document; the message is one sentence a user understands, prefixed with the file's name. */
export class DocumentError extends Error {
  readonly reason: DocumentErrorReason;
  readonly source: string | undefined;

  constructor(reason: DocumentErrorReason, message: string, source?: string) {
    super(`${source ?? 'document'}: ${message}`);
    this.name = 'DocumentError';
    this.reason = reason;
    this.source = source;
  }
}
