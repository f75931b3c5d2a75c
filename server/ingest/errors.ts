/** Input that is not a report of the expected shape. Always names the line (1-based) where it went wrong. */
export class ReportFormatError extends Error {
  readonly line: number;
  readonly source: string | undefined;

  constructor(message: string, line: number, source?: string) {
    super(`${source ?? 'report'}, line ${line}: ${message}`);
    this.name = 'ReportFormatError';
    this.line = line;
    this.source = source;
  }
}
