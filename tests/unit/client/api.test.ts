import { describe, expect, it } from 'vitest';
import { Api, ApiError, normalizePath, normalizeSavedQuery, unwrapGraph } from '../../../client/src/api/client.ts';

/** A fetch that answers from a table of paths: the tiny local mock the unit tests use. */
function mockFetch(routes: Record<string, { status?: number; body: unknown }>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    const route = routes[url];
    if (!route) return new Response(JSON.stringify({ error: { code: 'not_found', message: `No such endpoint: GET ${url}` } }), { status: 404 });
    return new Response(JSON.stringify(route.body), { status: route.status ?? 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('the API client', () => {
  it('returns search results', async () => {
    const api = new Api('', mockFetch({ '/api/search?q=UNTOC&limit=10': { body: { results: [{ id: 'instrument:untoc', labels: ['Instrument'], name: '打击有组织犯罪公约', name_en: 'United Nations Convention against Transnational Organized Crime', name_zh: '联合国打击跨国有组织犯罪公约', score: 3.2 }] } } }));
    const results = await api.search('UNTOC');
    expect(results[0]?.id).toBe('instrument:untoc');
  });

  it('turns the API\'s error body into an ApiError with status, code and message', async () => {
    const api = new Api('', mockFetch({}));
    await expect(api.node('nope')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    const failing = new Api('', (async () => new Response(JSON.stringify({ error: { code: 'cypher_write_refused', message: 'This query writes: the console is read-only.' } }), { status: 400 })) as typeof fetch);
    const error = await failing.cypher('CREATE (n)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'cypher_write_refused', message: 'This query writes: the console is read-only.' });
  });

  it('reports a network failure as status 0', async () => {
    const api = new Api('', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    await expect(api.stats()).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('fills the Cypher result\'s missing parts', async () => {
    const api = new Api('', (async () => new Response(JSON.stringify({ columns: ['n'], rows: [[1]] }))) as typeof fetch);
    expect(await api.cypher('RETURN 1 AS n')).toEqual({ columns: ['n'], rows: [[1]], graph: { nodes: [], edges: [] }, summary: {} });
  });
});

describe('response shapes', () => {
  it('unwraps a graph sent bare or under `graph`', () => {
    const g = { nodes: [{ key: 'a' }], edges: [] };
    expect(unwrapGraph(g)).toEqual(g);
    expect(unwrapGraph({ graph: g, path: ['a'] })).toEqual(g);
    expect(unwrapGraph(undefined)).toEqual({ nodes: [], edges: [] });
  });

  it('reads the path as ids from strings or node objects', () => {
    expect(normalizePath({ path: ['a', 'b'], graph: { nodes: [], edges: [] } }).nodes).toEqual(['a', 'b']);
    expect(normalizePath({ nodes: [{ id: 'a' }, { id: 'b' }] }).nodes).toEqual(['a', 'b']);
    expect(normalizePath({ path: { nodes: [{ id: 'x' }] } }).nodes).toEqual(['x']);
    expect(normalizePath({}).nodes).toEqual([]);
  });

  it('reads saved queries with both titles, their parameters and text', () => {
    expect(normalizeSavedQuery({ name: 'citation-matrix', title_en: 'Instruments cited by recommendations', title_zh: '建议引用的文书', description: 'd', params: [{ name: 'report', type: 'string', default: '' }], cypher: 'MATCH (n) RETURN n' })).toEqual({
      name: 'citation-matrix',
      title: 'Instruments cited by recommendations',
      title_en: 'Instruments cited by recommendations',
      title_zh: '建议引用的文书',
      description: 'd',
      query: 'MATCH (n) RETURN n',
      parameters: [{ name: 'report', type: 'string', default: '' }],
    });
    expect(normalizeSavedQuery({})).toBeNull();
  });
});
