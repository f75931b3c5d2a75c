import type { SerializedGraph } from '../graph/build.ts';

/** An error the API answered with (`{error: {code, message, details}}`), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** One hit of GET /api/search (docs/API.md, How search ranks). */
export interface SearchResult {
  id: string;
  labels: string[];
  name: string;
  name_en?: string | null;
  name_zh?: string | null;
  score?: number;
  /** Why it was found: id, reference, exact, prefix, name, text or partial. */
  match?: string;
  /** The words matched (a name, an alias, a window of the text), and where in it: [start, end) UTF-16 offsets. */
  snippet?: string;
  highlights?: [number, number][];
  /** The report a paragraph or recommendation belongs to, and its tag (LAC-15). */
  report?: string;
  tag?: string;
  /** Found through a translation: the other-language form that matched. */
  via?: { kind: string; from: string; form: string };
}

export interface SavedQuery {
  name: string;
  title: string;
  title_en: string;
  title_zh: string;
  description?: string;
  query?: string;
  parameters: { name: string; type?: string; default?: unknown; description?: string }[];
}

export interface CypherResult {
  columns: string[];
  rows: unknown[];
  graph: SerializedGraph;
  summary: Record<string, unknown>;
}

export interface PathResult {
  graph: SerializedGraph;
  /** Ordered node ids from `from` to `to` (empty when there is no path). */
  nodes: string[];
  raw: unknown;
}

type Fetch = typeof fetch;

/** The API as the viewer uses it. Every call resolves with parsed JSON or rejects with an ApiError. */
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
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? response.statusText ?? 'Request failed', error?.details);
    }
    return body as T;
  }

  graph(params: { labels?: string[]; types?: string[]; report?: string } = {}): Promise<SerializedGraph> {
    const query = new URLSearchParams();
    if (params.labels?.length) query.set('labels', params.labels.join(','));
    if (params.types?.length) query.set('types', params.types.join(','));
    if (params.report) query.set('report', params.report);
    const qs = query.toString();
    return this.request<SerializedGraph>(`/api/graph${qs ? `?${qs}` : ''}`).then(unwrapGraph);
  }

  node(id: string): Promise<unknown> {
    return this.request<unknown>(`/api/nodes/${encodeURIComponent(id)}`);
  }

  neighbors(id: string, depth = 1, limit = 200): Promise<SerializedGraph> {
    return this.request<unknown>(`/api/nodes/${encodeURIComponent(id)}/neighbors?depth=${depth}&limit=${limit}`).then(unwrapGraph);
  }

  async search(q: string, limit = 10, labels?: string[], signal?: AbortSignal): Promise<SearchResult[]> {
    const query = new URLSearchParams({ q, limit: String(limit) });
    if (labels?.length) query.set('labels', labels.join(','));
    const body = await this.request<{ results?: SearchResult[] }>(`/api/search?${query}`, signal ? { signal } : undefined);
    return Array.isArray(body?.results) ? body.results : [];
  }

  async path(from: string, to: string, maxLength = 6): Promise<PathResult> {
    const query = new URLSearchParams({ from, to, maxLength: String(maxLength) });
    const body = await this.request<unknown>(`/api/path?${query}`);
    return normalizePath(body);
  }

  async queries(): Promise<SavedQuery[]> {
    const body = await this.request<unknown>('/api/queries');
    const list = Array.isArray(body) ? body : ((body as { queries?: unknown[] })?.queries ?? []);
    return list.map(normalizeSavedQuery).filter((q): q is SavedQuery => q !== null);
  }

  runSaved(name: string, params: Record<string, unknown> = {}): Promise<CypherResult> {
    return this.request<CypherResult>(`/api/queries/${encodeURIComponent(name)}`, { method: 'POST', body: JSON.stringify({ params }) }).then(normalizeCypher);
  }

  cypher(query: string, params: Record<string, unknown> = {}): Promise<CypherResult> {
    return this.request<CypherResult>('/api/cypher', { method: 'POST', body: JSON.stringify({ query, params }) }).then(normalizeCypher);
  }

  citations(instrument?: string): Promise<unknown> {
    const qs = instrument ? `?instrument=${encodeURIComponent(instrument)}` : '';
    return this.request<unknown>(`/api/citations${qs}`);
  }

  stats(): Promise<unknown> {
    return this.request<unknown>('/api/stats');
  }

  exportUrl(format: 'json' | 'gexf' | 'graphml' | 'csv', table?: 'nodes' | 'relationships'): string {
    return `${this.base}/api/export?format=${format}${table ? `&table=${table}` : ''}`;
  }

  citationsCsvUrl(instrument?: string): string {
    return `${this.base}/api/citations?format=csv${instrument ? `&instrument=${encodeURIComponent(instrument)}` : ''}`;
  }
}

