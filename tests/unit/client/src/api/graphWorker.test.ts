import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GraphWorkerAnswer } from '../../../../../client/src/api/graph.worker.ts';
import { packGraph } from '../../../../../client/src/api/graphPayload.ts';
import { loadGraphInWorker } from '../../../../../client/src/api/graphWorker.ts';
import { describeError, ERROR_MESSAGES } from '../../../../../client/src/i18n/errors.ts';
import { encodeCompactGraph } from '../../../../../server/contract/compactGraph.ts';
import { ApiError } from '../../../../../server/contract/errors.ts';
import type { SerializedGraph } from '../../../../../server/contract/graph.ts';

const graph: SerializedGraph = {
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  attributes: {},
  nodes: [{ key: 'state:kenya', attributes: { labels: ['State'], name: '肯尼亚', properties: { name_en: 'Kenya' } } }],
  edges: [{ key: '5:db:1', source: 'state:kenya', target: 'state:kenya', attributes: { type: 'CO_OCCURS', properties: { count: 2 } } }],
};

/** A Worker stand-in: answers each request with `reply` (a message, or the `error` event of a script that did not load). */
function fakeWorker(reply: GraphWorkerAnswer | 'script error') {
  const made: { url: string; request?: unknown; terminated: boolean }[] = [];
  class FakeWorker extends EventTarget {
    private readonly record: (typeof made)[number];
    constructor(url: URL) {
      super();
      this.record = { url: String(url), terminated: false };
      made.push(this.record);
    }
    postMessage(request: unknown) {
      this.record.request = request;
      setTimeout(() => {
        if (reply === 'script error') this.dispatchEvent(new Event('error', { cancelable: true }));
        else this.dispatchEvent(new MessageEvent('message', { data: structuredClone(reply) }));
      }, 0);
    }
    terminate() {
      this.record.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return made;
}

afterEach(() => vi.unstubAllGlobals());

const notCalled = () => Promise.reject(new Error('the fallback ran'));

describe('the page side of the graph worker', () => {
  it('asks the worker for the URL, builds the serialized graph from its answer and ends the worker', async () => {
    const made = fakeWorker({ ok: true, packed: packGraph(encodeCompactGraph(graph)).packed });
    await expect(loadGraphInWorker('http://viewer.test/api/graph?format=compact', notCalled)).resolves.toEqual(graph);
    expect(made).toHaveLength(1);
    expect(made[0]!.url).toMatch(/graph\.worker\.ts$/);
    expect(made[0]!.request).toEqual({ url: 'http://viewer.test/api/graph?format=compact' });
    expect(made[0]!.terminated).toBe(true);
  });

  it('rejects with the ApiError of the answer, worded as a failed fetch is (503 graph_busy)', async () => {
    fakeWorker({ ok: false, error: { status: 503, code: 'graph_busy', message: 'Too many graphs are being built.' } });
    const error = await loadGraphInWorker('http://viewer.test/api/graph', notCalled).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'graph_busy' });
    expect(describeError(error, 'zh').message).toBe(ERROR_MESSAGES.graph_busy!.zh);
    expect(describeError(error, 'en').message).toBe(ERROR_MESSAGES.graph_busy!.en);
  });

  it('rejects a packed answer whose columns do not hold together as graph_unreadable', async () => {
    const packed = packGraph(encodeCompactGraph(graph)).packed;
    if (packed.kind !== 'compact') throw new Error('expected a compact graph');
    fakeWorker({ ok: true, packed: { ...packed, graph: { ...packed.graph, nodes: { ...packed.graph.nodes, names: [] } } } });
    await expect(loadGraphInWorker('http://viewer.test/api/graph', notCalled)).rejects.toMatchObject({ code: 'graph_unreadable' });
  });

  it('reads the answer on the page when the worker script cannot run, or there are no workers', async () => {
    const made = fakeWorker('script error');
    await expect(loadGraphInWorker('http://viewer.test/api/graph', () => Promise.resolve(graph))).resolves.toEqual(graph);
    expect(made[0]!.terminated).toBe(true);
    vi.stubGlobal('Worker', undefined);
    await expect(loadGraphInWorker('http://viewer.test/api/graph', () => Promise.resolve(graph))).resolves.toEqual(graph);
  });
});
