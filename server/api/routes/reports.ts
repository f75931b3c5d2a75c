import { timingSafeEqual, createHash } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { GAZETTEER_DIR } from '../../db/corpus.ts';
import { loadReport, LoadInputError } from '../../db/load.ts';
import {
  DocumentError,
  ingestDocument,
  ingestText,
  loadGazetteer,
  ReportFormatError,
  ReportInvalidError,
  type DocumentIngestResult,
  type Gazetteer,
} from '../../ingest/index.ts';
import type { ApiContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { ReportIdPath, ReportRemovedResponse, ReportUploadJson, ReportUploadQuery, ReportUploadResponse } from '../../contract/api.ts';
import { newEntities } from '../../db/queries/corpus.ts';
import { removeReport } from '../../db/remove.ts';
import { languageVersionId, loadedReportLanguages } from '../../db/report-ids.ts';

/** The media types an upload is documented with; the format itself is read from the bytes, whatever the type says. */
const DOCUMENT_TYPES = ['text/plain', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/octet-stream'];

function sameSecret(given: string, expected: string): boolean {
  // Compare digests: equal length always, so timingSafeEqual applies and the length leaks nothing.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** 403 when uploads are disabled (no ADMIN_TOKEN), 401 without the right bearer token. */
export function requireAdmin(adminToken: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!adminToken) {
      next(new ApiError(403, 'uploads_disabled', 'Adding and removing reports is disabled on this server: it was started without ADMIN_TOKEN.'));
      return;
    }
    const match = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '');
    if (!match || !sameSecret(match[1]!.trim(), adminToken)) {
      next(
        new ApiError(401, 'unauthorized', 'Adding and removing reports needs `Authorization: Bearer <ADMIN_TOKEN>`.', undefined, {
          'WWW-Authenticate': 'Bearer realm="congress-graph"',
        }),
      );
      return;
    }
    next();
  };
}

interface RawUpload {
  bytes: Buffer;
}

/** Any body but JSON is the file itself: kept as bytes for the one door (ingestDocument), its name and report id from the query. */
const rawBody: RequestHandler = (req, res, next) => {
  if (Buffer.isBuffer(req.body)) {
    res.locals.upload = { bytes: req.body } satisfies RawUpload;
    req.body = undefined;
  }
  next();
};

/** The door's errors as the API says them: 415 for a file that is no document we read, 400 for one that is not a report. */
function uploadError(error: unknown, name: string): unknown {
  if (error instanceof DocumentError) {
    return error.reason === 'unsupported'
      ? new ApiError(415, 'unsupported_format', error.message, { reason: error.reason, source: error.source ?? name })
      : new ApiError(400, 'report_format', error.message, { reason: error.reason, source: error.source ?? name });
  }
  if (error instanceof ReportFormatError) {
    return new ApiError(400, 'report_format', error.message, {
      line: error.line,
      ...(error.page !== undefined ? { page: error.page } : {}),
      source: error.source ?? name,
    });
  }
  if (error instanceof ReportInvalidError) {
    return new ApiError(
      400,
      'report_invalid',
      `The report does not make a valid graph: ${error.problems[0]}${error.problems.length > 1 ? ` (and ${error.problems.length - 1} more)` : ''}`,
      {
        problems: error.problems.slice(0, 20),
      },
    );
  }
  return error;
}

