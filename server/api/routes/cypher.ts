import type { RequestHandler } from 'express';
import { listSavedQueries, coerceSavedQueryParams, REPORTS_PARAM, SavedQueryParamError, SAVED_QUERIES_DIR, type SavedQuery } from '../../db/saved-queries.ts';
import type { ApiContext } from '../context.ts';
import type { ConsoleLimits } from '../cypher/console.ts';
import { ALLOWED_PROCEDURES } from '../cypher/guard.ts';
import { ApiError, notFound } from '../errors.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { CypherRequest, CypherResponse, SavedQueriesResponse, SavedQueryPath, SavedQueryRequest, SavedQueryRunQuery } from '../../contract/api.ts';
import { resolveScope } from '../../db/queries/scope.ts';

export interface CypherRouteOptions {
  limiter: RequestHandler | undefined;
  /** Where the saved queries live (tests point it elsewhere). */
  savedQueriesDir?: string;
}

const CONSOLE_RULES = `Read-only, enforced twice: the query is first EXPLAINed and must plan as read-only (query type "r"), then runs in a READ transaction. Refused with 400 \`cypher_refused\` (details.reason says which rule): writes, schema commands, LOAD CSV, CALL … IN TRANSACTIONS, several statements, administration commands (SHOW …, TERMINATE …, dbms.*), USE, EXPLAIN/PROFILE, and procedures other than ${ALLOWED_PROCEDURES.join(', ')}. Limits: a transaction timeout (504 \`query_timeout\`), a row cap and a graph-size cap (reported in \`summary\` when hit).`;

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
        400: { description: 'Invalid request, a Cypher syntax error (`cypher_syntax`, with the position), an error Neo4j raised (`cypher_error`), or a refused query (`cypher_refused`).' },
        504: { description: 'The query ran past the time limit and was stopped (`query_timeout`).' },
      },
      handler: async ({ body, query }) => {
        // The corpus filter reaches the query as $reports (a saved query's text run here honours it), unless the body sets it.
        const params = REPORTS_PARAM in body.params ? body.params : { ...body.params, [REPORTS_PARAM]: (await resolveScope(driver, query, { database })).reports };
        return cypherRunner.run({ query: body.query, params, limits });
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
        504: { description: 'The query ran past the time limit.' },
      },
      handler: async ({ params, query: filter, body }) => {
        const query = await savedQuery(params.name);
        const scope = await resolveScope(driver, filter, { database });
        let coerced;
        try {
          coerced = coerceSavedQueryParams(query, body.params, scope.reports);
        } catch (error) {
          if (error instanceof SavedQueryParamError) throw new ApiError(400, 'invalid_request', error.message, error.issues.map((message) => ({ path: 'body.params', message })));
          throw error;
        }
        return cypherRunner.run({ query: query.cypher, params: coerced, rawParams: true, limits });
      },
    }),
  ];
}