/** A graphology graph, whether sent bare or wrapped as `{graph: …}`. */
export function unwrapGraph(body: unknown): SerializedGraph {
  const candidate = (body as { graph?: unknown })?.graph && !Array.isArray((body as { nodes?: unknown }).nodes) ? (body as { graph: unknown }).graph : body;
  const g = candidate as Partial<SerializedGraph> | undefined;
  return { nodes: Array.isArray(g?.nodes) ? g.nodes : [], edges: Array.isArray(g?.edges) ? g.edges : [] };
}

export function normalizeCypher(body: CypherResult): CypherResult {
  return {
    columns: Array.isArray(body?.columns) ? body.columns : [],
    rows: Array.isArray(body?.rows) ? body.rows : [],
    graph: unwrapGraph(body?.graph ?? { nodes: [], edges: [] }),
    summary: body?.summary && typeof body.summary === 'object' ? body.summary : {},
  };
}

/** `/api/path` answers with a graph and an ordered list; the list may hold ids or node objects. */
export function normalizePath(body: unknown): PathResult {
  const b = (body ?? {}) as Record<string, unknown>;
  const graph = unwrapGraph(b.graph ?? { nodes: [], edges: [] });
  const candidates = [b.path, b.nodes, b.order, b.list, (b.path as Record<string, unknown> | undefined)?.nodes];
  let nodes: string[] = [];
  for (const candidate of candidates) {
    if (!Array.isArray(candidate) || candidate.length === 0) continue;
    const ids = candidate
      .map((item) => (typeof item === 'string' ? item : typeof (item as { id?: unknown })?.id === 'string' ? (item as { id: string }).id : null))
      .filter((id): id is string => id !== null);
    if (ids.length > 0) {
      nodes = ids;
      break;
    }
  }
  return { graph, nodes, raw: body };
}

/** A saved query as `/api/queries` lists it (`title_en`/`title_zh`, `params`, `cypher`), tolerant of older field names. */
export function normalizeSavedQuery(raw: unknown): SavedQuery | null {
  if (!raw || typeof raw !== 'object') return null;
  const q = raw as Record<string, unknown>;
  const name = typeof q.name === 'string' ? q.name : typeof q.id === 'string' ? q.id : null;
  if (!name) return null;
  const rawParams = Array.isArray(q.params) ? q.params : Array.isArray(q.parameters) ? q.parameters : [];
  const parameters = rawParams
    .map((p) => (typeof p === 'string' ? { name: p } : p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string' ? (p as SavedQuery['parameters'][number]) : null))
    .filter((p): p is SavedQuery['parameters'][number] => p !== null);
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const title = text(q.title) ?? text(q.title_en) ?? text(q.title_zh) ?? name;
  return {
    name,
    title,
    title_en: text(q.title_en) ?? title,
    title_zh: text(q.title_zh) ?? title,
    description: text(q.description),
    query: text(q.cypher) ?? text(q.query),
    parameters,
  };
}

export const api = new Api();
