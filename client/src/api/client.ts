import type {
  CitationsResponse,
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
import { decodeCompactGraph, isCompactGraph } from '../../../server/contract/compactGraph.ts';


type Fetch = typeof fetch;

/**
 * The API as the viewer uses it. Every call resolves with the answer as the contract
 * (server/contract/api.ts) describes it, or rejects with an ApiError (status 0 when
 * the network failed).
 */
export class Api {
  constructor(
    private readonly base = '',
    private readonly fetchImpl: Fetch = (...args) => fetch(...args),
  ) {}

  async request<T>(path: string, init?: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, {
        ...init,
        headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}), ...init?.headers },
      });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (!response.ok) {
      // Not every failure comes from the API (a proxy's 502 page): read its error body only when there is one.
      const error = (body as Partial<ErrorResponse> | undefined)?.error;
      throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? response.statusText ?? 'Request failed', error?.details);
    }
    return body as T;
  }

  graph(params: { labels?: string[]; types?: string[]; report?: string } = {}): Promise<SerializedGraph> {
    const query = new URLSearchParams();
    if (params.labels?.length) query.set('labels', params.labels.join(','));
    if (params.types?.length) query.set('types', params.types.join(','));
    if (params.report) query.set('report', params.report);
    // The compact form: about half the bytes and far fewer objects to parse for a large graph.
    // A server that answers in the serialized form anyway is taken as it is.
    query.set('format', 'compact');
    return this.request<unknown>(`/api/graph?${query}`).then((body) => (isCompactGraph(body) ? decodeCompactGraph(body) : (body as SerializedGraph)));
  }

  node(id: string): Promise<NodeDetailsResponse> {
    return this.request<NodeDetailsResponse>(`/api/nodes/${encodeURIComponent(id)}`);
  }

  neighbors(id: string, depth = 1, limit = 200): Promise<SerializedGraph> {
    return this.request<SerializedGraph>(`/api/nodes/${encodeURIComponent(id)}/neighbors?depth=${depth}&limit=${limit}`);
  }

  async search(q: string, limit = 10, labels?: string[], signal?: AbortSignal): Promise<SearchResult[]> {
    const query = new URLSearchParams({ q, limit: String(limit) });
    if (labels?.length) query.set('labels', labels.join(','));
    const body = await this.request<SearchResponse>(`/api/search?${query}`, signal ? { signal } : undefined);
    return body.results;
  }

  /** The shortest paths; `types` keeps only those relationship types (none: every type). */
  path(from: string, to: string, maxLength = 6, types: readonly string[] = []): Promise<PathResponse> {
    const query = new URLSearchParams({ from, to, maxLength: String(maxLength) });
    if (types.length > 0) query.set('types', types.join(','));
    return this.request<PathResponse>(`/api/path?${query}`);
  }

  async queries(): Promise<SavedQueryJson[]> {
    const body = await this.request<SavedQueriesResponse>('/api/queries');
    return body.queries;
  }

  cypher(query: string, params: NonNullable<CypherRequest['params']> = {}): Promise<CypherResponse> {
    const body: CypherRequest = { query, params };
    return this.request<CypherResponse>('/api/cypher', { method: 'POST', body: JSON.stringify(body) });
  }

  citations(instrument?: string): Promise<CitationsResponse> {
    const qs = instrument ? `?instrument=${encodeURIComponent(instrument)}` : '';
    return this.request<CitationsResponse>(`/api/citations${qs}`);
  }

  stats(): Promise<StatsResponse> {
    return this.request<StatsResponse>('/api/stats');
  }

  exportUrl(format: 'json' | 'gexf' | 'graphml' | 'csv', table?: 'nodes' | 'relationships'): string {
    return `${this.base}/api/export?format=${format}${table ? `&table=${table}` : ''}`;
  }

  citationsCsvUrl(instrument?: string): string {
    return `${this.base}/api/citations?format=csv${instrument ? `&instrument=${encodeURIComponent(instrument)}` : ''}`;
  }
}

export const api = new Api();
