import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphWorkerAnswer } from '../../../../../client/src/api/graph.worker.ts';
import { unpackGraph } from '../../../../../client/src/api/graphPayload.ts';
import { encodeCompactGraph } from '../../../../../server/contract/compactGraph.ts';
import type { SerializedGraph } from '../../../../../server/contract/graph.ts';

const graph: SerializedGraph = {
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  attributes: {},
  nodes: [
    { key: 'state:china', attributes: { labels: ['State'], name: '中国', properties: {} } },
    { key: 'crime:trafficking', attributes: { labels: ['CrimeType'], name: '贩运人口', properties: { iccs: '0401' } } },
  ],
  edges: [{ key: '5:db:7', source: 'state:china', target: 'crime:trafficking', attributes: { type: 'ADDRESSES', properties: {} } }],
};

/** The worker's global scope, as the worker module sees it: its message listener and what it posts back (with the transfer list). */
const scope = {
  listener: null as ((event: { data: { url: string } }) => void) | null,
  posted: [] as { message: GraphWorkerAnswer; transfer?: Transferable[] }[],
  addEventListener(_type: 'message', listener: (event: { data: { url: string } }) => void) {
    this.listener = listener;
  },
  postMessage(message: GraphWorkerAnswer, transfer?: Transferable[]) {
    this.posted.push({ message, transfer });
  },
};

/** Sends the worker one request for `url` and waits for its one answer. */
async function ask(url: string): Promise<{ message: GraphWorkerAnswer; transfer?: Transferable[] }> {
  const before = scope.posted.length;
  scope.listener!({ data: { url } });
  await vi.waitFor(() => expect(scope.posted.length).toBe(before + 1));
  return scope.posted[before]!;
}

const answers: Record<string, () => Response | Promise<Response>> = {
  'http://viewer.test/api/graph?format=compact': () => Response.json(encodeCompactGraph(graph)),
  'http://viewer.test/api/graph?format=compact&busy=1': () =>
    Response.json({ error: { code: 'graph_busy', message: 'Too many graphs are being built; try again shortly.' } }, { status: 503 }),
  'http://viewer.test/api/graph?format=compact&proxy=1': () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
  'http://viewer.test/api/graph?format=compact&broken=1': () =>
    Response.json({ ...encodeCompactGraph(graph), edges: { ...encodeCompactGraph(graph).edges, target: [9] } }),
  'http://viewer.test/api/graph?format=compact&down=1': () => Promise.reject(new TypeError('Failed to fetch')),
};

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    expect(new Headers(init?.headers).get('Accept')).toBe('application/json');
    return answers[input]!();
  });
  await import('../../../../../client/src/api/graph.worker.ts');
});
afterAll(() => vi.unstubAllGlobals());

describe('the graph worker', () => {
  it('answers with the packed graph, its index columns transferred', async () => {
    const { message, transfer } = await ask('http://viewer.test/api/graph?format=compact');
    expect(message.ok).toBe(true);
    if (!message.ok) return;
    expect(transfer).toHaveLength(4);
    expect(unpackGraph(message.packed)).toEqual(graph);
  });

  it("hands the API's error on with its status, code and message (a 503 graph_busy)", async () => {
    const { message } = await ask('http://viewer.test/api/graph?format=compact&busy=1');
    expect(message).toEqual({
      ok: false,
      error: { status: 503, code: 'graph_busy', message: 'Too many graphs are being built; try again shortly.', details: undefined },
    });
  });

  it("words what is not the API's answer, a network failure and a broken graph as the page's own request would", async () => {
    expect((await ask('http://viewer.test/api/graph?format=compact&proxy=1')).message).toMatchObject({ ok: false, error: { status: 502, code: 'http_502' } });
    expect((await ask('http://viewer.test/api/graph?format=compact&down=1')).message).toMatchObject({
      ok: false,
      error: { status: 0, code: 'network', message: 'Failed to fetch' },
    });
    expect((await ask('http://viewer.test/api/graph?format=compact&broken=1')).message).toMatchObject({
      ok: false,
      error: { status: 200, code: 'graph_unreadable', message: expect.stringMatching(/target index 9 out of range/) },
    });
  });
});
