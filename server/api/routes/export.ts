import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { citations, CITATION_COLUMNS } from '../../db/queries/citations.ts';
import { openGraphStream, type ExportNode, type GraphStream } from '../../db/queries/export.ts';
import { displayName } from '../../db/queries/labels.ts';
import { resolveScope } from '../../db/queries/scope.ts';

import type { ApiContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { CSV_OPTIONS } from '../../contract/csv.ts';
import { flatProperties, flatValue } from '../../contract/flatten.ts';
import { writeGexf } from '../formats/gexf.ts';
import { writeGraphml } from '../formats/graphml.ts';
import { backpressuredWriter } from '../http/backpressure.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { CitationsQuery, CitationsResponse, ExportQuery, GraphJsonResponse } from '../../contract/api.ts';
import type { Json } from '../../contract/graph.ts';

const UTF8_BOM = '\uFEFF';

/** Citations and whole-graph exports. */
export function exportRoutes({ driver, config, log, database }: ApiContext): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/citations',
      operationId: 'citations',
      summary: 'The recommendation × instrument citation table, with the recommendations’ text',
      tags: ['export'],
      query: CitationsQuery,
      responses: {
        200: {
          description: 'The citations (JSON), or the same table as CSV (UTF-8 with a byte-order mark, for spreadsheets).',
          schema: CitationsResponse,
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        404: { description: '`instrument` names no instrument.' },
      },
      handler: async ({ query }, _req, res) => {
        const scope = await resolveScope(driver, query, { database });
        const rows = await citations(driver, { database, instrument: query.instrument, scope });
        if (!rows) throw notFound(`No instrument has the id "${query.instrument}".`);
        if (query.format === 'csv') {
          res.attachment(`citations${query.instrument ? `-${fileSafe(query.instrument)}` : ''}.csv`);
          res.type('text/csv; charset=utf-8');
          res.send(UTF8_BOM + stringify(rows, { ...CSV_OPTIONS, header: true, columns: [...CITATION_COLUMNS] }));
          return undefined;
        }
        return { instrument: query.instrument ?? null, reports: scope.reports, count: rows.length, rows };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/export',
      operationId: 'export',
      summary: 'The whole graph (or the part of the reports in scope): graph.json, GEXF, GraphML or CSV',
      description:
        'json is graph.json’s shape (docs/MODEL.md) and streams; the corpus filter (`report`, `region`, `congress`) keeps what the reports in scope brought; csv is one table and streams: `table=relationships` (the default; type, start, start_name, end, end_name, tag (the tag of the fact’s report, e.g. LAC-15), then a column per property) or `nodes` (id, labels, name, name_zh, name_en, then a column per property); gexf (GEXF 1.3, each node’s viz:color and viz:size and each edge’s viz:color as the viewer draws them) and graphml are built in memory (refused above GRAPH_MAX_NODES nodes). List properties are joined with " | " in GEXF, GraphML and CSV.',
      tags: ['export'],
      query: ExportQuery,
      responses: {
        200: {
          description: 'The graph, as an attachment.',
          schema: GraphJsonResponse,
          content: {
            'application/gexf+xml': { schema: { type: 'string' } },
            'application/graphml+xml': { schema: { type: 'string' } },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        413: { description: 'The graph is too large for an in-memory format (gexf, graphml): use json or csv, or one report.' },
      },
      handler: async ({ query }, _req, res) => {
        const scope = await resolveScope(driver, query, { database });
        const stream = await openGraphStream(driver, { database, scope });
        const base = `congress-graph${scope.reports?.length === 1 ? `-${fileSafe(scope.reports[0]!)}` : scope.reports ? '-filtered' : ''}`;
        try {
          if (query.format === 'json') {
            res.attachment(`${base}.json`);
            res.type('application/json; charset=utf-8');
            await streamJson(res, stream);
          } else if (query.format === 'csv') {
            res.attachment(`${base}-${query.table}.csv`);
            res.type('text/csv; charset=utf-8');
            await streamCsv(res, stream, query.table);
          } else {
            // Both writers make the file XML 1.0 whatever the stored text holds (server/contract/xml.ts).
            const { nodes, edges, degree } = await collect(stream, config.graphMaxNodes);
            if (query.format === 'gexf') {
              res.attachment(`${base}.gexf`);
              res.type('application/gexf+xml; charset=utf-8');
              res.send(writeGexf(nodes, edges, degree));
            } else {
              res.attachment(`${base}.graphml`);
              res.type('application/graphml+xml; charset=utf-8');
              res.send(writeGraphml(nodes, edges));
            }
          }
        } catch (error) {
          if (!res.headersSent) throw error;
          // Too late for an error body: cut the download short so it cannot pass for complete.
          log.error({ err: error }, 'export failed midway');
          res.destroy();
        } finally {
          await stream.close();
        }
        return undefined;
      },
    }),
  ];
}

function fileSafe(text: string): string {
  return text.replace(/[^\w.-]+/g, '_');
}

const BATCH = 500;

/** graph.json's shape, 500 items a write, at the pace the client reads (backpressure.ts). */
async function streamJson(res: Response, stream: GraphStream): Promise<void> {
  const { write } = backpressuredWriter(res);
  if (!(await write(`{"reports":${JSON.stringify(stream.reports)},"nodes":[`))) return;
  let batch: string[] = [];
  let first = true;
  const flush = async (): Promise<boolean> => {
    if (batch.length === 0) return true;
    const chunk = (first ? '' : ',') + batch.join(',');
    first = false;
    batch = [];
    return write(chunk);
  };
  for await (const node of stream.nodes()) {
    batch.push(JSON.stringify({ id: node.id, labels: node.labels, properties: node.properties }));
    if (batch.length >= BATCH && !(await flush())) return;
  }
  if (!(await flush()) || !(await write('],"relationships":['))) return;
  first = true;
  for await (const rel of stream.relationships()) {
    batch.push(JSON.stringify({ type: rel.type, start: rel.start, end: rel.end, properties: rel.properties }));
    if (batch.length >= BATCH && !(await flush())) return;
  }
  if (!(await flush())) return;
  await write(']}');
  res.end();
}

/** The fixed columns of the CSV tables; one column per property follows (MODEL.md's names). A relationship's `tag` is its report's (LAC-15). */
const NODE_COLUMNS = ['id', 'labels', 'name', 'name_zh', 'name_en'];
const REL_COLUMNS = ['type', 'start', 'start_name', 'end', 'end_name', 'tag'];

/**
 * One CSV table of the graph: nodes (id, labels, display name, both names) or
 * relationships (type, each end's id with its name beside it, the tag of the fact's report), then a column per
 * property the table's items hold (lists joined with " | "), so a spreadsheet
 * reads and filters each property without parsing JSON.
 */
async function streamCsv(res: Response, stream: GraphStream, table: 'nodes' | 'relationships'): Promise<void> {
  const { write } = backpressuredWriter(res);
  const fixed = table === 'nodes' ? NODE_COLUMNS : REL_COLUMNS;
  const keys = (table === 'nodes' ? await stream.nodeKeys() : await stream.relationshipKeys()).filter((k) => !fixed.includes(k));
  if (!(await write(UTF8_BOM + stringify([[...fixed, ...keys]], CSV_OPTIONS)))) return;
  let rows: unknown[][] = [];
  const flush = async (): Promise<boolean> => {
    if (rows.length === 0) return true;
    const chunk = stringify(rows, CSV_OPTIONS);
    rows = [];
    return write(chunk);
  };
  const cells = (properties: Record<string, Json>) => keys.map((k) => flatValue(properties[k] ?? null));
  if (table === 'nodes') {
    for await (const node of stream.nodes()) {
      const p = node.properties;
      rows.push([
        node.id,
        node.labels.join(';'),
        displayName(node.labels, p, node.id),
        flatValue(p.name_zh ?? null),
        flatValue(p.name_en ?? null),
        ...cells(p),
      ]);
      if (rows.length >= BATCH && !(await flush())) return;
    }
  } else {
    for await (const rel of stream.relationships()) {
      const report = rel.properties.report;
      rows.push([
        rel.type,
        rel.start,
        rel.startName,
        rel.end,
        rel.endName,
        typeof report === 'string' ? (stream.tags.get(report) ?? '') : '',
        ...cells(rel.properties),
      ]);
      if (rows.length >= BATCH && !(await flush())) return;
    }
  }
  if (!(await flush())) return;
  res.end();
}

interface FlatElement {
  id: string;
  attributes: Record<string, Json>;
}

/** Nodes and relationships as flat attributes (label = display name), for GEXF and GraphML. */
async function collect(
  stream: GraphStream,
  maxNodes: number,
): Promise<{ nodes: FlatElement[]; edges: (FlatElement & { source: string; target: string })[]; degree: (id: string) => number }> {
  const nodes: FlatElement[] = [];
  for await (const node of stream.nodes()) {
    if (nodes.length >= maxNodes) {
      throw new ApiError(
        413,
        'export_too_large',
        `The graph has more than ${maxNodes} nodes, too many for GEXF or GraphML here: export json or csv, or one report (report=).`,
      );
    }
    nodes.push({ id: node.id, attributes: nodeAttributes(node) });
  }
  const edges: (FlatElement & { source: string; target: string })[] = [];
  const neighbours = new Map<string, Set<string>>();
  let i = 0;
  for await (const rel of stream.relationships()) {
    edges.push({ id: `e${i++}`, source: rel.start, target: rel.end, attributes: { label: rel.type, type: rel.type, ...flatProperties(rel.properties) } });
    if (rel.start !== rel.end) {
      if (!neighbours.has(rel.start)) neighbours.set(rel.start, new Set());
      if (!neighbours.has(rel.end)) neighbours.set(rel.end, new Set());
      neighbours.get(rel.start)!.add(rel.end);
      neighbours.get(rel.end)!.add(rel.start);
    }
  }
  return { nodes, edges, degree: (id: string) => neighbours.get(id)?.size ?? 0 };
}

function nodeAttributes(node: ExportNode): Record<string, Json> {
  return {
    label: displayName(node.labels, node.properties, node.id),
    nodeLabel: node.labels[0] ?? '',
    labels: node.labels.join(';'),
    ...flatProperties(node.properties),
  };
}
