import { corpusReports } from '../../db/queries/corpus.ts';
import type { ApiContext } from '../context.ts';
import { defineRoute, type RouteSpec } from '../http/route.ts';
import { CorpusResponse } from '../../contract/api.ts';

/** GET /api/reports: the corpus, as the corpus panel lists it. */
export function corpusRoutes({ driver, database }: ApiContext): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/reports',
      operationId: 'reports',
      summary: 'The loaded reports: meeting, region, Congress, language, dates and counts',
      description:
        'Each report with its tag (LAC-15), its meeting (the reports of one meeting in several languages share it, and its `series`), its region code and Congress (the values of the corpus filter’s `region` and `congress`), and how many paragraphs, recommendations, citations and entities it holds; then the regions and Congresses the corpus spans.',
      tags: ['corpus'],
      responses: { 200: { description: 'The corpus.', schema: CorpusResponse } },
      handler: () => corpusReports(driver, { database }),
    }),
  ];
}
