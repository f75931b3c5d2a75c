import { compareMatrix } from '../../db/queries/compare.ts';
import { entityProfile } from '../../db/queries/profile.ts';
import { resolveScope } from '../../db/queries/scope.ts';
import type { ApiContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { CompareQuery, CompareResponse, NodeIdPath, ProfileQuery, ProfileResponse } from '../../contract/api.ts';

/** Comparison across the corpus: the meeting × instrument and meeting × crime type matrices, and an entity's profile meeting by meeting. */
export function compareRoutes({ driver, database }: ApiContext): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/compare',
      operationId: 'compare',
      summary: 'Meetings (regions) × instruments or crime types: how many recommendations cite, or paragraphs and recommendations name, each',
      description:
        'Rows are the meetings in scope (a regional preparatory meeting is its region at one Congress: LAC-15); columns the instruments (`columns=instrument`: recommendations citing them, CITES) or crime types (`columns=crime`: paragraphs and recommendations naming them, MENTIONS or ADDRESSES). A recommendation in a meeting’s two language versions counts once; each cell lists its recommendations (or paragraphs) with their versions. The corpus filter applies.',
      tags: ['corpus'],
      query: CompareQuery,
      responses: { 200: { description: 'The matrix.', schema: CompareResponse } },
      handler: async ({ query }) => compareMatrix(driver, { database, columns: query.columns, scope: await resolveScope(driver, query, { database }) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/nodes/:id/profile',
      operationId: 'profile',
      summary: 'An entity across the corpus, meeting by meeting',
      description:
        'A State or organisation: the meetings it attended (and in which role), the agenda items it spoke on, the recommendations and paragraphs naming it. An instrument: the recommendations citing it and the paragraphs naming it. A crime type: the paragraphs and recommendations naming it and the links to other crime types the text states. Per meeting in scope; a meeting’s language versions count once, each item listing the paragraphs or recommendations that say so.',
      tags: ['corpus'],
      params: NodeIdPath,
      query: ProfileQuery,
      responses: { 200: { description: 'The profile.', schema: ProfileResponse }, 404: { description: 'No node has that id.' } },
      handler: async ({ params, query }) => {
        const profile = await entityProfile(driver, params.id, { database, scope: await resolveScope(driver, query, { database }) });
        if (!profile) throw notFound(`No node has the id "${params.id}".`);
        return profile;
      },
    }),
  ];
}
