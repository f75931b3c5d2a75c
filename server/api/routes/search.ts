import { shortestPath } from '../../db/queries/path.ts';
import { search } from '../../db/queries/search.ts';
import { resolveScope } from '../../db/queries/scope.ts';
import type { ApiContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { PathQuery, PathResponse, SearchQuery, SearchResponse } from '../../contract/api.ts';
import type { RequestHandler } from 'express';

/** Full-text search and shortest paths. */
export function searchRoutes({ driver, database }: ApiContext, limiter: RequestHandler | undefined): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/search',
      operationId: 'search',
      summary: 'Search names, aliases, titles and text in Chinese and English, and references (24(c), ¶24, 第24段, document symbols)',
      description:
        'Results in tiers, best first: an id typed as such (state:ARG), a reference (one result per report, tagged), an exact name or alias, a name prefix, a name containing the query, the phrase in running text, partial overlap; the same rules in Chinese and English. English finds Chinese text (and the reverse) through entity aliases and the topics list (data/topics.json). Every character of `q` is text (no query syntax); any `q` up to 200 characters answers 200. See docs/API.md, How search ranks.',
      tags: ['search'],
      query: SearchQuery,
      rateLimited: true,
      before: limiter ? [limiter] : [],
      responses: { 200: { description: 'The hits, best first.', schema: SearchResponse } },
      handler: async ({ query }) => {
        const scope = await resolveScope(driver, query, { database });
        return { results: await search(driver, query.q, { database, labels: query.labels, limit: query.limit, scope }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/path',
      operationId: 'path',
      summary: 'The shortest paths between two nodes, as ordered lists and as a graph',
      description:
        'Relationships are followed in either direction (`types` keeps only those types). `path` is the first of the shortest paths in node-id order, `alternatives` all of them (at most 10). `found` is false (and `path` empty) when no path of at most `maxLength` steps exists.',
      tags: ['search'],
      query: PathQuery,
      responses: { 200: { description: 'The path, or `found: false`.', schema: PathResponse }, 404: { description: '`from` or `to` names no node.' } },
      handler: async ({ query }) => {
        if (query.from === query.to)
          throw new ApiError(400, 'invalid_request', '`from` and `to` are the same node: a path needs two.', [{ path: 'query.to', message: 'equals from' }]);
        const scope = await resolveScope(driver, query, { database });
        const result = await shortestPath(driver, query.from, query.to, { database, maxLength: query.maxLength, types: query.types, scope });
        if (result.status === 'missing')
          throw new ApiError(404, 'not_found', `No node has the id ${result.missing.map((m) => `"${m}"`).join(' or ')}.`, { missing: result.missing });
        if (result.status === 'none') {
          return {
            from: query.from,
            to: query.to,
            found: false,
            length: null,
            path: [],
            relationships: [],
            alternatives: [],
            graph: {
              options: { type: 'directed', multi: true, allowSelfLoops: true },
              attributes: { from: query.from, to: query.to, truncated: false },
              nodes: [],
              edges: [],
            },
          };
        }
        return {
          from: query.from,
          to: query.to,
          found: true,
          length: result.length,
          path: result.path,
          relationships: result.relationships,
          alternatives: result.alternatives,
          graph: result.graph,
        };
      },
    }),
  ];
}
