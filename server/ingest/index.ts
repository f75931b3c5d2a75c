/** Public surface of the ingest pipeline. */
export { ingestReport, type IngestOptions, type IngestResult } from './ingestReport.ts';
export { ingestDocument, ingestText, type DocumentIngestOptions, type DocumentIngestResult } from './ingestDocument.ts';
export { loadGazetteer } from './gazetteer/load.ts';
export { mergeGraphs } from './mergeGraphs.ts';
export { validateGraph } from './validateGraph.ts';
export { decodeReport } from './decode.ts';
export { normalizeText } from './document/normalize.ts';
export { DocumentError, ReportFormatError, ReportInvalidError } from './errors.ts';
export { parseReport } from './parse/parseReport.ts';
export type { Gazetteer } from './gazetteer/types.ts';
export type { ReportStructure } from './parse/types.ts';
