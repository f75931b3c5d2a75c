import { isLang, type Lang } from '../i18n/i18n.ts';

export const VIEWS = ['explore', 'citations', 'crimes', 'compare', 'path', 'cypher'] as const;
export type View = (typeof VIEWS)[number];
/** The views that draw the entity graph of the loaded reports (`/api/graph`): opening one starts that request first. */
export const ENTITY_GRAPH_VIEWS: readonly View[] = ['explore', 'path', 'citations'];

/** Where the camera looks: sigma's camera state (x, y in the framed graph's 0–1 space; ratio: 1 shows the whole graph, smaller zooms in). */
export interface CameraState {
  x: number;
  y: number;
  ratio: number;
}

/** What a link reopens: the view, the selected node, the language, the camera and each view's input. */
export interface UrlState {
  view: View;
  lang: Lang;
  /** Selected node id. */
  node: string | null;
  /** Cypher console query. */
  query: string | null;
  /** Citation trace subject (instrument or recommendation id). */
  trace: string | null;
  /** Shortest path ends. */
  from: string | null;
  to: string | null;
  /** Shortest path: relationship types left out of the search, and which of the shortest paths is shown (0-based). */
  pathSkip: string[];
  pathIndex: number;
  /** Cypher console: its parameters (a JSON object's text) and the saved query loaded, by name. */
  params: string | null;
  saved: string | null;
  /** Crime links: the line selected, as its two crime types' ids joined by `~` (in id order). */
  link: string | null;
  /** The camera, once the reader moved it (null: the whole graph). */
  camera: CameraState | null;
  /** Legend: labels and relationship types switched off. */
  hiddenLabels: string[];
  hiddenTypes: string[];
  /** The corpus filter: report ids, region codes, Congress numbers (empty: no restriction). */
  reports: string[];
  regions: string[];
  congresses: number[];
  /** Comparison view: what it shows, and the entity profiled. */
  compare: CompareTab;
  profile: string | null;
}

export const COMPARE_TABS = ['instrument', 'crime', 'profile'] as const;
export type CompareTab = (typeof COMPARE_TABS)[number];

export const DEFAULT_URL_STATE: UrlState = {
  view: 'explore',
  lang: 'zh',
  node: null,
  query: null,
  trace: null,
  from: null,
  to: null,
  pathSkip: [],
  pathIndex: 0,
  params: null,
  saved: null,
  link: null,
  camera: null,
  hiddenLabels: [],
  hiddenTypes: [],
  reports: [],
  regions: [],
  congresses: [],
  compare: 'instrument',
  profile: null,
};

/** Camera figures in the URL: enough digits to land on the same pixel, no more. */
const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** `x,y,ratio` as the URL holds the camera; null for anything but three finite numbers with a positive ratio. */
export function parseCamera(text: string | null): CameraState | null {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n)) || parts[2]! <= 0) return null;
  return { x: parts[0]!, y: parts[1]!, ratio: parts[2]! };
}

export function serializeCamera(camera: CameraState): string {
  return [round(camera.x, 4), round(camera.y, 4), round(camera.ratio, 4)].join(',');
}

/** The camera as it will read back from the URL (rounded), so equal pictures give equal links. */
export function normalizeCamera(camera: CameraState): CameraState {
  return parseCamera(serializeCamera(camera))!;
}

/** A crime link's URL key: its two ends in id order, so either way round names the same line. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}~${b}` : `${b}~${a}`;
}

export function linkEnds(key: string): [string, string] | null {
  const parts = key.split('~');
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : null;
}

function isView(value: string | null): value is View {
  return value !== null && (VIEWS as readonly string[]).includes(value);
}

function list(value: string | null): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].sort();
}

/** Reads the state from a query string (`?view=…&node=…`); anything unknown or malformed falls back to the default. */
export function parseUrlState(search: string, defaults: UrlState = DEFAULT_URL_STATE): UrlState {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const view = params.get('view');
  const lang = params.get('lang');
  const text = (key: string) => {
    const value = params.get(key);
    return value !== null && value !== '' ? value : null;
  };
  return {
    view: isView(view) ? view : defaults.view,
    lang: isLang(lang) ? lang : defaults.lang,
    node: text('node'),
    query: text('q'),
    trace: text('trace'),
    from: text('from'),
    to: text('to'),
    pathSkip: params.has('skip') ? list(params.get('skip')) : defaults.pathSkip,
    pathIndex: /^\d{1,3}$/.test(params.get('alt') ?? '') ? Number(params.get('alt')) : defaults.pathIndex,
    params: text('params'),
    saved: text('saved'),
    link: text('link'),
    camera: parseCamera(params.get('cam')),
    hiddenLabels: params.has('hide') ? list(params.get('hide')) : defaults.hiddenLabels,
    hiddenTypes: params.has('hideRel') ? list(params.get('hideRel')) : defaults.hiddenTypes,
    reports: params.has('report') ? list(params.get('report')).filter((r) => /^report:[\w.-]+$/.test(r)) : defaults.reports,
    regions: params.has('region') ? list(params.get('region')).filter((r) => /^[A-Z][A-Z0-9]{0,15}$/.test(r)) : defaults.regions,
    congresses: params.has('congress')
      ? [
          ...new Set(
            list(params.get('congress'))
              .filter((c) => /^[1-9]\d?$/.test(c))
              .map(Number),
          ),
        ].sort((a, b) => a - b)
      : defaults.congresses,
    compare: (COMPARE_TABS as readonly string[]).includes(params.get('cmp') ?? '') ? (params.get('cmp') as CompareTab) : defaults.compare,
    profile: text('profile'),
  };
}

/** The query string for a state: only what differs from the default, in a fixed order, so equal states give equal links. */
export function serializeUrlState(state: UrlState, defaults: UrlState = DEFAULT_URL_STATE): string {
  const params = new URLSearchParams();
  if (state.view !== defaults.view) params.set('view', state.view);
  if (state.lang !== defaults.lang) params.set('lang', state.lang);
  if (state.node) params.set('node', state.node);
  if (state.query) params.set('q', state.query);
  if (state.trace) params.set('trace', state.trace);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.pathSkip.length > 0) params.set('skip', [...state.pathSkip].sort().join(','));
  if (state.pathIndex > 0) params.set('alt', String(state.pathIndex));
  if (state.saved) params.set('saved', state.saved);
  if (state.params) params.set('params', state.params);
  if (state.link) params.set('link', state.link);
  if (state.camera) params.set('cam', serializeCamera(state.camera));
  if (state.hiddenLabels.length > 0) params.set('hide', [...state.hiddenLabels].sort().join(','));
  if (state.hiddenTypes.length > 0) params.set('hideRel', [...state.hiddenTypes].sort().join(','));
  if (state.reports.length > 0) params.set('report', [...state.reports].sort().join(','));
  if (state.regions.length > 0) params.set('region', [...state.regions].sort().join(','));
  if (state.congresses.length > 0) params.set('congress', [...state.congresses].sort((a, b) => a - b).join(','));
  if (state.compare !== defaults.compare) params.set('cmp', state.compare);
  if (state.profile) params.set('profile', state.profile);
  const text = params.toString();
  return text ? `?${text}` : '';
}
