import type {
  CitationsResponse,
  CompareResponse,
  CorpusResponse,
  ProfileResponse,
  ReportRemovedResponse,
  ReportUploadResponse,
  CypherRequest,
  CypherResponse,
  ErrorResponse,
  NodeDetailsResponse,
  PathResponse,
  SavedQueriesResponse,
  SavedQueryJson,
  SearchResponse,
  SearchResult,
  StatsResponse,
} from '../../../server/contract/api.ts';
import { ApiError } from '../../../server/contract/errors.ts';
import type { SerializedGraph } from '../../../server/contract/graph.ts';
import { filterParams, NO_FILTER, type CorpusFilterState } from '../corpus/corpus.ts';
import { graphFromBody } from './graphPayload.ts';
import { loadGraphInWorker } from './graphWorker.ts';
import { networkError, readResponse } from './response.ts';

type Fetch = typeof fetch;

/**
 * Graph requests started before the viewer's code has loaded (Api.prefetchGraph, from
 * main.ts), by request URL: the first graph() call for the same URL takes its answer
 * instead of asking again. Taken once, and only by the first graph() call: a call that asks
 * for something else drops it, and every later call asks the server.
 */
const prefetched = new Map<string, Promise<SerializedGraph>>();

/**
 * The API as the viewer uses it. Every call resolves with the answer as the contract
 * (server/contract/api.ts) describes it, or rejects with an ApiError (status 0 when
 * the network failed). Every call that reads the graph carries the corpus filter
 * (`filter`), so every view honours it.
 */
export class Api {
  /** The corpus filter every read sends (the corpus panel sets it). */
  filter: CorpusFilterState = NO_FILTER;

  /**
   * @param base what API paths are relative to ('' for the page's origin)
   * @param fetchImpl the fetch every request goes through; when given, the graph is read
   *   through it on the calling thread too, never in a worker
   */
  constructor(
    private readonly base = '',
    private readonly fetchImpl?: Fetch,
  ) {}

