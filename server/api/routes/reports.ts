import { timingSafeEqual, createHash } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { GAZETTEER_DIR } from '../../db/corpus.ts';
import { loadReport, LoadInputError } from '../../db/load.ts';
import { decodeReport, ingestReport, loadGazetteer, ReportFormatError, validateGraph, type Gazetteer } from '../../ingest/index.ts';
import type { ApiContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { ReportIdPath, ReportRemovedResponse, ReportUploadJson, ReportUploadQuery, ReportUploadResponse } from '../../contract/api.ts';
import { newEntities } from '../../db/queries/corpus.ts';
import { removeReport } from '../../db/remove.ts';
import { languageVersionId, loadedReportLanguages } from '../../db/report-ids.ts';

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
      next(new ApiError(403, 'uploads_disabled', 'Adding and removing reports is disabled on this server: it was started without ADMIN_TOKEN.'));
      return;
    }
    const match = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '');
    if (!match || !sameSecret(match[1]!.trim(), adminToken)) {
      next(new ApiError(401, 'unauthorized', 'Adding and removing reports needs `Authorization: Bearer <ADMIN_TOKEN>`.', undefined, { 'WWW-Authenticate': 'Bearer realm="congress-graph"' }));
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

/** POST /api/reports: ingest a report's text and load it, all or nothing; DELETE /api/reports/:id: take it out again. */
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
        const ingest = (reportId: string | undefined) => {
          let result;
          try {
            result = ingestReport(body.text, { source: name, gazetteer: g, ...(reportId ? { reportId } : {}) });
          } catch (error) {
            if (error instanceof ReportFormatError) throw new ApiError(400, 'report_format', error.message, { line: error.line, source: error.source ?? name });
            throw error;
          }
          const problems = validateGraph(result.graph);
          if (problems.length > 0) {
            throw new ApiError(400, 'report_invalid', `The report does not make a valid graph: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, { problems: problems.slice(0, 20) });
          }
          return result;
        };
        let result = ingest(body.reportId);
        const { summary, tag, added } = await serially(async () => {
          // The other language's report of a loaded meeting keeps apart instead of replacing it (unless an id was asked for).
          if (!body.reportId) {
            const id = languageVersionId(result.graph, await loadedReportLanguages(driver, { database }));
            if (id) result = ingest(id);
          }
          let summary;
          try {
            summary = await loadReport(driver, result.graph, database ? { database } : {});
          } catch (error) {
            if (error instanceof LoadInputError) throw new ApiError(400, 'report_invalid', error.message);
            throw error;
          }
          const report = result.graph.nodes.find((n) => n.id === summary.report);
          return { summary, tag: typeof report?.properties.tag === 'string' ? report.properties.tag : null, added: await newEntities(driver, summary.report, { database }) };
        });
        return { report: summary.report, tag, replaced: summary.replaced, nodes: summary.nodes, relationships: summary.relationships, warnings: result.warnings, newEntities: added, ms: summary.ms };
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
