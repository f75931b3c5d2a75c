/**
 * The one door for a report: a file's bytes and name → the ingested, validated graph,
 * or one clear error. `npm run ingest`, `npm run load`, the bundled corpus at start-up
 * and POST /api/reports all come through here.
 *
 * The text stored in the graph is the normalised text layout recovery gives (see
 * document/); every span points into it. `line` on Paragraph and Recommendation is the
 * source's line (the file's line for text; for PDF and Word the line of the extracted
 * text); a report read from pages (a PDF, text with form feeds) also gets `page`.
 *
 * Errors: DocumentError (not a readable document: format, encryption, no text layer,
 * damage), ReportFormatError (not a report of the expected shape, naming the line and
 * page), ReportInvalidError (the graph does not validate against MODEL.md).
 */
import type { GraphJson } from '../contract/model.ts';
import { fromRaw, readDocument, type ReadDocument } from './document/read.ts';
import { textDocument } from './document/text.ts';
import type { Footnote } from './document/types.ts';
import type { DocumentFormat } from './document/sniff.ts';
import { ReportFormatError, ReportInvalidError } from './errors.ts';
import type { Gazetteer } from './gazetteer/types.ts';
import { ingestReport, type IngestResult } from './ingestReport.ts';
import { validateGraph } from './validateGraph.ts';

export interface DocumentIngestOptions {
  /** The file's name (a path is fine): names errors, the Report's `source` and, absent reportId, the report's id. */
  source: string;
  gazetteer: Gazetteer;
  reportId?: string;
}

export interface DocumentIngestResult {
  graph: GraphJson;
  warnings: string[];
  format: DocumentFormat;
  /** The report's text as the parser read it (normalised, laid out). */
  text: string;
  /** The text as extracted from the file, before layout recovery: what `line` counts in, for PDF and Word. */
  extracted: string;
  footnotes: Footnote[];
  /** Page furniture and masthead lines taken out. */
  removed: string[];
  /** Entities the report names that the gazetteer lacks, created with `reviewed: false` (see docs/GAZETTEER.md). */
  unreviewed: IngestResult['unreviewed'];
}

/** A footnote as the graph stores it: as printed, its marker first ("1 See A/CONF.234/16, para. 3."). */
export function footnoteText(f: Footnote): string {
  return f.marker === '' ? f.text : `${f.marker} ${f.text}`;
}

/** Ingest a document's bytes (PDF, Word .docx, or text). */
export async function ingestDocument(bytes: Uint8Array, opts: DocumentIngestOptions): Promise<DocumentIngestResult> {
  return ingestRead(await readDocument(bytes, opts.source), opts);
}

/** Ingest text that is already decoded (an upload sent as JSON). */
export function ingestText(text: string, opts: DocumentIngestOptions): DocumentIngestResult {
  return ingestRead(fromRaw(textDocument(text)), opts);
}

function ingestRead(doc: ReadDocument, opts: DocumentIngestOptions): DocumentIngestResult {
  const paged = doc.format === 'pdf' || doc.pages > 1;
  const pageOf = (line: number) => doc.lines.find((l) => l.line >= line)?.page ?? doc.lines[doc.lines.length - 1]?.page ?? 1;
  let result;
  try {
    result = ingestReport(doc.text, {
      source: opts.source,
      gazetteer: opts.gazetteer,
      lineNumbers: doc.lines.map((l) => l.line),
      extracted: doc.extracted,
      lineMarks: doc.lines.map((l) => l.marks),
      footnotes: doc.footnotes.map(footnoteText),
      ...(opts.reportId ? { reportId: opts.reportId } : {}),
    });
  } catch (error) {
    if (error instanceof ReportFormatError && paged && error.page === undefined)
      throw new ReportFormatError(error.reason, error.line, error.source, pageOf(error.line));
    throw error;
  }
  if (paged) {
    for (const node of result.graph.nodes) {
      const line = node.properties.line;
      if (typeof line === 'number' && (node.labels.includes('Paragraph') || node.labels.includes('Recommendation'))) node.properties.page = pageOf(line);
    }
  }
  const problems = validateGraph(result.graph);
  if (problems.length > 0) throw new ReportInvalidError(opts.source, problems);
  const warnings = [...doc.warnings.map((w) => `${opts.source}: ${w}`), ...result.warnings];
  return {
    graph: result.graph,
    warnings,
    format: doc.format,
    text: doc.text,
    extracted: doc.extracted,
    footnotes: doc.footnotes,
    removed: doc.removed,
    unreviewed: result.unreviewed,
  };
}
