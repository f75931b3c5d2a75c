import { z } from 'zod';
import { neighbors } from '../../db/queries/neighbors.ts';
import { nodeDetails } from '../../db/queries/node-details.ts';
import { graphStats } from '../../db/queries/stats.ts';
import { resolveScope } from '../../db/queries/scope.ts';
import { subgraph } from '../../db/queries/subgraph.ts';
import type { ApiContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { jsonChunks } from '../http/json-chunks.ts';
import { writeJsonStream } from '../http/json-stream.ts';
import { boundedSlots } from '../http/slots.ts';
import {
  CompactGraph,
  GraphQuery,
  NeighborsQuery,
  NodeDetailsQuery,
  NodeDetailsResponse,
  NodeIdPath,
  SerializedGraph,
  StatsResponse,
} from '../../contract/api.ts';
import type { SerializedGraph as SerializedGraphValue } from '../../contract/graph.ts';
import { encodeCompactGraph } from '../../contract/compactGraph.ts';

const notFoundResponse = { description: 'No node has that id.' };

/** Stats, the viewer's graph, a node's details and its neighbourhood. */
export function graphRoutes({ driver, config, database, log, cypherRunner }: ApiContext): RouteSpec[] {
  // A graph answer is the largest thing the server builds (megabytes of records, then of
  // objects, then of JSON): a few at a time, from the query to the last batch handed to the
  // socket, and a bounded queue waiting for their turn; past it a 503 with Retry-After. Under 50
  // clients asking for graphs at once this bounds the memory (the RSS went past 500 MB when the
  // answers were encoded and serialised outside the slots) without costing throughput, which the
  // two cores and Neo4j set anyway.
  const graphSlots = boundedSlots({
    concurrency: config.graphConcurrency,
    queue: config.graphQueue,
    code: 'graph_busy',
    message: 'The server is building as many graphs as it can and has more waiting; try again shortly.',
    retryAfterS: 2,
  });
  return [
    defineRoute({
      method: 'get',
      path: '/api/stats',
      operationId: 'stats',
      summary: 'Counts per label and relationship type, and the loaded reports',
      tags: ['graph'],
      responses: { 200: { description: 'The counts.', schema: StatsResponse } },
      handler: () => graphStats(driver, { database }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/graph',
      operationId: 'graph',
      summary: 'A subgraph for the viewer (graphology serialized form)',
      description:
        'Nodes of the given labels (default: all but Paragraph) and the relationships of the given types among them; the corpus filter (`report`, `region`, `congress`) keeps what the reports in scope contributed, and counts several reports share (CO_OCCURS) are those of the reports in scope. `attributes.reports` lists the reports in scope (null: all). The server builds GRAPH_CONCURRENCY graphs at once and lets GRAPH_QUEUE more wait; past that it answers 503 `graph_busy` with Retry-After.',
      tags: ['graph'],
      query: GraphQuery,
      responses: {
        200: {
          description: 'The graph; `attributes.truncated` is true when the node limit cut it. With `format=compact`, the same graph in columns (CompactGraph).',
          schema: z.union([SerializedGraph, CompactGraph]),
        },
      },
      handler: async ({ query }, req, res) => {
        const scope = await resolveScope(driver, query, { database });
        await graphSlots.run(async () => {
          // Its client is gone, or the deadline answered while it waited: no graph to build.
          if (res.headersSent || !res.socket || res.socket.destroyed) return;
          // The console's idle workers of a finished burst (tens of MB each, for up to CYPHER_WORKER_IDLE_MS) go
          // before the graph takes its memory: together they took the server past 500 MB (docs/PERFORMANCE.md, Memory).
          const released = cypherRunner.releaseIdle();
          if (released > 0) log.debug({ released }, 'idle console workers stopped for a graph answer');
          // The compact columns share the graph's properties but not its per-node and per-edge objects, which are let
          // go once encoded: only the pieces' generator holds what is left to write.
          const pieces = answerPieces(
            await subgraph(driver, {
              database,
              labels: query.labels,
              types: query.types,
              scope,
              maxNodes: Math.min(query.limit ?? config.graphMaxNodes, config.graphMaxNodes),
              timeoutMs: 60_000,
            }),
            query.format,
          );
          if (res.headersSent) return;
          // Written inside the slot, in batches as the socket takes them: the graph is never one JSON string (nor one
          // gzip buffer), and a client that goes away mid-answer frees the slot at once. Byte for byte what
          // JSON.stringify gave; no ETag, which would need the whole body first.
          const outcome = await writeJsonStream(res, pieces);
          if (outcome === 'gone') log.info({ path: req.originalUrl }, 'graph client went away mid-answer');
        });
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/nodes/:id',
      operationId: 'node',
      summary: 'A node: properties, relationships grouped by type and direction, and each fact’s provenance',
      description:
        'Each relationship lists the node at the other end (id, labels, name) and where the fact came from: the report, the paragraph number, the text of the paragraph or recommendation, and the character spans to highlight. Under the corpus filter, only the facts of the reports in scope. A paragraph or recommendation also lists its `versions` in the other languages of its meeting’s reports (docs/MODEL.md, One meeting, several languages).',
      tags: ['graph'],
      params: NodeIdPath,
      query: NodeDetailsQuery,
      responses: { 200: { description: 'The node.', schema: NodeDetailsResponse }, 404: notFoundResponse },
      handler: async ({ params, query }) => {
        const scope = await resolveScope(driver, query, { database });
        const details = await nodeDetails(driver, params.id, { database, perGroup: query.limit, scope });
        if (!details) throw notFound(`No node has the id "${params.id}".`);
        return details;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/nodes/:id/neighbors',
      operationId: 'neighbors',
      summary: 'A node’s neighbourhood, 1 to 3 steps, as a graph',
      tags: ['graph'],
      params: NodeIdPath,
      query: NeighborsQuery,
      responses: { 200: { description: 'The neighbourhood (the node itself included).', schema: SerializedGraph }, 404: notFoundResponse },
      handler: async ({ params, query }) => {
        const scope = await resolveScope(driver, query, { database });
        const graph = await neighbors(driver, params.id, { database, depth: query.depth, limit: query.limit, labels: query.labels, types: query.types, scope });
        if (!graph) throw notFound(`No node has the id "${params.id}".`);
        return graph;
      },
    }),
  ];
}

/**
 * The pieces of the answer's JSON (jsonChunks): the compact form's columns down to their
 * lists, or graphology's serialized form down to its lists of nodes and edges.
 */
function answerPieces(graph: SerializedGraphValue, format: z.infer<typeof GraphQuery>['format']): Iterable<string> {
  return format === 'compact' ? jsonChunks(encodeCompactGraph(graph), 3) : jsonChunks(graph, 2);
}
