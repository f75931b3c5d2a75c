import { describe, expect, it } from 'vitest';
import { Api } from '../../../../../client/src/api/client.ts';
import { encodeCompactGraph } from '../../../../../server/contract/compactGraph.ts';
import { ApiError } from '../../../../../server/contract/errors.ts';
import type { SerializedGraph } from '../../../../../server/contract/graph.ts';

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
    const api = new Api(
      '',
      mockFetch({
        '/api/search?q=UNTOC&limit=10': {
          body: {
            results: [
              {
                id: 'instrument:untoc',
                labels: ['Instrument'],
                name: '打击有组织犯罪公约',
                name_en: 'United Nations Convention against Transnational Organized Crime',
                name_zh: '联合国打击跨国有组织犯罪公约',
                score: 3.2,
              },
            ],
          },
        },
      }),
    );
    const results = await api.search('UNTOC');
    expect(results[0]?.id).toBe('instrument:untoc');
  });

  it("turns the API's error body into an ApiError with status, code and message", async () => {
    const api = new Api('', mockFetch({}));
    await expect(api.node('nope')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    const failing = new Api(
      '',
      (async () =>
        new Response(JSON.stringify({ error: { code: 'cypher_write_refused', message: 'This query writes: the console is read-only.' } }), {
          status: 400,
        })) as typeof fetch,
    );
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

  it("sends a Cypher query and its parameters as the contract's request body", async () => {
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const answer = {
      columns: ['n'],
      rows: [{ n: 1 }],
      graph: { options: { type: 'directed', multi: true, allowSelfLoops: true }, attributes: {}, nodes: [], edges: [] },
      summary: {},
    };
    const api = new Api('', (async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: String(input), init });
      return new Response(JSON.stringify(answer));
    }) as typeof fetch);
    expect(await api.cypher('RETURN $x AS n', { x: 1 })).toEqual(answer);
    expect(sent[0]!.url).toBe('/api/cypher');
    expect(sent[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(sent[0]!.init?.body))).toEqual({ query: 'RETURN $x AS n', params: { x: 1 } });
    expect(sent[0]!.init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('asks for the graph in its compact form and gives it back in the serialized form; refuses one that is not a graph', async () => {
    const graph: SerializedGraph = {
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      attributes: {},
      nodes: [{ key: 'state:peru', attributes: { labels: ['State'], name: '秘鲁', properties: {} } }],
      edges: [],
    };
    const api = new Api('', mockFetch({ '/api/graph?format=compact': { body: encodeCompactGraph(graph) } }));
    await expect(api.graph()).resolves.toEqual(graph);
    const broken = new Api('', mockFetch({ '/api/graph?format=compact': { body: { ...encodeCompactGraph(graph), nodes: { keys: ['x'] } } } }));
    await expect(broken.graph()).rejects.toMatchObject({ status: 200, code: 'graph_unreadable' });
    const busy = new Api('', mockFetch({ '/api/graph?format=compact': { status: 503, body: { error: { code: 'graph_busy', message: 'busy' } } } }));
    await expect(busy.graph()).rejects.toMatchObject({ status: 503, code: 'graph_busy' });
  });

  it('hands a prefetched graph to the first graph() call only, and only when it asks the same, a failure included', async () => {
    const graph: SerializedGraph = {
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      attributes: {},
      nodes: [{ key: 'state:peru', attributes: { labels: ['State'], name: '秘鲁', properties: {} } }],
      edges: [],
    };
    const asked: string[] = [];
    const counting = (routes: Parameters<typeof mockFetch>[0]): typeof fetch => {
      const inner = mockFetch(routes);
      return ((input: RequestInfo | URL, init?: RequestInit) => {
        asked.push(String(input));
        return inner(input, init);
      }) as typeof fetch;
    };
    const fetchImpl = counting({
      '/api/graph?format=compact': { body: encodeCompactGraph(graph) },
      '/api/graph?format=compact&report=report%3Aa': { body: encodeCompactGraph({ ...graph, nodes: [] }) },
    });
    const early = new Api('', fetchImpl);
    early.prefetchGraph();
    expect(asked).toEqual(['/api/graph?format=compact']);
    // Another Api (the controller's) with the same request takes it: no second request.
    const app = new Api('', fetchImpl);
    await expect(app.graph()).resolves.toEqual(graph);
    expect(asked).toHaveLength(1);
    // Taken once: the next call asks the server again.
    await expect(app.graph()).resolves.toEqual(graph);
    expect(asked).toHaveLength(2);
    // Another corpus filter is another request.
    early.prefetchGraph();
    const filtered = new Api('', fetchImpl);
    filtered.filter = { ...filtered.filter, reports: ['report:a'] };
    await expect(filtered.graph()).resolves.toMatchObject({ nodes: [] });
    expect(asked.slice(2)).toEqual(['/api/graph?format=compact', '/api/graph?format=compact&report=report%3Aa']);
    // The first graph() asked for something else: the prefetched answer was dropped, not kept for later.
    await expect(app.graph()).resolves.toEqual(graph);
    expect(asked).toHaveLength(5);

    // A failed prefetch is not an unhandled rejection, and its taker hears the error.
    const busy = new Api('', counting({ '/api/graph?format=compact': { status: 503, body: { error: { code: 'graph_busy', message: 'busy' } } } }));
    busy.prefetchGraph();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(busy.graph()).rejects.toMatchObject({ status: 503, code: 'graph_busy' });
  });
});