/** POST /api/reports: ingest a report (PDF, Word or text) and load it, all or nothing; DELETE /api/reports/:id: take it out again. */
export function reportRoutes({ driver, config, database }: ApiContext): RouteSpec[] {
  let gazetteer: Promise<Gazetteer> | undefined;
  // One upload or removal at a time: two loads of one report must not interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  return [
    defineRoute({
      method: 'post',
      path: '/api/reports',
      operationId: 'uploadReport',
      summary: 'Upload a report (PDF, Word or text): ingest it and load it atomically (admin)',
      description:
        'The body is the report file itself — a PDF (with a text layer), a Word .docx, or text (UTF-8, or UTF-16 with its byte order mark) — recognised by its content whatever its media type; give its file name as `name`. Or JSON `{text, name?, reportId?}` with the text. The report is read, parsed, extracted and loaded in one transaction, replacing an earlier version of the same report. A file that is no document we read is refused with 415; a scanned PDF without text, an encrypted or damaged file, or a document that is not a report with 400 (`report_format`, naming the line and page where it went wrong); nothing is loaded. The file may be as large as UPLOAD_MAX_MB (default 20 MB; bigger: 413), JSON bodies 1 MB. Needs `Authorization: Bearer <ADMIN_TOKEN>`; when the server has no ADMIN_TOKEN the endpoint answers 403.',
      tags: ['admin'],
      bearerAuth: true,
      query: ReportUploadQuery,
      body: ReportUploadJson.optional(),
      bodyMediaTypes: [...DOCUMENT_TYPES, 'application/json'],
      before: [
        requireAdmin(config.adminToken),
        express.raw({ type: (req) => !req.headers['content-type']?.includes('json'), limit: config.uploadMaxBytes }),
        rawBody,
      ],
      responses: {
        201: { description: 'Loaded.', schema: ReportUploadResponse },
        400: {
          description:
            'Not a report (`report_format`, naming the line and, for a PDF, the page), a PDF without a text layer, an encrypted or damaged file, text that is not UTF-8, or an invalid request. Nothing was loaded.',
        },
        401: { description: 'No bearer token, or the wrong one.' },
        403: { description: 'Uploads are disabled (no ADMIN_TOKEN).' },
        413: { description: 'The file is larger than UPLOAD_MAX_MB (default 20 MB).' },
        415: { description: 'Not a PDF, Word (.docx) or text file (`unsupported_format`: an old .doc, an image, a spreadsheet, …). Nothing was loaded.' },
      },
      handler: async ({ body, query }, _req, res) => {
        const upload = res.locals.upload as RawUpload | undefined;
        if (!upload && !body)
          throw new ApiError(400, 'invalid_request', 'Send the report: its file as the body (PDF, Word or text), or JSON {text, name?, reportId?}.');
        const name = (upload ? query.name : body?.name) ?? 'upload.txt';
        const reportId = upload ? query.reportId : body?.reportId;
        gazetteer ??= loadGazetteer(GAZETTEER_DIR).catch((error: unknown) => {
          gazetteer = undefined;
          throw error;
        });
        const g = await gazetteer;
        // One upload at a time, reading included: a large PDF is worked on by this process.
        const { result, summary, tag, added } = await serially(async () => {
          const ingest = async (id: string | undefined): Promise<DocumentIngestResult> => {
            try {
              const opts = { source: name, gazetteer: g, ...(id ? { reportId: id } : {}) };
              return upload ? await ingestDocument(upload.bytes, opts) : ingestText(body!.text, opts);
            } catch (error) {
              throw uploadError(error, name);
            }
          };
          let result = await ingest(reportId);
          // The other language's report of a loaded meeting keeps apart instead of replacing it (unless an id was asked for).
          if (!reportId) {
            const id = languageVersionId(result.graph, await loadedReportLanguages(driver, { database }));
            if (id) result = await ingest(id);
          }
          let summary;
          try {
            summary = await loadReport(driver, result.graph, database ? { database } : {});
          } catch (error) {
            if (error instanceof LoadInputError) throw new ApiError(400, 'report_invalid', error.message);
            throw error;
          }
          const report = result.graph.nodes.find((n) => n.id === summary.report);
          return {
            result,
            summary,
            tag: typeof report?.properties.tag === 'string' ? report.properties.tag : null,
            added: await newEntities(driver, summary.report, { database }),
          };
        });
        return {
          report: summary.report,
          tag,
          replaced: summary.replaced,
          nodes: summary.nodes,
          relationships: summary.relationships,
          warnings: result.warnings,
          newEntities: added,
          ms: summary.ms,
        };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/reports/:id',
      operationId: 'removeReport',
      summary: 'Take a report out of the corpus, atomically (admin)',
      description:
        'What only this report brought is deleted; what it shares with other reports (States, instruments, the meeting of its other language version, co-occurrence counts) is recomputed from theirs, in one transaction: the database is then what it would be had the report never been loaded. Needs `Authorization: Bearer <ADMIN_TOKEN>`.',
      tags: ['admin'],
      bearerAuth: true,
      params: ReportIdPath,
      before: [requireAdmin(config.adminToken)],
      responses: {
        200: { description: 'Removed.', schema: ReportRemovedResponse },
        401: { description: 'No bearer token, or the wrong one.' },
        403: { description: 'Uploads (and removals) are disabled (no ADMIN_TOKEN).' },
        404: { description: 'No loaded report has that id; nothing was changed.' },
      },
      handler: async ({ params }) => {
        const summary = await serially(() => removeReport(driver, params.id, { database }));
        if (!summary) throw notFound(`No loaded report has the id "${params.id}".`);
        return summary;
      },
    }),
  ];
}
