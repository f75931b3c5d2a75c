import { describe, expect, it } from 'vitest';
import { ENDPOINTS, requestMakers, type RequestPools } from '../../../../scripts/bench/api-requests.ts';

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}:${i}`);
const pools: RequestPools = {
  searchTerms: ids('term', 50),
  nodeIds: ids('state', 200),
  reportIds: ids('report', 40),
  instrumentIds: ids('instrument', 20),
  stateIds: ids('state', 30),
  crimeIds: ids('crime', 25),
};
const draw = (make: () => { method: string; path: string; body?: string }, n: number): string[] =>
  Array.from({ length: n }, () => {
    const r = make();
    return `${r.method} ${r.path} ${r.body ?? ''}`;
  });

describe('requestMakers', () => {
  it('gives each endpoint the same requests whatever the other endpoints drew before', () => {
    const fresh = requestMakers(pools);
    const used = requestMakers(pools);
    // The phases before the graph phase drew different numbers of requests on `used`.
    for (const [i, endpoint] of ENDPOINTS.entries()) if (endpoint !== 'graph') draw(used[endpoint], 37 * (i + 1));
    expect(draw(used.graph, 40)).toEqual(draw(fresh.graph, 40));
    expect(draw(used.cypher, 40)).not.toEqual(draw(fresh.cypher, 40)); // cypher itself drew before: its sequence moved on
  });

  it('gives the same requests for the same seed and others for another seed', () => {
    expect(draw(requestMakers(pools, 3).node, 30)).toEqual(draw(requestMakers(pools, 3).node, 30));
    expect(draw(requestMakers(pools, 3).node, 30)).not.toEqual(draw(requestMakers(pools, 4).node, 30));
  });
});