  async request<T>(path: string, init?: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await (this.fetchImpl ?? fetch)(`${this.base}${path}`, {
        ...init,
        headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}), ...init?.headers },
      });
    } catch (error) {
      throw networkError(error);
    }
    const body = await readResponse(response);
    return body as T;
  }

  /** `path` with the given parameters and the corpus filter as its query string. */
  private url(path: string, params: Record<string, string | undefined> = {}, filtered = true): string {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, v);
    if (filtered) for (const [k, v] of filterParams(this.filter)) query.set(k, v);
    const qs = query.toString();
    return `${path}${qs ? `?${qs}` : ''}`;
  }

  /**
   * The graph of the loaded reports (`/api/graph`, in its compact form: about half the bytes
   * and far fewer objects to parse), as graphology's serialized form. On a page, fetched and
   * parsed in a web worker (graphWorker.ts), so the main thread only builds it. Rejects with
   * an ApiError: the API's, `network`, or `graph_unreadable` for an answer that is not a graph.
   */
  graph(params: { labels?: string[]; types?: string[] } = {}): Promise<SerializedGraph> {
    const url = this.url('/api/graph', { labels: params.labels?.join(','), types: params.types?.join(','), format: 'compact' });
    const early = prefetched.get(`${this.base}${url}`);
    // Only the first graph() may take a prefetched answer: one it does not ask for is let go, not held for the page's life.
    prefetched.clear();
    if (early) return early;
    const onThisThread = (): Promise<SerializedGraph> => this.request<unknown>(url).then((body) => graphFromBody(body));
    if (this.fetchImpl || typeof location === 'undefined') return onThisThread();
    return loadGraphInWorker(new URL(`${this.base}${url}`, location.href).href, onThisThread);
  }

  /**
   * Starts graph(params) now and keeps its answer for the first graph() call with the same
   * request (the same parameters and corpus filter, on any Api with the same base): the
   * page starts the Explore graph's request before the viewer's code has loaded, so the
   * server works while the browser compiles it (main.ts). A failure is kept for that call too.
   */
  prefetchGraph(params: { labels?: string[]; types?: string[] } = {}): void {
    const url = this.url('/api/graph', { labels: params.labels?.join(','), types: params.types?.join(','), format: 'compact' });
    const answer = this.graph(params);
    // Not unhandled while nobody has taken it yet; the taker still sees the rejection.
    answer.catch(() => undefined);
    prefetched.set(`${this.base}${url}`, answer);
  }

  node(id: string): Promise<NodeDetailsResponse> {
    return this.request<NodeDetailsResponse>(this.url(`/api/nodes/${encodeURIComponent(id)}`));
  }

  neighbors(id: string, depth = 1, limit = 200): Promise<SerializedGraph> {
    return this.request<SerializedGraph>(this.url(`/api/nodes/${encodeURIComponent(id)}/neighbors`, { depth: String(depth), limit: String(limit) }));
  }

  async search(q: string, limit = 10, labels?: string[], signal?: AbortSignal): Promise<SearchResult[]> {
    const body = await this.request<SearchResponse>(
      this.url('/api/search', { q, limit: String(limit), labels: labels?.join(',') }),
      signal ? { signal } : undefined,
    );
    return body.results;
  }

  /** The shortest paths; `types` keeps only those relationship types (none: every type). */
  path(from: string, to: string, maxLength = 6, types: readonly string[] = []): Promise<PathResponse> {
    return this.request<PathResponse>(this.url('/api/path', { from, to, maxLength: String(maxLength), types: types.length > 0 ? types.join(',') : undefined }));
  }

  /** The corpus: every loaded report (never filtered: the panel lists them all). */
  reports(): Promise<CorpusResponse> {
    return this.request<CorpusResponse>('/api/reports');
  }

  compare(columns: 'instrument' | 'crime'): Promise<CompareResponse> {
    return this.request<CompareResponse>(this.url('/api/compare', { columns }));
  }

  profile(id: string): Promise<ProfileResponse> {
    return this.request<ProfileResponse>(this.url(`/api/nodes/${encodeURIComponent(id)}/profile`));
  }

  /**
   * Upload a report file (PDF, Word or text) as it is; the server reads it through its one
   * document door. `onProgress` hears the share of the file sent (0–1). XMLHttpRequest, as
   * fetch reports no upload progress.
   */
  uploadReport(file: Blob, name: string, token: string, onProgress?: (sent: number) => void): Promise<ReportUploadResponse> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.base}/api/reports?${new URLSearchParams({ name })}`);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress?.(e.loaded / e.total);
      };
      xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload did not reach the server.'));
      xhr.onload = () => {
        let body: unknown;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(body as ReportUploadResponse);
        else {
          const error = (body as Partial<ErrorResponse> | undefined)?.error;
          reject(new ApiError(xhr.status, error?.code ?? `http_${xhr.status}`, error?.message ?? xhr.statusText, error?.details));
        }
      };
      xhr.send(file);
    });
  }

  removeReport(id: string, token: string): Promise<ReportRemovedResponse> {
    return this.request<ReportRemovedResponse>(`/api/reports/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
  }

  async queries(): Promise<SavedQueryJson[]> {
    const body = await this.request<SavedQueriesResponse>('/api/queries');
    return body.queries;
  }

  cypher(query: string, params: NonNullable<CypherRequest['params']> = {}): Promise<CypherResponse> {
    const body: CypherRequest = { query, params };
    return this.request<CypherResponse>(this.url('/api/cypher'), { method: 'POST', body: JSON.stringify(body) });
  }

  citations(instrument?: string): Promise<CitationsResponse> {
    return this.request<CitationsResponse>(this.url('/api/citations', { instrument }));
  }

  stats(): Promise<StatsResponse> {
    return this.request<StatsResponse>('/api/stats');
  }

  exportUrl(format: 'json' | 'gexf' | 'graphml' | 'csv', table?: 'nodes' | 'relationships'): string {
    return `${this.base}${this.url('/api/export', { format, table })}`;
  }

  citationsCsvUrl(instrument?: string): string {
    return `${this.base}${this.url('/api/citations', { format: 'csv', instrument })}`;
  }
}

export const api = new Api();
