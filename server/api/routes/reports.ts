import { timingSafeEqual, createHash } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { GAZETTEER_DIR } from '../../db/corpus.ts';
import { loadReport, LoadInputError } from '../../db/load.ts';
import { decodeReport, ingestReport, loadGazetteer, ReportFormatError, validateGraph, type Gazetteer } from '../../ingest/index.ts';
import type { ApiContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { ReportUploadJson, ReportUploadQuery, ReportUploadResponse } from '../../contract/api.ts';

const TEXT_TYPES = ['text/plain', 'text/markdown', 'application/octet-stream'];

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
      next(new ApiError(403, 'uploads_disabled', 'Uploading reports is disabled on this server: it was started without ADMIN_TOKEN.'));
      return;
    }
    const match = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '');
    if (!match || !sameSecret(match[1]!.trim(), adminToken)) {
      next(new ApiError(401, 'unauthorized', 'Uploading reports needs `Authorization: Bearer <ADMIN_TOKEN>`.', undefined, { 'WWW-Authenticate': 'Bearer realm="congress-graph"' }));
      return;
    }
    next();
  };
}

/** A plain-text body becomes `{text, name, reportId}` (from the query), decoded as UTF-8 or refused naming the line. */
const textBody: RequestHandler = (req, _res, next) => {
  if (!Buffer.isBuffer(req.body)) {
    next();
    return;
  }
  const query = ReportUploadQuery.safeParse(req.query);
  const name = query.success ? query.data.name : undefined;
  try {
    req.body = { text: decodeReport(req.body, name ?? 'upload'), ...(query.success ? query.data : {}) };
    next();
  } catch (error) {
    next(error instanceof ReportFormatError ? new ApiError(400, 'report_format', error.message, { line: error.line, source: error.source ?? name ?? 'upload' }) : error);
  }
};

/** POST /api/reports: ingest a report's text and load it, all or nothing. */
export function reportRoutes({ driver, config, database }: ApiContext): RouteSpec[] {
  let gazetteer: Promise<Gazetteer> | undefined;
  // One upload at a time: two loads of one report must not interleave.
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
      summary: 'Upload a report’s text: ingest it and load it atomically (admin)',
      description:
        'The body is the report’s text (text/plain, UTF-8; give its file name as `name`), or JSON `{text, name?, reportId?}`. The report is parsed, extracted and loaded in one transaction, replacing an earlier version of the same report; a malformed report is refused with 400 naming the line, and nothing is loaded. Needs `Authorization: Bearer <ADMIN_TOKEN>`; when the server has no ADMIN_TOKEN the endpoint answers 403.',
      tags: ['admin'],
      bearerAuth: true,
      query: ReportUploadQuery,
      body: ReportUploadJson,
      bodyMediaTypes: ['text/plain', 'application/json'],
      before: [requireAdmin(config.adminToken), express.raw({ type: TEXT_TYPES, limit: '1mb' }), textBody],
      responses: {
        201: { description: 'Loaded.', schema: ReportUploadResponse },
        400: { description: 'Not a report (`report_format`, naming the line), not UTF-8, or an invalid request. Nothing was loaded.' },
        401: { description: 'No bearer token, or the wrong one.' },
        403: { description: 'Uploads are disabled (no ADMIN_TOKEN).' },
      },
      handler: async ({ body }) => {
        const name = body.name ?? 'upload.txt';
        gazetteer ??= loadGazetteer(GAZETTEER_DIR).catch((error: unknown) => {
          gazetteer = undefined;
          throw error;
        });
        const g = await gazetteer;
        let result;
        try {
          result = ingestReport(body.text, { source: name, gazetteer: g, ...(body.reportId ? { reportId: body.reportId } : {}) });
        } catch (error) {
          if (error instanceof ReportFormatError) throw new ApiError(400, 'report_format', error.message, { line: error.line, source: error.source ?? name });
          throw error;
        }
        const problems = validateGraph(result.graph);
        if (problems.length > 0) {
          throw new ApiError(400, 'report_invalid', `The report does not make a valid graph: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, { problems: problems.slice(0, 20) });
        }
        const summary = await serially(async () => {
          try {
            return await loadReport(driver, result.graph, database ? { database } : {});
          } catch (error) {
            if (error instanceof LoadInputError) throw new ApiError(400, 'report_invalid', error.message);
            throw error;
          }
        });
        return { report: summary.report, replaced: summary.replaced, nodes: summary.nodes, relationships: summary.relationships, warnings: result.warnings, ms: summary.ms };
      },
    }),
  ];
}
