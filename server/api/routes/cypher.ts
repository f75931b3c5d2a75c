import type { Request, RequestHandler, Response } from 'express';
import { listSavedQueries, coerceSavedQueryParams, REPORTS_PARAM, SavedQueryParamError, SAVED_QUERIES_DIR, type SavedQuery } from '../../db/saved-queries.ts';
import type { ApiContext } from '../context.ts';
import type { ConsoleAnswer } from '../cypher/console-runner.ts';
import type { ConsoleLimits } from '../cypher/console.ts';
import { ALLOWED_PROCEDURES } from '../cypher/guard.ts';
import { MAX_DEPTH, MAX_RANGE_VALUES } from '../cypher/limits.ts';
import { ApiError, notFound } from '../errors.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { sendJsonBytes } from '../http/send-json.ts';
import { CypherRequest, CypherResponse, SavedQueriesResponse, SavedQueryPath, SavedQueryRequest, SavedQueryRunQuery } from '../../contract/api.ts';
import { resolveScope } from '../../db/queries/scope.ts';

export interface CypherRouteOptions {
  limiter: RequestHandler | undefined;
  /** Where the saved queries live (tests point it elsewhere). */
  savedQueriesDir?: string;
}

const CONSOLE_RULES = `Read-only, enforced twice: the query is first EXPLAINed and must plan as read-only (query type "r"), then runs in a READ transaction. Refused with 400 \`cypher_refused\` (details.reason says which rule): writes, schema commands, LOAD CSV, CALL … IN TRANSACTIONS, several statements, administration commands (SHOW USERS, SETTINGS, TRANSACTIONS …, TERMINATE …, dbms.*; the catalogue reads SHOW INDEXES, CONSTRAINTS, FUNCTIONS and PROCEDURES are allowed), USE, EXPLAIN/PROFILE, procedures other than ${ALLOWED_PROCEDURES.join(', ')}, and forms Neo4j could not stop at the time limit (nesting deeper than ${MAX_DEPTH}, range() over more than ${MAX_RANGE_VALUES} values or with bounds computed at run time outside UNWIND, nested list iteration, regular expressions that are built at run time or may take more than linear time). Limits: a transaction timeout (504 \`query_timeout\`), a row cap and a graph-size cap (reported in \`summary\` when hit), at most CYPHER_CLIENT_CONCURRENCY queries per client at once (429 \`too_many_queries\`) and CYPHER_CONCURRENCY overall, the rest queued (503 \`console_busy\` when the queue is full).`;

/** The Cypher console and the saved queries. */
export function cypherRoutes({ driver, config, database, cypherRunner }: ApiContext, options: CypherRouteOptions): RouteSpec[] {
  const limits: ConsoleLimits = {
    timeoutMs: config.cypher.timeoutMs,
    maxRows: config.cypher.maxRows,
    maxGraphNodes: config.cypher.maxGraphNodes,
    maxGraphRelationships: config.cypher.maxGraphRelationships,
  };
  const dir = options.savedQueriesDir ?? SAVED_QUERIES_DIR;
  const savedQuery = async (name: string): Promise<SavedQuery> => {
    const query = (await listSavedQueries(dir)).find((q) => q.name === name);
    if (!query) throw notFound(`No saved query is called "${name}".`);
    return query;
  };
  return [
    defineRoute({
      method: 'post',
      path: '/api/cypher',
      operationId: 'cypher',
      summary: 'Run a read-only Cypher query',
      description: `Returns the rows as plain JSON and every node and relationship in them as a graph. The corpus filter in the URL (\`report\`, \`region\`, \`congress\`) is the parameter \`$reports\` (the ids of the reports in scope, null for all) unless \`params\` sets it. ${CONSOLE_RULES}`,
      tags: ['cypher'],
      query: SavedQueryRunQuery,
      body: CypherRequest,
      rateLimited: true,
      before: options.limiter ? [options.limiter] : [],
      responses: {
        200: { description: 'The result.', schema: CypherResponse },
        400: {
          description:
            'Invalid request, a Cypher syntax error (`cypher_syntax`, with the position), an error Neo4j raised (`cypher_error`), or a refused query (`cypher_refused`).',
        },
        429: { description: 'Too many console queries from this client at once (`too_many_queries`), or over the rate limit (`rate_limited`).' },
        503: {
          description:
            'The console is busy (`console_busy`: every worker taken and the queue full, or no worker freed within the query timeout) or unavailable.',
        },
        504: { description: 'The query ran past the time limit and was stopped (`query_timeout`).' },
      },
      handler: async ({ body, query }, req, res) => {
        // The corpus filter reaches the query as $reports (a saved query's text run here honours it), unless the body sets it.
        const params =
          REPORTS_PARAM in body.params ? body.params : { ...body.params, [REPORTS_PARAM]: (await resolveScope(driver, query, { database })).reports };
        return send(res, await cypherRunner.run({ query: body.query, params, limits, client: clientOf(req) }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/queries',
      operationId: 'savedQueries',
      summary: 'The saved queries (cypher/queries/), with titles, descriptions and parameters',
      tags: ['cypher'],
      responses: { 200: { description: 'The saved queries, by name.', schema: SavedQueriesResponse } },
      handler: async () => ({ queries: await listSavedQueries(dir) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/queries/:name',
      operationId: 'runSavedQuery',
      summary: 'Run a saved query with parameters',
      description:
        'Parameters not given take the defaults the query declares. The corpus filter in the URL (`report`, `region`, `congress`) reaches the query as `$reports`, the ids of the reports in scope (null: all), which every saved query honours. Runs under the console’s rules and limits.',
      tags: ['cypher'],
      params: SavedQueryPath,
      query: SavedQueryRunQuery,
      body: SavedQueryRequest,
      responses: {
        200: { description: 'The result.', schema: CypherResponse },
        404: { description: 'No saved query has that name.' },
        429: { description: 'Too many console queries from this client at once (`too_many_queries`).' },
        503: { description: 'The console is busy (`console_busy`).' },
        504: { description: 'The query ran past the time limit.' },
      },
      handler: async ({ params, query: filter, body }, req, res) => {
        const query = await savedQuery(params.name);
        const scope = await resolveScope(driver, filter, { database });
        let coerced;
        try {
          coerced = coerceSavedQueryParams(query, body.params, scope.reports);
        } catch (error) {
          if (error instanceof SavedQueryParamError)
            throw new ApiError(
              400,
              'invalid_request',
              error.message,
              error.issues.map((message) => ({ path: 'body.params', message })),
            );
          throw error;
        }
        return send(res, await cypherRunner.run({ query: query.cypher, params: coerced, rawParams: true, limits, client: clientOf(req) }));
      },
    }),
  ];
}

/** The client, as the rate limits see it (its address; behind a proxy, per TRUST_PROXY). */
function clientOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** The worker's answer, already JSON: sent as it is, not parsed and serialised again. */
function send(res: Response, answer: ConsoleAnswer): undefined {
  sendJsonBytes(res, 200, answer.body);
  return undefined;
}
